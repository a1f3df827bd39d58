/**
 * A registry's charts → their files (`charts/<name>.vl.json`, `.svg`, 2×
 * `.png`) and the report's view of each; entries that build null (a section
 * the data lacks) are left out. Shared by the run and the sweep reports.
 */
import type { TopLevelSpec } from 'vega-lite';
import { sanitizeDisplayStrings } from '../scenario/sanitize-display-text.ts';
import { chartReading, type ChartEntry } from '../charts/chart-registry.ts';
import type { ReportChart } from './report-page.ts';
import { renderPngAsync } from './render-png.ts';
import { renderSvg, restartSvgIds } from './render-svg.ts';
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
 * Each chart's PNG is drawn on libuv's thread pool while the next chart's SVG is drawn here (on 2 cores
 * the report's charts take about two thirds of the time they took one after the other); the files come
 * out in registry order whatever order the PNGs finish in.
 */
export async function renderChartFiles<Data>(
  entries: readonly ChartEntry<Data>[],
  data: Data,
  onWarning?: (message: string) => void,
  checkpoint?: (step: string) => Promise<void>,
): Promise<{ files: OutputFile[]; charts: ReportChart[] }> {
  const drawn: { entry: ChartEntry<Data>; spec: TopLevelSpec; svg: string; png: Promise<Uint8Array>; abort: AbortController }[] = [];
  // The first PNG seen to fail stops the loop, as a failed chart did when each was drawn in turn.
  let failed = false;
  let failure: unknown;
  const present = presentCharts(entries, data);
  // The same ids, so the same bytes, as a fresh process (render-svg.ts).
  if (present.length > 0) await restartSvgIds();
  try {
    for (const { entry, spec } of present) {
      if (failed) throw failure;
      await checkpoint?.(`chart ${entry.name}`);
      const { svg, warnings } = await renderSvg(spec);
      for (const warning of warnings) onWarning?.(`chart ${entry.name}: ${warning}`);
      // One controller a render: resvg takes a signal for one call only.
      const abort = new AbortController();
      const png = renderPngAsync(svg, {}, abort.signal);
      // Awaited below; a failure before then is not left unhandled.
      png.catch((error: unknown) => {
        if (!failed) [failed, failure] = [true, error];
      });
      drawn.push({ entry, spec, svg, png, abort });
    }
    // In registry order, so of several failed charts the first is the one reported.
    const pngs: Uint8Array[] = [];
    for (const chart of drawn) pngs.push(await chart.png);
    const files: OutputFile[] = [];
    const charts: ReportChart[] = [];
    drawn.forEach(({ entry, spec, svg }, i) => {
      const png = pngs[i]!;
      files.push(
        { path: `charts/${entry.name}.vl.json`, content: `${JSON.stringify(spec, null, 2)}\n` },
        { path: `charts/${entry.name}.svg`, content: svg },
        { path: `charts/${entry.name}.png`, content: png },
      );
      charts.push({ name: entry.name, heading: entry.heading, reading: chartReading(entry, data), title: titleText(spec.title), spec, svg, png });
    });
    return { files, charts };
  } catch (error) {
    // A cancel or a failed chart: every render not yet done is told to stop (one already on a
    // pool thread finishes there, its image dropped); each promise settles at once.
    for (const chart of drawn) chart.abort.abort();
    await Promise.allSettled(drawn.map((chart) => chart.png));
    throw error;
  }
}
