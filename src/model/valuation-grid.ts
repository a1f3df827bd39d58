/**
 * The valuation check's grid (MODEL.md §5 NPV at other discount rates and
 * without the terminal value): every trial is also valued at the scenario's
 * discount rate and its neighbours, with and without a run-rate terminal
 * value, while it runs. The rate enters no decision, so these are exactly
 * the NPVs a fresh run at that rate or terminal-value setting would give.
 */
import { terminalValue } from './valuation.ts';

/** How far apart the grid's discount rates are. */
export const VALUATION_RATE_STEP = 0.05;
/** How many discount rates the grid holds. */
export const VALUATION_RATE_COUNT = 3;

/** The grid's terminal-value settings: the run-rate value of MODEL.md §5, or none. */
export const GRID_TERMINAL_VALUES = ['runRate', 'none'] as const;
export type TerminalValueSetting = (typeof GRID_TERMINAL_VALUES)[number];

/** A trial's NPV in one grid cell: its cash value at rate `rate` (0 … 2), plus the run-rate terminal value there if asked. */
export function gridValue(cashValueAtRate: ArrayLike<number>, terminalValueAtRate: ArrayLike<number>, rate: number, terminal: TerminalValueSetting): number {
  const cash = cashValueAtRate[rate] ?? Number.NaN;
  return terminal === 'runRate' ? cash + (terminalValueAtRate[rate] ?? Number.NaN) : cash;
}

const rounded = (rate: number) => Math.round(rate * 1e9) / 1e9;

/**
 * The scenario's rate and one step either side; a rate below one step has
 * the next two above it instead (rates are never negative).
 *
 * @example valuationRates(0.1) // => [0.05, 0.1, 0.15]
 * @example valuationRates(0.02) // => [0.02, 0.07, 0.12]
 */
export function valuationRates(discountRate: number): number[] {
  const low = discountRate < VALUATION_RATE_STEP ? discountRate : rounded(discountRate - VALUATION_RATE_STEP);
  return [0, 1, 2].map((step) => rounded(low + step * VALUATION_RATE_STEP));
}

/** Adds one month's cash, discounted at each grid rate, to the trial's sums (the NPV loop's own step, once per rate). */
export function addCashAtRates(factors: readonly Float64Array[], month: number, cash: number, values: Float64Array): void {
  for (let k = 0; k < factors.length; k++) values[k]! += cash * factors[k]![month]!;
}

/** The run-rate terminal value at each grid rate (0 for a churned account), by the same formula as the run's. */
export function terminalValuesAtRates(
  rates: readonly number[],
  horizonMonths: number,
  lastYearCash: number,
  lastMonthlyChurnHazard: number,
  churned: boolean,
  values: Float64Array,
): void {
  for (let k = 0; k < rates.length; k++) values[k] = terminalValue(rates[k]!, horizonMonths, true, lastYearCash, lastMonthlyChurnHazard, churned);
}
