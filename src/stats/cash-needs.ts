/**
 * The cash figures a CFO asks for, per strategy, from the sampled discounted
 * cumulative cash paths (the fan chart's; no terminal value): the payback
 * month — the first month from which cumulative cash stays above zero to
 * the horizon, censored when it ends at or below zero — and the peak cash
 * need, the deepest the cumulative cash goes below zero (0 if it never does).
 */
import { NEVER } from '../engine/trial-outcome.ts';
import { summarizeSample } from './sample-statistics.ts';

/**
 * The payback month of one path of `months` values starting at `offset`, or NEVER.
 *
 * @example paybackMonth(Float32Array.of(-1, -2, 0.5, -0.1, 1, 2), 0, 6) // => 4
 * @example paybackMonth(Float32Array.of(-1, 2, -0.5), 0, 3) // => -1
 */
export function paybackMonth(paths: ArrayLike<number>, offset: number, months: number): number {
  let month = months;
  while (month > 0 && paths[offset + month - 1]! > 0) month--;
  return month === months ? NEVER : month;
}

/**
 * The peak cash need of one path: −(its lowest value), or 0 if it never goes below zero.
 *
 * @example peakCashNeed(Float32Array.of(-1, -2.5, 0.5), 0, 3) // => 2.5
 */
export function peakCashNeed(paths: ArrayLike<number>, offset: number, months: number): number {
  let lowest = 0;
  for (let t = 0; t < months; t++) lowest = Math.min(lowest, paths[offset + t]!);
  return lowest < 0 ? -lowest : 0;
}

export interface CashNeeds {
  /** Share of the sampled accounts paid back by the horizon. */
  paidBack: number;
  /** Payback month quantiles over all sampled accounts (nearest rank; unpaid accounts count as never); null where more than that share never pay back. */
  paybackMonth: { p10: number | null; p50: number | null; p90: number | null };
  /** Share of accounts paid back by the end of each month 0 … T−1. */
  paidBackByMonth: number[];
  /** The peak cash need, $M (positive: money to fund). */
  peakCashNeed: { mean: number; p10: number; p50: number; p90: number; max: number };
}

/** Nearest-rank quantile of whole months with unpaid accounts last (NEVER counts as never paid back). */
function censoredQuantile(sortedMonths: Int32Array, paid: number, p: number): number | null {
  const rank = Math.max(1, Math.ceil(p * sortedMonths.length));
  return rank <= paid ? sortedMonths[rank - 1]! : null;
}

/**
 * Payback and peak cash need of `trials` paths of `months` stored trial-major.
 * Cost: O(trials · months) and one sort.
 */
export function summarizeCashNeeds(paths: ArrayLike<number>, trials: number, months: number): CashNeeds {
  if (trials < 1) throw new Error('summarizeCashNeeds requires at least one path');
  const payback = new Int32Array(trials);
  const need = new Float64Array(trials);
  const byMonth = new Float64Array(months);
  let paid = 0;
  for (let trial = 0; trial < trials; trial++) {
    const month = paybackMonth(paths, trial * months, months);
    payback[trial] = month === NEVER ? months : month;
    if (month !== NEVER) {
      paid++;
      byMonth[month]!++;
    }
    need[trial] = peakCashNeed(paths, trial * months, months);
  }
  payback.sort();
  let cumulative = 0;
  const paidBackByMonth = Array.from(byMonth, (count) => (cumulative += count) / trials);
  const { mean, p10, p50, p90, max } = summarizeSample(need);
  return {
    paidBack: paid / trials,
    paybackMonth: { p10: censoredQuantile(payback, paid, 0.1), p50: censoredQuantile(payback, paid, 0.5), p90: censoredQuantile(payback, paid, 0.9) },
    paidBackByMonth,
    peakCashNeed: { mean, p10, p50, p90, max },
  };
}
