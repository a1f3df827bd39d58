/**
 * The charts and report of a sweep: the sweep registry's chart for its kind
 * (`charts/<name>.vl.json`, `.svg`, 2× `.png`), then `report.html`, `report.pdf`
 * if asked and (unless `deck` is false) `deck.pptx`. The CLI
 * calls this after the sweep (skipped with `--no-charts`) and writes the
 * files with sweep.json.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { SweepResult } from '../stats/sweep.ts';
import { SWEEP_CHARTS } from '../charts/sweep-chart-registry.ts';
import { buildDeck } from './build-deck.ts';
import { printReportPdf } from './print-report-pdf.ts';
import { buildSweepReportHtml } from './build-sweep-report-html.ts';
import { sweepDeckInput } from './deck-inputs.ts';
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
  /** Awaited before each chart and the deck; a rejection (a cancel) stops the build. */
  checkpoint?: (step: string) => Promise<void>;
  /** Also build deck.pptx (default true). */
  deck?: boolean;
  /** Also print report.html to report.pdf with this Chromium (findChromium). */
  pdfChromium?: string;
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
  if (input.pdfChromium !== undefined) {
    await input.checkpoint?.('pdf');
    files.push({ path: 'report.pdf', content: await printReportPdf(html, input.pdfChromium) });
  }
  if (input.deck ?? true) {
    await input.checkpoint?.('deck');
    files.push({ path: 'deck.pptx', content: await buildDeck(sweepDeckInput(input.result, input.scenario, charts, input.version)) });
  }
  return files;
}
