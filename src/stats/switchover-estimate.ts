/**
 * The switchovers' estimator of A − B at another value of an assumption,
 * anchored on the full run (a difference estimator, the control variate with
 * coefficient 1): the full run's mean difference D̄ plus the assumption's
 * paired change C̄ measured on the first n accounts,
 *
 *   f̂ = D̄_N + C̄_n,  Var f̂ = s²_D/N + s²_C/n + 2·s_DC/N,
 *
 * where s_DC is the covariance of an account's difference and its change
 * (the subset lies inside the full run, so the two means covary by s_DC/N).
 * At the scenario's own values f̂ is the full run's verdict, so a switchover
 * flips the verdict the report leads with, not the subset's; and because the
 * change is paired on common random numbers, s_C is far below s_D and few
 * accounts measure it. With the subset as its own reference (N = n, D̄_N =
 * D̄_n) f̂ is the subset's plain difference and Var f̂ its squared SE.
 */
import { valueOfExact } from '../engine/exact-sum.ts';
import type { VariantSums } from '../engine/variants.ts';
import { meanInterval } from './intervals.ts';
import type { MeanEstimate } from './variant-statistics.ts';

/** The verdict a switchover flips: A − B over `trials` accounts. */
export interface SwitchoverReference {
  trials: number;
  mean: number;
  /** Sample standard deviation of the per-account difference. */
  sd: number;
}

/** The subset's own base: the per-account differences A − B the changes are paired with. */
export interface SubsetBase {
  count: number;
  sum: number;
  sumOfSquares: number;
}

/** The reference of a column of per-account differences. */
export function referenceOf(diffs: ArrayLike<number>): SwitchoverReference {
  const n = diffs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += diffs[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (diffs[i]! - mean) ** 2;
  return { trials: n, mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0 };
}

/** f̂ at a point, from its variant sums (diff = D + C, diffChange = C) and the subset's base. */
export function anchoredDifference(reference: SwitchoverReference, base: SubsetBase, point: VariantSums): MeanEstimate {
  const n = point.count;
  if (n !== base.count) throw new Error(`anchoredDifference: the point holds ${n} accounts, the subset ${base.count}`);
  const sumC = valueOfExact(point.sum.diffChange);
  const sumC2 = valueOfExact(point.sumOfSquares.diffChange);
  const sumDC = (valueOfExact(point.sumOfSquares.diff) - base.sumOfSquares - sumC2) / 2;
  const meanC = sumC / n;
  const mean = reference.mean + meanC;
  if (n < 2 || reference.trials < 2) return { mean, se: null, ci95: null };
  const varC = Math.max(0, (sumC2 - n * meanC * meanC) / (n - 1));
  const covDC = (sumDC - n * (base.sum / n) * meanC) / (n - 1);
  const variance = Math.max(0, (reference.sd * reference.sd) / reference.trials + varC / n + (2 * covDC) / reference.trials);
  const se = Math.sqrt(variance);
  return { mean, se, ci95: meanInterval(mean, se) };
}

/** The reference itself as an estimate (the verdict at the scenario's own values). */
export function referenceEstimate(reference: SwitchoverReference): MeanEstimate {
  if (reference.trials < 2) return { mean: reference.mean, se: null, ci95: null };
  const se = reference.sd / Math.sqrt(reference.trials);
  return { mean: reference.mean, se, ci95: meanInterval(reference.mean, se) };
}
