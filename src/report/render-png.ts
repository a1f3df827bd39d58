/**
 * SVG → PNG with resvg: twice the SVG's size (sharp on a slide), white
 * background, and DejaVu Sans loaded from its npm package with system fonts
 * off, so the image is the same on every machine. A chart larger than
 * MAX_CHART_SIZE (at 1×) is refused before any pixel is allocated.
 */
import { createRequire } from 'node:module';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { CHART_FONT_FILES } from './chart-fonts.ts';
import { CHART_FONT } from '../charts/chart-theme.ts';
import { checkChartSize } from './chart-size-limit.ts';

export interface PngOptions {
  /** Font files to draw text with; default DejaVu Sans regular and bold. An empty list draws no text (for tests). */
  fontFiles?: string[];
  /** Scale factor; default 2. */
  scale?: number;
}

// resvg (a native module) loads with the first PNG, so a run without charts does not pay its start-up.
let Resvg: typeof ResvgClass | undefined;

export function renderPng(svg: string, options: PngOptions = {}): Uint8Array {
  Resvg ??= (createRequire(import.meta.url)('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: options.fontFiles ?? [CHART_FONT_FILES.regular, CHART_FONT_FILES.bold],
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
  });
  checkChartSize(resvg.width, resvg.height);
  return resvg.render().asPng();
}
