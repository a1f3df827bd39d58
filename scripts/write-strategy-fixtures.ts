/**
 * Writes test/fixtures/before-strategies/<scenario>/: summary.json and every
 * chart's .vl.json of each bundled two-strategy scenario at a fixed trial
 * count. The committed files come from the code before strategies became
 * data (f48e2ee); test/scenario/before-strategies.test.ts regenerates them
 * with the current code and compares byte for byte.
 *
 *   npx tsx scripts/write-strategy-fixtures.ts
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadScenario } from '../src/scenario/load-scenario.ts';
import { runScenario } from '../src/pipeline/run-scenario.ts';
import { prepareChartData } from '../src/stats/prepare-chart-data.ts';
import { REPORT_CHARTS } from '../src/charts/chart-registry.ts';
import { presentCharts } from '../src/report/render-chart-files.ts';
import { formatSummaryJson } from '../src/report/run-record.ts';

export const FIXTURE_FOLDER = 'test/fixtures/before-strategies';
export const FIXTURE_TRIALS = 1_000;
export const FIXTURE_SCENARIOS = ['expansion', 'high-barriers', 'hp-cso', 'innovation', 'low-barriers', 'replacement', 'repurchase', 'under-resourced-ato'];

export interface FixtureFile {
  path: string;
  content: string;
}

/** The files of one scenario's fixture, paths relative to its folder. */
export async function strategyFixtureFiles(name: string): Promise<FixtureFile[]> {
  const { scenario } = loadScenario(`scenarios/${name}.yaml`);
  // Switchovers re-run every assumption (about as long again as the rest); their own tests cover them.
  const run = await runScenario({ ...scenario, trials: FIXTURE_TRIALS }, { workers: 1, switchovers: false });
  const data = prepareChartData(run.params, run.summary, run.table);
  const charts = presentCharts(REPORT_CHARTS, data).map(({ entry, spec }) => ({
    path: `charts/${entry.name}.vl.json`,
    content: `${JSON.stringify(spec, null, 2)}\n`,
  }));
  return [{ path: 'summary.json', content: formatSummaryJson(run.summary) }, ...charts];
}

async function main(): Promise<void> {
  for (const name of FIXTURE_SCENARIOS) {
    for (const file of await strategyFixtureFiles(name)) {
      const path = join(FIXTURE_FOLDER, name, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  }
  process.stdout.write(`${readdirSync(FIXTURE_FOLDER).length} scenarios written to ${FIXTURE_FOLDER}/\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
