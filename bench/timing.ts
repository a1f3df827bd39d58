/** What every bench reports of repeated measurements, and its small command-line helper. */

/** The median of repeated measurements, with their range and count. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** The median of the finite values (the mean of the middle two for an even count); NaN if none. */
export function medianOf(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median, minimum, maximum and count of `samples`. */
export function timing(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: medianOf(sorted), min: sorted[0] ?? Number.NaN, max: sorted[sorted.length - 1] ?? Number.NaN, runs: samples.length };
}

/** A whole-number option `name N` of this process's arguments, at least `least`, or `fallback`. */
export function wholeNumberArgument(name: string, fallback: number, least = 1): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < least) throw new Error(`${name} takes a whole number of at least ${least}`);
  return value;
}
