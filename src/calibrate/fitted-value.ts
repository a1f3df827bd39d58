/**
 * One scenario value calibration looked at: the value it fitted with the
 * deals it rests on and its standard error, or the base value it kept and why.
 */

export interface FittedValue {
  /** Dotted scenario path, e.g. `model.streams.downstream.dealSize.repurchase`. */
  path: string;
  /** The value written into the calibrated scenario. */
  value: number;
  /** The base scenario's value. */
  base: number;
  fitted: boolean;
  /** Deals the value rests on (for a kept value: the deals there were). */
  deals: number;
  /** Standard error of a fitted value (sampling error, given the base scenario's other values). */
  se?: number;
  /** More for the comment: how it was read from the data. */
  detail?: string;
  /** Why a value was kept at the base (for the comment and, when `warn`, a warning). */
  reason?: string;
  /** Keeping it deserves a warning: the data touch it, but too thinly. */
  warn?: boolean;
}

export function fitted(path: string, value: number, base: number, deals: number, se: number, detail?: string): FittedValue {
  return { path, value, base, fitted: true, deals, se, ...(detail ? { detail } : {}) };
}

export function kept(path: string, base: number, deals: number, reason: string, warn = false): FittedValue {
  return { path, value: base, base, fitted: false, deals, reason, ...(warn ? { warn } : {}) };
}

/** The minimum deals a value must rest on, by default. */
export const DEFAULT_MIN_DEALS = 10;

/** "3 deals (need 10)". */
export function tooFew(deals: number, minDeals: number): string {
  return `${deals} deal${deals === 1 ? '' : 's'} (need ${minDeals})`;
}
