/**
 * The charts and the review report of a run: for each chart in the registry,
 * its vega-lite spec (`charts/<name>.vl.json`), SVG and 2× PNG, then
 * `report.html`. The CLI calls this after the core run (skipped with
 * `--no-charts`) and writes the files with the rest of the run's output.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { Summary } from '../stats/summarize-outcomes.ts';
import { prepareChartData } from '../stats/prepare-chart-data.ts';
import { REPORT_CHARTS } from '../charts/chart-registry.ts';
import { buildReportHtml, type ReportChart } from './build-report-html.ts';
import { renderPng } from './render-png.ts';
import { renderSvg } from './render-svg.ts';
import { readVegaBundles } from './vega-bundles.ts';
import type { OutputFile } from './write-folder-atomically.ts';

export interface ReportInput {
  scenario: Scenario;
  /** The scenario file as written, shown in the report. */
  scenarioText: string;
  summary: Summary;
  table: OutcomeTable;
  /** expansim's version, for the report's facts. */
  version: string;
  /** Called with each warning vega-lite or vega logs while rendering (none are expected). */
  onWarning?: (message: string) => void;
}

function titleText(title: unknown): string {
  const text = (title as { text?: string | string[] } | undefined)?.text ?? '';
  return Array.isArray(text) ? text.join(' ') : text;
}

/** Builds every chart file and report.html; paths are relative to the run folder. */
export async function buildReportFiles(input: ReportInput): Promise<OutputFile[]> {
  const data = prepareChartData(input.scenario, input.summary, input.table);
  const files: OutputFile[] = [];
  const charts: ReportChart[] = [];
  for (const entry of REPORT_CHARTS) {
    const spec = entry.build(data);
    const { svg, warnings } = await renderSvg(spec);
    for (const warning of warnings) input.onWarning?.(`chart ${entry.name}: ${warning}`);
    files.push(
      { path: `charts/${entry.name}.vl.json`, content: `${JSON.stringify(spec, null, 2)}\n` },
      { path: `charts/${entry.name}.svg`, content: svg },
      { path: `charts/${entry.name}.png`, content: renderPng(svg) },
    );
    charts.push({ name: entry.name, heading: entry.heading, reading: entry.reading, title: titleText(spec.title), spec, svg });
  }
  const html = buildReportHtml({
    scenario: input.scenario,
    scenarioText: input.scenarioText,
    summary: input.summary,
    version: input.version,
    charts,
    pLoss: data.npvCdf.pLoss,
    bundles: readVegaBundles(),
  });
  files.push({ path: 'report.html', content: html });
  return files;
}
