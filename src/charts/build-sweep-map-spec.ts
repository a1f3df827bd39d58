/**
 * Sweep chart, two parameters: a heat map of the mean NPV difference a − b
 * of the compared pair over the grid (diverging colours centred on 0, in the
 * colour of the strategy that is ahead), the break-even contour, the cells whose
 * sign is not settled at 95% outlined, and the scenario's own point ringed.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LayerSpec, PositionDef } from './spec-types.ts';
import type { SweepParameter, SweepResult } from '../stats/sweep.ts';
import { CHART_CONFIG, shortName, strategyScale } from './chart-theme.ts';
import { moneyUnit, rowNumber } from './format-figures.ts';
import { capitalized, formatParameter, parameterDigits, parameterLabel, sweepBasePoint } from './parameter-label.ts';
import { sweepRegionText } from './sweep-region.ts';
import { wrapTitle } from './wrap-title.ts';

/** Most cells that get their value written in them. */
const LABELLED_CELLS = 160;
const MIDPOINT_COLOR = '#f7f7f7';

function mapParameters(result: SweepResult): [SweepParameter, SweepParameter] {
  if (result.parameters.length !== 2 || result.breakEven.kind !== 'map') throw new Error('a sweep map needs a two-parameter sweep');
  return result.parameters as [SweepParameter, SweepParameter];
}

/** Cell edges halfway between neighbouring grid values, the outer ones half a step out. */
export function cellEdges(values: readonly number[]): { low: number; high: number }[] {
  const sorted = [...values].sort((a, b) => a - b);
  const half = (i: number, j: number) => (sorted[j]! - sorted[i]!) / 2;
  return values.map((value) => {
    const i = sorted.indexOf(value);
    const below = i > 0 ? half(i - 1, i) : sorted.length > 1 ? half(0, 1) : 0.5;
    const above = i < sorted.length - 1 ? half(i, i + 1) : sorted.length > 1 ? half(i - 1, i) : 0.5;
    return { low: rowNumber(value - below), high: rowNumber(value + above) };
  });
}

interface Segment {
  x: number;
  y: number;
  x2: number;
  y2: number;
}

/**
 * The contour runs between cell centres, so it stops half a cell short of
 * the frame: carry each end that lies on the outermost centres out to the
 * frame's edge, so the break-even line closes the region it bounds.
 */
export function contourToFrame(segments: readonly Segment[], xs: readonly number[], ys: readonly number[], [xCells, yCells]: [{ low: number; high: number }[], { low: number; high: number }[]]): Segment[] {
  const [xMin, xMax, yMin, yMax] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [xLow, xHigh] = [Math.min(...xCells.map((c) => c.low)), Math.max(...xCells.map((c) => c.high))];
  const [yLow, yHigh] = [Math.min(...yCells.map((c) => c.low)), Math.max(...yCells.map((c) => c.high))];
  const out = new Map<string, Segment>();
  for (const [x, y] of segments.flatMap((s) => [[s.x, s.y], [s.x2, s.y2]] as const)) {
    const add = (x2: number, y2: number) => out.set(`${x},${y},${x2},${y2}`, { x, y, x2, y2 });
    if (x === xMin) add(xLow, y);
    if (x === xMax) add(xHigh, y);
    if (y === yMin) add(x, yLow);
    if (y === yMax) add(x, yHigh);
  }
  return [...out.values()];
}

/** True when a contour segment passes within a third of a cell of the cell's centre, where its label sits. */
function crossesLabel(cell: { x: number; y: number; x0: number; x1: number; y0: number; y1: number }, segments: readonly Segment[]): boolean {
  const width = cell.x1 - cell.x0;
  const height = cell.y1 - cell.y0;
  return segments.some((s) => {
    const [ax, ay, bx, by] = [(s.x - cell.x) / width, (s.y - cell.y) / height, (s.x2 - cell.x) / width, (s.y2 - cell.y) / height];
    const length = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / length));
    return Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)) < 0.33;
  });
}

