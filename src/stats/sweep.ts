/**
 * The statistics of sweeps (src/pipeline/run-sweep.ts plays them): one or two
 * scenario values varied over a grid, every point played on the same worlds,
 * with the compared pair's mean NPVs (a, b: the default pair unless named)
 * and their difference per point, and where the decision flips (break-even)
 * with its uncertainty.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import { DEFAULT_PAIR } from '../scenario/vocabulary.ts';
import type { ComparedPair, StrategyRef } from './compared-pair.ts';
import { estimateVariant, type MeanEstimate } from './variant-statistics.ts';
import { cleanNumber as clean, type SweepParameter } from '../scenario/sweep-parameter.ts';
import { interpolatedHalfWidth, sweepStep, sweepStepKey, type SweepStep } from './sweep-steps.ts';

export type { SweepParameter } from '../scenario/sweep-parameter.ts';
export type { SweepStep } from './sweep-steps.ts';

export interface SweepPoint {
  values: Record<string, number>;
  /** Mean NPV of the pair's first strategy and of its second (see SweepResult.compared). */
  a: { mean: number; se: number | null };
  b: { mean: number; se: number | null };
  /** a − b. */
  diff: { mean: number; ci95: [number, number] | null };
  /** True when the 95% interval of the difference excludes 0. */
  signSettled: boolean;
}

export interface Crossing {
  /** Parameter value where the mean difference crosses 0 (linear interpolation). */
  at: number;
  /** Where the interval's bounds cross 0 around it: the crossing is somewhere in this range at 95%. */
  range: [number, number];
  /** Which strategy (its key) is ahead below and above the crossing. */
  below: string;
  above: string;
}

export interface ContourSegment {
  from: Record<string, number>;
  to: Record<string, number>;
}

export interface SweepResult {
  scenario: string;
  scenarioHash: string;
  seed: number;
  trials: number;
  horizonMonths: number;
  terminalValue: 'runRate' | 'none';
  currency: string;
  /** The pair each point compares: a − b. */
  compared: { a: StrategyRef; b: StrategyRef };
  parameters: SweepParameter[];
  /** The scenario's own value of each parameter. */
  baseValues: Record<string, number>;
  points: SweepPoint[];
  breakEven:
    | { kind: 'line'; crossings: Crossing[]; steps: SweepStep[]; note: string }
    | { kind: 'map'; contour: ContourSegment[]; unsettledPoints: number; note: string };
}

/** Every grid point, first parameter slowest. */
export function gridPoints(parameters: readonly SweepParameter[]): Record<string, number>[] {
  return parameters.reduce<Record<string, number>[]>(
    (points, parameter) => points.flatMap((point) => parameter.values.map((value) => ({ ...point, [parameter.path]: value }))),
    [{}],
  );
}

function interpolateZero(x0: number, y0: number, x1: number, y1: number): number {
  return y0 === y1 ? x0 : x0 + ((x1 - x0) * y0) / (y0 - y1);
}

/** Linear interpolation of a per-point quantity at fractional index `f`. */
function along(read: (i: number) => number, f: number): number {
  const i = Math.min(Math.floor(f), Math.max(0, Math.ceil(f) - 1));
  const j = Math.min(i + 1, Math.ceil(f));
  return i === j ? read(i) : read(i) + (f - i) * (read(j) - read(i));
}

/**
 * Where the mean difference changes sign along one parameter, and the range
 * around each crossing where the 95% interval of the difference, linearly
 * interpolated between points, still contains 0. Between two points the
 * interpolation's interval reads the correlation of their means (`steps`,
 * from the paired change between them); without it, ρ = 1 is assumed, which
 * interpolates the bounds themselves and is the widest any pairing allows.
 */
export function lineCrossings(
  xs: readonly number[],
  points: readonly SweepPoint[],
  keys: readonly [string, string] = DEFAULT_PAIR,
  steps: readonly Pick<SweepStep, 'correlation'>[] = [],
): Crossing[] {
  const crossings: Crossing[] = [];
  const mean = (i: number) => points[i]!.diff.mean;
  const half = (i: number) => {
    const ci = points[i]!.diff.ci95;
    return ci ? (ci[1] - ci[0]) / 2 : 0;
  };
  const x = (f: number) => along((i) => xs[i]!, f);
  const containsZero = (f: number) => {
    const i = Math.max(0, Math.min(Math.floor(f), points.length - 2));
    const halfWidth = interpolatedHalfWidth(half(i), half(i + 1), steps[i]?.correlation ?? 1, f - i);
    return Math.abs(along(mean, f)) <= halfWidth;
  };
  const STEPS = 200;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!.diff.mean;
    const b = points[i + 1]!.diff.mean;
    if (a === 0 || b === 0 || Math.sign(a) === Math.sign(b)) continue;
    const f0 = i + a / (a - b);
    let left = f0;
    while (left - 1 / STEPS >= 0 && containsZero(left - 1 / STEPS)) left -= 1 / STEPS;
    let right = f0;
    while (right + 1 / STEPS <= points.length - 1 && containsZero(right + 1 / STEPS)) right += 1 / STEPS;
    crossings.push({
      at: clean(x(f0)),
      range: [clean(x(left)), clean(x(right))],
      below: a > 0 ? keys[0] : keys[1],
      above: b > 0 ? keys[0] : keys[1],
    });
  }
  return crossings;
}

