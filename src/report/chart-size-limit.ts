/**
 * The largest chart expansim draws, at 1×: a safety net under the chart
 * builders (which keep every chart far smaller whatever the data), so no
 * data can ever make a bitmap that takes the machine's memory.
 */
export const MAX_CHART_SIZE = { width: 4000, height: 4000 } as const;

/** Throws (an internal error: a builder let its data stretch the chart) when a chart is larger than MAX_CHART_SIZE. */
export function checkChartSize(width: number, height: number): void {
  if (Number.isFinite(width) && Number.isFinite(height) && width <= MAX_CHART_SIZE.width && height <= MAX_CHART_SIZE.height) return;
  throw new Error(
    `a chart came out ${Math.round(width)}×${Math.round(height)} px; the most expansim draws is ${MAX_CHART_SIZE.width}×${MAX_CHART_SIZE.height} px, so it was not rendered`,
  );
}

/** The width and height an SVG's root element declares, in px; NaN for one missing or not a plain number (`""`, `100%`, `10em`). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string) => {
    const text = new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1]?.trim() ?? '';
    return /^\d+(\.\d+)?(px)?$/.test(text) ? Number.parseFloat(text) : Number.NaN;
  };
  return { width: read('width'), height: read('height') };
}
