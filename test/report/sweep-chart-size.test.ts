/**
 * Every sweep chart has a bounded size whatever the data: the scenario's own
 * value far outside the swept range is said in words, not drawn (drawing it
 * stretched the chart to reach it: 2.6 GB PNGs), and the renderer refuses any
 * chart larger than MAX_CHART_SIZE before allocating its pixels.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { buildSweepLineSpec } from '../../src/charts/build-sweep-line-spec.ts';
import { buildSweepMapSpec } from '../../src/charts/build-sweep-map-spec.ts';
import { MAX_CHART_SIZE, svgSize } from '../../src/report/chart-size-limit.ts';
import { renderPng } from '../../src/report/render-png.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import type { SweepParameter, SweepPoint, SweepResult } from '../../src/stats/sweep.ts';
import { SWEEP_LINE, SWEEP_MAP } from '../charts/sweep-fixtures.ts';

const facts = {
  scenario: 'size',
  scenarioHash: 's1z3',
  seed: 1,
  trials: 100,
  horizonMonths: 72,
  terminalValue: 'runRate' as const,
  currency: 'USD',
  compared: SWEEP_LINE.compared,
};

const point = (values: Record<string, number>, diff: number): SweepPoint => ({
  values,
  a: { mean: 5 + diff, se: 0.2 },
  b: { mean: 5, se: 0.2 },
  diff: { mean: diff, ci95: [diff - 0.5, diff + 0.5] },
  signSettled: Math.abs(diff) > 0.5,
});

function lineSweep(path: string, values: number[], base: number): SweepResult {
  const points = values.map((x, i) => point({ [path]: x }, i % 2 === 0 ? 1 : -1));
  return { ...facts, parameters: [{ path, values }], baseValues: { [path]: base }, points, breakEven: { kind: 'line', crossings: [], steps: [], note: '' } };
}

function mapSweep(px: SweepParameter, py: SweepParameter, base: [number, number]): SweepResult {
  const points = px.values.flatMap((x) => py.values.map((y, j) => point({ [px.path]: x, [py.path]: y }, j % 3 === 0 ? 1 : -1)));
  return { ...facts, parameters: [px, py], baseValues: { [px.path]: base[0], [py.path]: base[1] }, points, breakEven: { kind: 'map', contour: [], unsettledPoints: 0, note: '' } };
}

async function size(spec: TopLevelSpec) {
  const { svg, warnings } = await renderSvg(spec);
  expect(warnings).toEqual([]);
  return svgSize(svg);
}

const layerData = (spec: TopLevelSpec) => JSON.stringify(spec);
const CAPACITY = 'resources.capacity';

describe('sweep chart size', () => {
  it('states a base value outside the swept range in words, and the chart keeps its size', async () => {
    const inside = await size(buildSweepLineSpec(SWEEP_LINE));
    // resources.capacity=1,1.01 on a scenario with capacity 7: the base is 600 steps away.
    const far = buildSweepLineSpec(lineSweep(CAPACITY, [1, 1.01], 7));
    expect(JSON.stringify(far.title)).toContain("This scenario's own value, 7, is above the swept range.");
    expect(layerData(far)).not.toContain('this scenario: 7');
    expect(layerData(far)).not.toMatch(/"x":7\b/);
    const farSize = await size(far);
    expect(farSize.width).toBeLessThan(inside.width * 1.2);
    expect(farSize.height).toBeLessThan(inside.height * 1.2);
    const below = buildSweepLineSpec(lineSweep('discountRate', [0.5, 0.6], 1e-9));
    expect(JSON.stringify(below.title)).toContain('is below the swept range');
  });

  it('keeps the widest line and the densest maps within bounds', async () => {
    const many = Array.from({ length: 101 }, (_, i) => i / 100);
    const line = await size(buildSweepLineSpec(lineSweep('account.barriers.functionalWalls', many, 0.5)));
    const grid = (path: string, n: number) => ({ path, values: Array.from({ length: n }, (_, i) => 1 + i) });
    const square = await size(buildSweepMapSpec(mapSweep(grid(CAPACITY, 21), grid('horizonMonths', 21), [7, 72])));
    const wide = await size(buildSweepMapSpec(mapSweep(grid(CAPACITY, 101), grid('horizonMonths', 4), [1e6, -1e6])));
    const single = await size(buildSweepLineSpec(lineSweep(CAPACITY, [7], 3)));
    const cell = await size(buildSweepMapSpec(mapSweep(grid(CAPACITY, 1), grid('horizonMonths', 1), [7, 72])));
    for (const { width, height } of [line, square, wide, single, cell]) {
      expect(width).toBeLessThanOrEqual(2000);
      expect(height).toBeLessThanOrEqual(2000);
    }
  });

  it('says in words when the base point is off the map', () => {
    const off = { ...SWEEP_MAP, baseValues: { ...SWEEP_MAP.baseValues, 'resources.capacity': 70 } };
    const subtitle = JSON.stringify(buildSweepMapSpec(off).title);
    expect(subtitle).toContain("This scenario's own point (0.5, 70) is outside the grid.");
    expect(subtitle).not.toContain('Ring: this scenario.');
  });

  it('refuses to render a chart larger than the bound, before any pixel is allocated', async () => {
    expect(MAX_CHART_SIZE).toEqual({ width: 4000, height: 4000 });
    const huge = { width: 5000, height: 100, data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } } as TopLevelSpec;
    await expect(renderSvg(huge)).rejects.toThrowErrorMatchingInlineSnapshot(`[Error: a chart came out 5018×142 px; the most expansim draws is 4000×4000 px, so it was not rendered]`);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40000"></svg>';
    expect(() => renderPng(svg, { fontFiles: [] })).toThrowErrorMatchingInlineSnapshot(`[Error: a chart came out 100×40000 px; the most expansim draws is 4000×4000 px, so it was not rendered]`);
    expect(renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"></svg>', { fontFiles: [] }).length).toBeGreaterThan(0);
  });
});
