/** The benchmark's report timing: every chart (spec, SVG, PNG) and report.html for a scenario's default run. */
import type { Scenario } from '../src/scenario/scenario-schema.ts';
import { runScenario } from '../src/pipeline/run-scenario.ts';
import { buildReportFiles } from '../src/report/build-report-files.ts';
import { packageVersion } from '../src/report/package-version.ts';

export interface ReportTiming {
  ms: { median: number; min: number; max: number; runs: number };
  files: number;
}

export async function reportTiming(scenario: Scenario, runs = 3): Promise<ReportTiming> {
  const { table, summary, params } = await runScenario(scenario, { workers: 2 });
  const samples: number[] = [];
  let files = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    files = (await buildReportFiles({ scenario, params, scenarioText: '', summary, table, version: packageVersion() })).length;
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: { median: samples[Math.floor(runs / 2)]!, min: samples[0]!, max: samples[runs - 1]!, runs }, files };
}
