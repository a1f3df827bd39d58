/**
 * The charts and report of a sweep: the sweep registry's chart for its kind
 * (`charts/<name>.vl.json`, `.svg`, 2× `.png`), then `report.html`. The CLI
 * calls this after the sweep (skipped with `--no-charts`) and writes the
 * files with sweep.json.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { SweepResult } from '../stats/sweep.ts';
import { SWEEP_CHARTS } from '../charts/sweep-chart-registry.ts';
import { buildSweepReportHtml } from './build-sweep-report-html.ts';
import { renderChartFiles } from './render-chart-files.ts';
import { readVegaBundles } from './vega-bundles.ts';
import type { OutputFile } from './write-folder-atomically.ts';

export interface SweepReportInput {
  /** The scenario as swept (its own values are the marked point). */
  scenario: Scenario;
  /** The scenario file as written, shown in the report. */
  scenarioText: string;
  result: SweepResult;
  /** expansim's version, for the report's facts. */
  version: string;
  /** Called with each warning vega-lite or vega logs while rendering (none are expected). */
  onWarning?: (message: string) => void;
  /** Awaited before each chart; a rejection (a cancel) stops the build. */
  checkpoint?: (step: string) => Promise<void>;
}

/** Builds the sweep's chart files and report.html; paths are relative to the sweep's folder. */
export async function buildSweepReportFiles(input: SweepReportInput): Promise<OutputFile[]> {
  const { files, charts } = await renderChartFiles(SWEEP_CHARTS, input.result, input.onWarning, input.checkpoint);
  const html = buildSweepReportHtml({
    scenario: input.scenario,
    scenarioText: input.scenarioText,
    result: input.result,
    version: input.version,
    charts,
    bundles: readVegaBundles(),
  });
  files.push({ path: 'report.html', content: html });
  return files;
}
