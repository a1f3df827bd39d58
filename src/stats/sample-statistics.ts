/**
 * Summaries of one per-trial column: exact mean, spread and quantiles. The
 * mean is an exact sum, so it does not depend on the order trials arrived in.
 */
import { quantileSorted } from 'simple-statistics';
import { exactColumnSum, exactSquaredDeviations } from './exact-accumulator.ts';
import { quantileRanks, selectOrderStatistics } from './select-order-statistics.ts';
import { FLOAT64_WORK, scratchArray } from './scratch-buffers.ts';
import { sortFloats } from './sort-floats.ts';

export interface SampleSummary {
  mean: number;
  /** Sample standard deviation (n − 1); null for a single trial. */
  sd: number | null;
  /** Standard error of the mean, sd/√n; null for a single trial. */
  se: number | null;
  p10: number;
  p50: number;
  p90: number;
  min: number;
  max: number;
}

/**
 * The arithmetic mean, summed exactly.
 *
 * @example meanOf([1e100, 1, -1e100, 3]) // => 1 (a naive sum gives 0.75)
 */
export function meanOf(values: ArrayLike<number>): number {
  if (values.length === 0) throw new Error('meanOf requires at least one value');
  return exactColumnSum(values) / values.length;
}

/**
 * Sample standard deviation (n − 1 denominator), two-pass around the exact mean.
 *
 * @example standardDeviationOf([2, 4, 4, 4, 5, 5, 7, 9]) // => 2.138089935299395
 */
export function standardDeviationOf(values: ArrayLike<number>, mean = meanOf(values)): number {
  if (values.length < 2) throw new Error('standardDeviationOf requires at least two values');
  // Summed exactly as they come: no array of squares (8 bytes a trial) to allocate.
  return Math.sqrt(exactSquaredDeviations(values, mean) / (values.length - 1));
}

/** A sorted copy of the values (the built-in typed-array sort's order, by radix: sort-floats.ts). Cost: O(n). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return sortFloats(values);
}

/**
 * The p-quantile of sorted values, interpolated linearly between order
 * statistics (R's type 7, numpy's default; simple-statistics' quantileSorted).
 *
 * @example quantileOfSorted(Float64Array.of(1, 2, 3, 4), 0.5) // => 2.5
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  return quantileSorted(sorted as unknown as number[], p);
}

const SUMMARY_QUANTILES = [0.1, 0.5, 0.9];

/**
 * Mean, spread, P10/P50/P90 and range of a non-empty sample. `sorted` is its
 * sorted copy when the caller has one; otherwise only the ranks those figures
 * read are put in place (selection, O(n)), which gives the same numbers.
 */
export function summarizeSample(values: ArrayLike<number>, sorted?: ArrayLike<number>): SampleSummary {
  const mean = meanOf(values);
  const sd = values.length > 1 ? standardDeviationOf(values, mean) : null;
  // The selection's copy is only read here, so it lives in a reused buffer.
  const ordered = sorted ?? selectOrderStatistics(values, quantileRanks(values.length, SUMMARY_QUANTILES), scratchArray(FLOAT64_WORK, Float64Array, values.length));
  return {
    mean,
    sd,
    se: sd === null ? null : sd / Math.sqrt(values.length),
    p10: quantileOfSorted(ordered, 0.1),
    p50: quantileOfSorted(ordered, 0.5),
    p90: quantileOfSorted(ordered, 0.9),
    min: ordered[0]!,
    max: ordered[ordered.length - 1]!,
  };
}
