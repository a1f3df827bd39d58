/**
 * Valuation (MODEL.md §5): the terminal value that stands for the account's
 * life after the horizon.
 */
import { annualChurnRate } from './hazards.ts';
import type { ModelParameters } from './parameters.ts';

/**
 * TV = (cash of the last 12 months) / (r + annual churn)·(1+r)^(−(T−1)/12),
 * for an account that never churned, with `runRate`; otherwise 0. The last
 * 12 months are summed undiscounted and may be negative (MODEL.md §7).
 *
 * @example terminalValue(0.1, 72, true, 1.2, 0.004, false) // => 4.646023779857983
 */
export function terminalValue(
  discountRate: number,
  horizonMonths: number,
  runRate: boolean,
  lastYearCash: number,
  lastMonthlyChurnHazard: number,
  churned: boolean,
): number {
  if (!runRate || churned) return 0;
  const capitalisation = discountRate + annualChurnRate(lastMonthlyChurnHazard);
  return (lastYearCash / capitalisation) * Math.pow(1 + discountRate, -(horizonMonths - 1) / 12);
}

/** The terminal value for a compiled scenario. */
export function terminalValueFor(params: ModelParameters, lastYearCash: number, lastMonthlyChurnHazard: number, churned: boolean): number {
  return terminalValue(params.discountRate, params.horizonMonths, params.runRateTerminalValue, lastYearCash, lastMonthlyChurnHazard, churned);
}
