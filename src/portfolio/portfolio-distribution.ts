/**
 * The portfolio NPV of a plan: in trial j, the sum over accounts of each
 * account's NPV in its trial j under its chosen option (MODEL.md §8).
 * Accounts are simulated independently, so pairing their trials by index is
 * only a convenient way to draw from the distribution of the sum.
 */
import { quantileOfSorted, meanOf, sortedCopy } from '../stats/sample-statistics.ts';

export interface PlanChoice {
  account: number;
  /** Strategy index in the account's group, or −1 when uncovered. */
  strategy: number;
  units: number;
}

export interface PortfolioDistribution {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  /** Share of trials in which the portfolio NPV is below 0. */
  pLoss: number;
}

/** Per-trial portfolio NPV of a plan. */
export function portfolioNpv(npv: readonly Float64Array[][][], choices: readonly PlanChoice[], trials: number): Float64Array {
  const total = new Float64Array(trials);
  for (const { account, strategy, units } of choices) {
    if (strategy < 0 || units === 0) continue;
    const column = npv[account]![strategy]![units]!;
    for (let j = 0; j < trials; j++) total[j]! += column[j]!;
  }
  return total;
}

/** Mean, P10, P50, P90 and P(loss) of per-trial portfolio NPVs. */
export function summarizePortfolio(values: Float64Array): PortfolioDistribution {
  const sorted = sortedCopy(values);
  let losses = 0;
  for (const value of values) if (value < 0) losses++;
  return {
    mean: meanOf(values),
    p10: quantileOfSorted(sorted, 0.1),
    p50: quantileOfSorted(sorted, 0.5),
    p90: quantileOfSorted(sorted, 0.9),
    pLoss: losses / values.length,
  };
}
