/**
 * Means and intervals from a variant's exact sums (see engine/variants.ts).
 */
import { valueOfExact } from '../engine/exact-sum.ts';
import type { VariantQuantity, VariantSums } from '../engine/variants.ts';
import { meanInterval } from './intervals.ts';

export interface MeanEstimate {
  mean: number;
  /** Standard error of the mean; null with fewer than two trials. */
  se: number | null;
  ci95: [number, number] | null;
}

/**
 * Mean, standard error and 95% interval of one quantity from its sums:
 * var = (Σx² − n·mean²)/(n − 1).
 *
 * @example estimateFromSums(4, 10, 30) // => { mean: 2.5, se: 0.6454972243679028, ci95: [1.23484868811834, 3.76515131188166] }
 */
export function estimateFromSums(count: number, sum: number, sumOfSquares: number): MeanEstimate {
  if (count < 1) throw new Error('estimateFromSums requires at least one trial');
  const mean = sum / count;
  if (count < 2) return { mean, se: null, ci95: null };
  const variance = Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1));
  const se = Math.sqrt(variance / count);
  return { mean, se, ci95: meanInterval(mean, se) };
}

/** The estimate of one quantity of a variant. */
export function estimateVariant(sums: VariantSums, quantity: VariantQuantity): MeanEstimate {
  return estimateFromSums(sums.count, valueOfExact(sums.sum[quantity]), valueOfExact(sums.sumOfSquares[quantity]));
}
