/**
 * The scenario's values ask for more than one run may hold (a trial's world
 * past its opportunity limit): bad input, not an internal failure. Crosses the
 * worker boundary by its `kind`, so the CLI can give exit 2.
 */
export class RunLimitError extends Error {
  override name = 'RunLimitError';
  static readonly kind = 'run-limit';
}

/**
 * A count for a message, compact however large: "about 1,234,567",
 * "about 3.2e+300", "more than 1.8e+308" (an infinite estimate).
 */
export function formatApproximateCount(count: number): string {
  if (Number.isNaN(count)) return 'an unknown number of';
  if (!Number.isFinite(count)) return `more than ${Number.MAX_VALUE.toExponential(1)}`;
  if (Math.abs(count) < 1e15) return `about ${Math.round(count).toLocaleString('en-US')}`;
  return `about ${count.toExponential(1)}`;
}
