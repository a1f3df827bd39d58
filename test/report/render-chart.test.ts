/**
 * Charts rendered headless: every chart compiles with vega-lite and renders
 * with vega without a single warning, text is measured with DejaVu Sans'
 * own metrics, and the PNG carries the text (it differs from a render
 * without fonts, and has more ink).
 */
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FILES } from '../../src/report/chart-fonts.ts';
import { readFontMetrics } from '../../src/report/font-metrics.ts';
import { renderPng, renderPngAsync } from '../../src/report/render-png.ts';
import { svgSize } from '../../src/report/chart-size-limit.ts';
import { renderChartFiles } from '../../src/report/render-chart-files.ts';
import { REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { CHART_DATA } from '../charts/chart-fixtures.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import { FIXTURE_CHARTS } from '../charts/fixture-charts.ts';
import { decodePng, inkedPixels } from './decode-png.ts';

describe('font metrics', () => {
  const regular = readFontMetrics(CHART_FONT_FILES.regular);
  const bold = readFontMetrics(CHART_FONT_FILES.bold);

  it('reads DejaVu Sans advance widths (2048 units per em: M 1767, i 569, space 651)', () => {
    expect([regular.width('M', 2048), regular.width('i', 2048), regular.width(' ', 2048)]).toEqual([1767, 569, 651]);
  });

  it('adds up per character, scales with size, and bold is wider', () => {
    expect(regular.width('Mi', 10)).toBeCloseTo(regular.width('M', 10) + regular.width('i', 10), 10);
    expect(regular.width('Downstream', 26)).toBeCloseTo(2 * regular.width('Downstream', 13), 10);
    expect(bold.width('Downstream', 13)).toBeGreaterThan(regular.width('Downstream', 13));
  });
});

describe('renderSvg', () => {
  it.each(FIXTURE_CHARTS.map((c) => [c.name, c] as const))('%s renders with vega without warnings, its text as <text>', async (_, chart) => {
    const spec = chart.build();
    const { svg, warnings } = await renderSvg(spec);
    expect(warnings).toEqual([]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<text[^>]*font-family="DejaVu Sans/);
    const title = (spec.title as { text: string | string[] }).text;
    for (const line of [title].flat()) expect(svg).toContain(line.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
  });

  it('reports vega-lite warnings instead of hiding them', async () => {
    const { warnings } = await renderSvg({ data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative', aggregate: 'nonsense' } } } as never);
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('escapes text from the data', async () => {
    const { svg } = await renderSvg({ title: 'a <b> & "c"', data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } });
    expect(svg).toContain('a &lt;b&gt; &amp; "c"');
  });
});

describe('renderPng', () => {
  it('draws at twice the SVG size on white, the same bytes every time, with its text', async () => {
    const { svg } = await renderSvg(FIXTURE_CHARTS[0]!.build());
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    const png = renderPng(svg);
    const image = decodePng(png);
    expect(image.width).toBe(2 * width);
    expect([...image.pixels.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    expect(Buffer.from(renderPng(svg)).equals(Buffer.from(png))).toBe(true);

    const withoutFonts = renderPng(svg, { fontFiles: [] });
    expect(Buffer.from(withoutFonts).equals(Buffer.from(png))).toBe(false);
    // The title band (top 40 px of the SVG) holds only text: inked with the fonts, blank without.
    expect(inkedPixels(image, 80)).toBeGreaterThan(2000);
    expect(inkedPixels(decodePng(withoutFonts), 80)).toBe(0);
    expect(inkedPixels(decodePng(withoutFonts))).toBeGreaterThan(0);
  });
});

describe('renderPngAsync and renderChartFiles', () => {
  it("draws renderPng's bytes on the thread pool, and refuses an oversized chart before drawing", async () => {
    const { svg } = await renderSvg(FIXTURE_CHARTS[0]!.build());
    expect(Buffer.from(await renderPngAsync(svg)).equals(Buffer.from(renderPng(svg)))).toBe(true);
    const huge = svg.replace(/(<svg[^>]* width=")\d+"/, '$19000"');
    await expect(renderPngAsync(huge)).rejects.toThrow(/9000×\d+ px; the most expansim draws is 4000×4000/);
    // A size that is not a plain number is refused, not left to resvg's own reading of the viewBox.
    for (const width of ['', '100%', '10em']) await expect(renderPngAsync(svg.replace(/(<svg[^>]* width=")\d+"/, `$1${width}"`))).rejects.toThrow(/came out NaN×/);
    expect(svgSize('<svg width="640" height="400.5px">')).toEqual({ width: 640, height: 400.5 });
    expect(svgSize('<svg height="400">').width).toBeNaN();
  });

  // Five charts are enough to have PNGs finishing out of order; the whole registry would add seconds.
  const SOME_CHARTS = REPORT_CHARTS.slice(0, 5);

  it('gives every chart its SVG and PNG in registry order, the bytes one after the other gives', async () => {
    const { files, charts } = await renderChartFiles(SOME_CHARTS, CHART_DATA);
    const names = charts.map((chart) => chart.name);
    expect(names).toEqual(SOME_CHARTS.filter((entry) => entry.build(CHART_DATA) !== null).map((entry) => entry.name));
    expect(names.length).toBeGreaterThan(3);
    expect(files.map((file) => file.path)).toEqual(names.flatMap((name) => [`charts/${name}.vl.json`, `charts/${name}.svg`, `charts/${name}.png`]));
    // A few against the one-at-a-time render (all of them would double the test's time).
    for (const chart of [charts[0]!, charts[Math.floor(charts.length / 2)]!, charts[charts.length - 1]!]) expect(Buffer.from(chart.png).equals(Buffer.from(renderPng(chart.svg)))).toBe(true);
  });

  it('stops at a cancel, with the renders already started settled and the cancel passed on', async () => {
    let seen = 0;
    const cancel = new Error('cancelled');
    const checkpoint = async () => {
      // Two charts drawn (their PNGs still rendering), then the cancel.
      if (++seen === 3) throw cancel;
    };
    await expect(renderChartFiles(SOME_CHARTS, CHART_DATA, undefined, checkpoint)).rejects.toBe(cancel);
    expect(seen).toBe(3);
  });

  it("draws a report's SVGs with the same ids, so the same bytes, however many reports the process drew before", async () => {
    // who-wins-where's legend is a gradient: vega numbers gradients and clips with counters of its own.
    const withGradient = REPORT_CHARTS.filter((entry) => entry.name === 'who-wins-where');
    const first = await renderChartFiles(withGradient, CHART_DATA);
    const second = await renderChartFiles(withGradient, CHART_DATA);
    expect(first.charts[0]!.svg).toContain('id="gradient_0"');
    expect(second.charts[0]!.svg).toBe(first.charts[0]!.svg);
  });
});
