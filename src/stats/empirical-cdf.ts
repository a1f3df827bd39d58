/**
 * An empirical CDF thinned to a few hundred points, for risk-profile charts:
 * enough to draw the curve exactly at slide resolution, far fewer rows than
 * trials.
 */
import { quantileOfSorted } from './sample-statistics.ts';

export interface CdfPoint {
  /** The sample's p-quantile. */
  value: number;
  /** Share of the sample at or below `value`. */
  p: number;
}

/**
 * The CDF read at `points` evenly spaced probabilities from `from` to `to`
 * (its quantiles, interpolated like R's type 7), so points fall densely
 * where the trials are. `sorted` must be ascending. Cost: O(points).
 *
 * @example empiricalCdf(Float64Array.of(1, 2, 3, 4, 5), 0, 1, 3) // => [{ value: 1, p: 0 }, { value: 3, p: 0.5 }, { value: 5, p: 1 }]
 */
export function empiricalCdf(sorted: Float64Array, from: number, to: number, points: number): CdfPoint[] {
  if (sorted.length === 0) throw new Error('empiricalCdf requires at least one value');
  if (!(points >= 2) || !(from >= 0 && to <= 1 && from < to)) throw new Error('empiricalCdf requires 0 ≤ from < to ≤ 1 and at least two points');
  return Array.from({ length: points }, (_, i) => {
    const p = Number((from + ((to - from) * i) / (points - 1)).toPrecision(12));
    return { value: quantileOfSorted(sorted, p), p };
  });
}