/** Each cell's value written in it, white on dark cells; a white tag behind the labels the contour would cross. */
function cellLabels(cells: { dark: boolean; tagged: boolean }[], fontSize: number): LayerSpec[] {
  const at = { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } as const;
  const tagged = cells.filter((c) => c.tagged);
  return [
    // A 2.2 : 1 rectangle as a custom symbol (vega scales a path's [-1, 1] box to the symbol size).
    { data: { values: tagged }, mark: { type: 'point', shape: 'M-1,-0.45H1V0.45H-1Z', filled: true, color: 'white', opacity: 0.9, size: Math.round((fontSize * 3.6) ** 2) }, encoding: at },
    { data: { values: cells }, mark: { type: 'text', fontSize }, encoding: { ...at, text: { field: 'label' }, color: { condition: { test: 'datum.dark', value: 'white' }, value: '#1a1a1a' } } },
  ];
}

/** The finding: where each strategy leads (a count of grid points only when the region has no simple shape), and the verdict at the scenario's own values. */
export function sweepMapTitle(result: SweepResult): string {
  mapParameters(result);
  const settled = (sign: 1 | -1) => result.points.filter((p) => p.signSettled && Math.sign(p.diff.mean) === sign).length;
  const [nameA, nameB] = [shortName(result.compared.a), shortName(result.compared.b)];
  const ahead = settled(1);
  const behind = settled(-1);
  const open = result.points.length - ahead - behind;
  const [first, second] = ahead >= behind ? [`${nameA} is ahead at ${ahead}`, `${nameB} at ${behind}`] : [`${nameB} is ahead at ${behind}`, `${nameA} at ${ahead}`];
  const head = sweepRegionText(result) ?? `${first} of ${result.points.length} grid points, ${second}`;
  const base = sweepBasePoint(result);
  if (!base) return open > 0 ? `${head}; ${open} are too close to call` : head;
  if (!base.signSettled) return `${head}; this scenario's own point is too close to call`;
  return `${head}; ${base.diff.mean > 0 ? nameA : nameB} leads at this scenario's own point`;
}