/** The zero contour of the mean difference over a 2-D grid (marching squares, linear interpolation). */
export function zeroContour(parameters: readonly SweepParameter[], points: readonly SweepPoint[]): ContourSegment[] {
  const [px, py] = parameters as [SweepParameter, SweepParameter];
  const value = (i: number, j: number) => points[i * py.values.length + j]!.diff.mean;
  const at = (x: number, y: number) => ({ [px.path]: clean(x), [py.path]: clean(y) });
  const segments: ContourSegment[] = [];
  for (let i = 0; i + 1 < px.values.length; i++) {
    for (let j = 0; j + 1 < py.values.length; j++) {
      const x0 = px.values[i]!, x1 = px.values[i + 1]!, y0 = py.values[j]!, y1 = py.values[j + 1]!;
      const corners = [value(i, j), value(i + 1, j), value(i + 1, j + 1), value(i, j + 1)];
      const edges: Record<string, number>[] = [];
      const sides: [number, number, [number, number], [number, number]][] = [
        [0, 1, [x0, y0], [x1, y0]],
        [1, 2, [x1, y0], [x1, y1]],
        [2, 3, [x1, y1], [x0, y1]],
        [3, 0, [x0, y1], [x0, y0]],
      ];
      for (const [a, b, [ax, ay], [bx, by]] of sides) {
        const va = corners[a]!, vb = corners[b]!;
        if ((va > 0) === (vb > 0)) continue;
        const t = va / (va - vb);
        edges.push(at(ax + t * (bx - ax), ay + t * (by - ay)));
      }
      if (edges.length === 2) segments.push({ from: edges[0]!, to: edges[1]! });
      if (edges.length === 4) {
        segments.push({ from: edges[0]!, to: edges[1]! });
        segments.push({ from: edges[2]!, to: edges[3]! });
      }
    }
  }
  return segments;
}

function point(values: Record<string, number>, a: MeanEstimate, b: MeanEstimate, diff: MeanEstimate): SweepPoint {
  const settled = diff.ci95 !== null && (diff.ci95[0] > 0 || diff.ci95[1] < 0);
  return { values, a: { mean: a.mean, se: a.se }, b: { mean: b.mean, se: b.se }, diff: { mean: diff.mean, ci95: diff.ci95 }, signSettled: settled };
}

/** The key of grid point `i`'s variant in the outcome table. */
export const sweepPointKey = (i: number) => `sweep.${i}`;

/**
 * Each grid point's mean NPVs of the pair and their difference, read from a
 * table run with one variant per point (sweepPointKey) and, along one
 * parameter, one contrast per pair of neighbouring points (sweepStepKey:
 * see sweepStepContrasts), and where the decision flips.
 */
export function summarizeSweepPoints(
  table: OutcomeTable,
  parameters: readonly SweepParameter[],
  { a, b }: ComparedPair,
): Pick<SweepResult, 'points' | 'breakEven'> {
  const read = (key: string) => {
    const sums = table.variants[key];
    if (!sums) throw new Error(`no sweep results for ${key}`);
    return sums;
  };
  const diffs = gridPoints(parameters).map((_, i) => estimateVariant(read(sweepPointKey(i)), 'diff'));
  const points = gridPoints(parameters).map((values, i) => {
    const sums = read(sweepPointKey(i));
    return point(values, estimateVariant(sums, 'a'), estimateVariant(sums, 'b'), diffs[i]!);
  });
  let breakEven: SweepResult['breakEven'];
  if (parameters.length === 1) {
    const steps = diffs.slice(1).map((after, i) => sweepStep(i, diffs[i]!, after, estimateVariant(read(sweepStepKey(i)), 'diffChange')));
    breakEven = {
      kind: 'line',
      crossings: lineCrossings(parameters[0]?.values ?? [], points, [a.key, b.key], steps),
      steps,
      note:
        `where the mean NPV difference ${a.label} − ${b.label} changes sign; range: where its 95% interval still contains 0 ` +
        '(between points, the interval of the interpolated difference, with the covariance of the two points from their paired change: the same trials at every point)',
    };
  } else {
    breakEven = {
      kind: 'map',
      contour: zeroContour(parameters, points),
      unsettledPoints: points.filter((p) => !p.signSettled).length,
      note: `the zero contour of the mean NPV difference ${a.label} − ${b.label}; unsettled points: 95% interval contains 0`,
    };
  }
  return { points, breakEven };
}
