/**
 * Vega-lite spec → SVG text, headless: vega-lite compiles, a vega View with
 * renderer "none" lays the chart out and writes SVG. Text is measured with
 * DejaVu Sans' own metrics (the font the PNG is drawn with), and every
 * warning vega-lite or vega logs is collected so tests can demand none.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT_FILES } from './chart-fonts.ts';
import { readFontMetrics, type FontMetrics } from './font-metrics.ts';
import { checkChartSize, svgSize } from './chart-size-limit.ts';

export interface RenderedSvg {
  svg: string;
  /** Warnings and errors logged by vega-lite and vega while compiling and rendering. */
  warnings: string[];
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

type Vega = typeof import('vega');

// vega and vega-lite load on the first chart, so a run without charts does not pay their start-up.
let libraries: Promise<[Vega, typeof import('vega-lite')]> | undefined;

let metrics: { regular: FontMetrics; bold: FontMetrics } | undefined;

/** Makes vega measure text with DejaVu Sans (vega's text measurement is a module-level setting). */
function useChartFontMetrics(vega: Vega): void {
  if (metrics) return;
  metrics = { regular: readFontMetrics(CHART_FONT_FILES.regular), bold: readFontMetrics(CHART_FONT_FILES.bold) };
  const { regular, bold } = metrics;
  const textMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
  textMetrics.width = (item, text) => {
    const value = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const isBold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    return (isBold ? bold : regular).width(value, size);
  };
}

function collectingLogger(vega: Vega, warnings: string[]) {
  const logger = vega.logger(vega.Warn);
  const keep = (level: string) => (...args: unknown[]) => {
    warnings.push(`${level}: ${args.map(String).join(' ')}`);
    return logger;
  };
  return Object.assign(logger, { warn: keep('warn'), error: keep('error') });
}

const loadLibraries = () => (libraries ??= Promise.all([import('vega'), import('vega-lite')]));

/**
 * Restarts vega's clip and gradient ids (module-level counters, `clip1`,
 * `gradient_0`, …) at their first values. A report calls it before its first
 * chart: its SVGs, which share one HTML page, keep ids unique among them, and
 * are the same bytes as a fresh process draws whatever this process drew before
 * (a second report in a notebook or a bench gave `gradient_1` where the first had `gradient_0`).
 */
export async function restartSvgIds(): Promise<void> {
  const [vega] = await loadLibraries();
  vega.resetSVGDefIds();
}

/** Renders a spec to SVG; the spec's own data only (no loading). Throws for a chart larger than MAX_CHART_SIZE. */
export async function renderSvg(spec: TopLevelSpec): Promise<RenderedSvg> {
  const [vega, { compile }] = await loadLibraries();
  useChartFontMetrics(vega);
  const warnings: string[] = [];
  const logger = collectingLogger(vega, warnings);
  const { spec: vegaSpec } = compile(spec, { logger });
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    const { width, height } = svgSize(svg);
    checkChartSize(width, height);
    return { svg, warnings };
  } finally {
    view.finalize();
  }
}