/** A cell's value, signed, with the decimals its size needs: "+1.3", "−6.4", "+0.03", "12". */
export function cellLabel(value: number): string {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 9.95 ? 0 : magnitude >= 0.095 ? 1 : 2;
  const text = magnitude.toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value < 0 ? '−' : '+'}${text}`;
}

export function buildSweepMapSpec(result: SweepResult): TopLevelSpec {
  const [px, py] = mapParameters(result);
  const breakEven = result.breakEven as Extract<SweepResult['breakEven'], { kind: 'map' }>;
  const unit = moneyUnit(result.currency);
  const { a, b } = result.compared;
  const difference = `${shortName(a)} − ${shortName(b)}`;
  const colors = strategyScale([a, b]).range;
  const xEdges = new Map(px.values.map((v, i) => [v, cellEdges(px.values)[i]!]));
  const yEdges = new Map(py.values.map((v, i) => [v, cellEdges(py.values)[i]!]));
  const largest = Math.max(...result.points.map((p) => Math.abs(p.diff.mean))) || 1;
  const inner: Segment[] = breakEven.contour.map((s) => ({ x: s.from[px.path]!, y: s.from[py.path]!, x2: s.to[px.path]!, y2: s.to[py.path]! }));
  const segments = [...inner, ...contourToFrame(inner, px.values, py.values, [cellEdges(px.values), cellEdges(py.values)])];
  const cells = result.points.map((p) => {
    const x = p.values[px.path]!;
    const y = p.values[py.path]!;
    return {
      x,
      y,
      x0: xEdges.get(x)!.low,
      x1: xEdges.get(x)!.high,
      y0: yEdges.get(y)!.low,
      y1: yEdges.get(y)!.high,
      diff: rowNumber(p.diff.mean),
      low: rowNumber(p.diff.ci95?.[0] ?? p.diff.mean),
      high: rowNumber(p.diff.ci95?.[1] ?? p.diff.mean),
      [a.key]: rowNumber(p.a.mean),
      [b.key]: rowNumber(p.b.mean),
      settled: p.signSettled ? 'yes' : 'no',
      label: cellLabel(p.diff.mean),
      dark: Math.sqrt(Math.abs(p.diff.mean) / largest) > 0.7,
      tagged: false,
    };
  });
  for (const cell of cells) cell.tagged = !cell.dark && crossesLabel(cell, segments);
  const xLow = Math.min(...cells.map((c) => c.x0));
  const xHigh = Math.max(...cells.map((c) => c.x1));
  const yLow = Math.min(...cells.map((c) => c.y0));
  const yHigh = Math.max(...cells.map((c) => c.y1));
  const axisOf = (p: SweepParameter) => ({ format: '~g', ...(p.values.length <= 21 ? { values: p.values } : { tickCount: 10 }), grid: false });
  const x: PositionDef = { field: 'x0', type: 'quantitative', title: `${capitalized(parameterLabel(px.path))} (${px.path})`, scale: { domain: [xLow, xHigh], nice: false, zero: false }, axis: axisOf(px) };
  const y: PositionDef = { field: 'y0', type: 'quantitative', title: `${capitalized(parameterLabel(py.path))} (${py.path})`, scale: { domain: [yLow, yHigh], nice: false, zero: false }, axis: axisOf(py) };
  const base = { x: result.baseValues[px.path]!, y: result.baseValues[py.path]! };
  const baseInside = base.x >= xLow && base.x <= xHigh && base.y >= yLow && base.y <= yHigh;
  const cellWidth = Math.max(16, Math.min(160, Math.floor(720 / px.values.length)));
  const cellHeight = Math.max(16, Math.min(110, Math.floor(440 / py.values.length)));
  const cellSize = Math.min(cellWidth, cellHeight);
  const showLabels = cells.length <= LABELLED_CELLS && cellWidth >= 40 && cellHeight >= 22;
  const open = cells.filter((c) => c.settled === 'no').length;
  const bound = rowNumber(largest);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(sweepMapTitle(result)),
      subtitle: [
        `Mean NPV difference ${difference} per account at each grid point (${unit}), on the same ${result.trials.toLocaleString('en-US')} accounts at every point.`,
        `Black line: break-even (the mean difference is 0). Colours follow the square root of the difference, so small gaps still show.${open > 0 ? ' Dashed outline: the sign is not settled at 95%.' : ''}${baseInside ? ' Ring: this scenario.' : ` This scenario's own point (${formatParameter(base.x, parameterDigits(px))}, ${formatParameter(base.y, parameterDigits(py))}) is outside the grid.`}`,
      ],
    },
    width: cellWidth * px.values.length,
    height: cellHeight * py.values.length,
    layer: [
      {
        data: { values: cells },
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x,
          x2: { field: 'x1' },
          y,
          y2: { field: 'y1' },
          color: {
            field: 'diff',
            type: 'quantitative',
            title: `${difference} (${unit}; square-root colour scale)`,
            // Square-root scale, symmetric about 0: the sign reads at a glance and small gaps are not washed out.
            scale: { type: 'sqrt', domain: [-bound, 0, bound], range: [colors[1]!, MIDPOINT_COLOR, colors[0]!], interpolate: 'lab' },
            legend: { gradientLength: 360, titleLimit: 360, format: '~g', labelExpr: "datum.value > 0 ? '+' + datum.label : datum.label", direction: 'horizontal', orient: 'top', titleOrient: 'left' },
          },
          tooltip: [
            { field: 'x', title: capitalized(parameterLabel(px.path)) },
            { field: 'y', title: capitalized(parameterLabel(py.path)) },
            { field: 'diff', title: `${difference} (${unit})`, format: '+,.3f' },
            { field: 'low', title: '95% CI from', format: '+,.3f' },
            { field: 'high', title: '95% CI to', format: '+,.3f' },
            { field: a.key, title: `${shortName(a)} mean NPV (${unit})`, format: ',.3f' },
            { field: b.key, title: `${shortName(b)} mean NPV (${unit})`, format: ',.3f' },
            { field: 'settled', title: 'Sign settled at 95%' },
          ],
        },
      },
      {
        data: { values: cells },
        transform: [{ filter: { field: 'settled', equal: 'no' } }],
        mark: { type: 'rect', fill: null, stroke: '#1a1a1a', strokeWidth: 1.5, strokeDash: [4, 3] },
        encoding: { x, x2: { field: 'x1' }, y, y2: { field: 'y1' } },
      },
      {
        data: { values: segments },
        mark: { type: 'rule', color: '#1a1a1a', strokeWidth: 3.5, strokeCap: 'round' },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      {
        data: { values: baseInside ? [base] : [] },
        mark: { type: 'point', shape: 'circle', filled: false, size: Math.round(cellSize * cellSize * 0.5), strokeWidth: 3, color: '#1a1a1a', opacity: 1 },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      },
      ...(showLabels ? cellLabels(cells, cellWidth >= 56 && cellHeight >= 28 ? 14 : 12) : []),
    ],
  };
}

