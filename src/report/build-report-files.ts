/**
 * The charts and the review report of a run: for each chart in the registry
 * whose data the run has, its vega-lite spec (`charts/<name>.vl.json`), SVG
 * and 2× PNG, then `report.html`, `report.pdf` if asked and (unless `deck` is false) `deck.pptx`.
 * The CLI calls this after the core run
 * (skipped with `--no-charts`) and writes the files with the rest of the
 * run's output.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { ModelParameters } from '../model/parameters.ts';
import type { FullSummary } from '../stats/full-summary.ts';
import { prepareChartData } from '../stats/prepare-chart-data.ts';
import { REPORT_CHARTS } from '../charts/chart-registry.ts';
import { buildDeck } from './build-deck.ts';
import { printReportPdf } from './print-report-pdf.ts';
import { buildReportHtml } from './build-report-html.ts';
import { runDeckInput } from './deck-inputs.ts';
import { renderChartFiles } from './render-chart-files.ts';
import { readVegaBundles } from './vega-bundles.ts';
import type { OutputFile } from './write-folder-atomically.ts';

export interface ReportInput {
  scenario: Scenario;
  /** The scenario compiled: what the charts and the report's plans read. */
  params: ModelParameters;
  /** The scenario file as written, shown in the report. */
  scenarioText: string;
  summary: FullSummary;
  table: OutcomeTable;
  /** expansim's version, for the report's facts. */
  version: string;
  /** Called with each warning vega-lite or vega logs while rendering (none are expected). */
  onWarning?: (message: string) => void;
  /** Awaited before each chart, the report page and the deck; a rejection (a cancel) stops the build. */
  checkpoint?: (step: string) => Promise<void>;
  /** Also build deck.pptx (default true). */
  deck?: boolean;
  /** Also print report.html to report.pdf with this Chromium (findChromium). */
  pdfChromium?: string;
}

/** Builds every chart file and report.html; paths are relative to the run folder. */
export async function buildReportFiles(input: ReportInput): Promise<OutputFile[]> {
  const data = prepareChartData(input.params, input.summary, input.table);
  const { files, charts } = await renderChartFiles(REPORT_CHARTS, data, input.onWarning, input.checkpoint);
  await input.checkpoint?.('report page');
  const html = buildReportHtml({
    scenario: input.scenario,
    params: input.params,
    scenarioText: input.scenarioText,
    summary: input.summary,
    version: input.version,
    charts,
    pLoss: data.npvCdf.pLoss,
    bundles: readVegaBundles(),
  });
  files.push({ path: 'report.html', content: html });
  if (input.pdfChromium !== undefined) {
    await input.checkpoint?.('pdf');
    files.push({ path: 'report.pdf', content: await printReportPdf(html, input.pdfChromium) });
  }
  if (input.deck ?? true) {
    await input.checkpoint?.('deck');
    files.push({ path: 'deck.pptx', content: await buildDeck(runDeckInput(input.params, input.summary, charts, data.npvCdf.pLoss, input.version)) });
  }
  return files;
}
