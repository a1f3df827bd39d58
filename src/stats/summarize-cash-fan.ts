/**
 * The fan chart's numbers: per month, quantiles of the discounted cumulative
 * cash across the sampled trials (MODEL.md §2 discounting, no terminal value).
 */
import { quantileOfSorted } from './sample-statistics.ts';

export interface FanMonth {
  /** Model month t (0 … T−1); the values are at its end. */
  month: number;
  p10: number;
  p50: number;
  p90: number;
}

/**
 * P10, median and P90 of each month's value across `trials` paths stored
 * trial-major (`paths[trial·months + t]`).
 * Cost: O(months · trials log trials); 72 months × 10,000 paths take ~30 ms.
 *
 * @example summarizeCashFan(Float32Array.of(1, 3, 2, 6, 3, 9), 3, 2) // => [{ month: 0, p10: 1.2, p50: 2, p90: 2.8 }, { month: 1, p10: 3.6, p50: 6, p90: 8.4 }]
 */
export function summarizeCashFan(paths: ArrayLike<number>, trials: number, months: number): FanMonth[] {
  if (trials < 1) throw new Error('summarizeCashFan requires at least one path');
  if (paths.length < trials * months) throw new Error(`summarizeCashFan: ${paths.length} values cannot hold ${trials} paths of ${months} months`);
  const fan: FanMonth[] = [];
  const column = new Float64Array(trials);
  for (let t = 0; t < months; t++) {
    for (let trial = 0; trial < trials; trial++) column[trial] = paths[trial * months + t]!;
    column.sort();
    fan.push({ month: t, p10: quantileOfSorted(column, 0.1), p50: quantileOfSorted(column, 0.5), p90: quantileOfSorted(column, 0.9) });
  }
  return fan;
}
