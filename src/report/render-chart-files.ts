/**
 * A registry's charts → their files (`charts/<name>.vl.json`, `.svg`, 2×
 * `.png`) and the report's view of each; entries that build null (a section
 * the data lacks) are left out. Shared by the run and the sweep reports.
 */
import type { TopLevelSpec } from 'vega-lite';
import { sanitizeDisplayStrings } from '../scenario/sanitize-display-text.ts';
import { chartReading, type ChartEntry } from '../charts/chart-registry.ts';
import type { ReportChart } from './report-page.ts';
import { renderPng } from './render-png.ts';
import { renderSvg } from './render-svg.ts';
import type { OutputFile } from './write-folder-atomically.ts';

function titleText(title: unknown): string {
  const text = (title as { text?: string | string[] } | undefined)?.text ?? '';
  return Array.isArray(text) ? text.join(' ') : text;
}

/** The charts whose data is present, in registry order; no text in a spec (a currency, say) keeps a control character or bidi override. */
export function presentCharts<Data>(entries: readonly ChartEntry<Data>[], data: Data): { entry: ChartEntry<Data>; spec: TopLevelSpec }[] {
  return entries.flatMap((entry) => {
    const spec = entry.build(data);
    return spec === null ? [] : [{ entry, spec: sanitizeDisplayStrings(spec) }];
  });
}

/**
 * Renders every present chart; each vega warning goes to `onWarning`, prefixed with the chart's name.
 * `checkpoint` is awaited with `chart <name>` before each chart; a rejection (a cancel) stops the rendering.
 */
export async function renderChartFiles<Data>(
  entries: readonly ChartEntry<Data>[],
  data: Data,
  onWarning?: (message: string) => void,
  checkpoint?: (step: string) => Promise<void>,
): Promise<{ files: OutputFile[]; charts: ReportChart[] }> {
  const files: OutputFile[] = [];
  const charts: ReportChart[] = [];
  for (const { entry, spec } of presentCharts(entries, data)) {
    await checkpoint?.(`chart ${entry.name}`);
    const { svg, warnings } = await renderSvg(spec);
    for (const warning of warnings) onWarning?.(`chart ${entry.name}: ${warning}`);
    const png = renderPng(svg);
    files.push(
      { path: `charts/${entry.name}.vl.json`, content: `${JSON.stringify(spec, null, 2)}\n` },
      { path: `charts/${entry.name}.svg`, content: svg },
      { path: `charts/${entry.name}.png`, content: png },
    );
    charts.push({ name: entry.name, heading: entry.heading, reading: chartReading(entry, data), title: titleText(spec.title), spec, svg, png });
  }
  return { files, charts };
}
