/**
 * SVG → PNG with resvg: twice the SVG's size (sharp on a slide), white
 * background, and DejaVu Sans loaded from its npm package with system fonts
 * off, so the image is the same on every machine. A chart larger than
 * MAX_CHART_SIZE (at 1×) is refused before any pixel is allocated.
 */
import { createRequire } from 'node:module';
import { CHART_FONT_FILES } from './chart-fonts.ts';
import { CHART_FONT } from '../charts/chart-theme.ts';
import { checkChartSize, svgSize } from './chart-size-limit.ts';

export interface PngOptions {
  /** Font files to draw text with; default DejaVu Sans regular and bold. An empty list draws no text (for tests). */
  fontFiles?: string[];
  /** Scale factor; default 2. */
  scale?: number;
}

type ResvgModule = Pick<typeof import('@resvg/resvg-js'), 'Resvg' | 'renderAsync'>;

// resvg (a native module) loads with the first PNG, so a run without charts does not pay its start-up.
let resvgModule: ResvgModule | undefined;
const resvg = (): ResvgModule => (resvgModule ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule);

function renderOptions(options: PngOptions) {
  return {
    fitTo: { mode: 'zoom' as const, value: options.scale ?? 2 },
    background: 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: options.fontFiles ?? [CHART_FONT_FILES.regular, CHART_FONT_FILES.bold],
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
  };
}

export function renderPng(svg: string, options: PngOptions = {}): Uint8Array {
  const image = new (resvg().Resvg)(svg, renderOptions(options));
  checkChartSize(image.width, image.height);
  return image.render().asPng();
}

/**
 * renderPng's bytes, the SVG parsed and drawn on libuv's thread pool
 * (resvg's renderAsync), so the caller's thread can draw the next chart
 * meanwhile; only the PNG encoding (asPng) runs on the caller's thread. The
 * size is checked on the SVG's declared width and height before anything is
 * drawn (a size that is not a plain number is refused). `signal` aborts a
 * render not yet done.
 */
export async function renderPngAsync(svg: string, options: PngOptions = {}, signal?: AbortSignal): Promise<Uint8Array> {
  const { width, height } = svgSize(svg);
  checkChartSize(width, height);
  const image = await resvg().renderAsync(svg, renderOptions(options), signal ?? null);
  return image.asPng();
}
