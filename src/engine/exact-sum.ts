/**
 * Exact floating-point summation (Shewchuk's algorithm, as in Python's
 * math.fsum): the result is the correctly rounded sum of the inputs, whatever
 * order they were added or merged in. This is what makes a summary
 * byte-identical for any worker count, chunk size or shard split.
 */

/** Partials: non-overlapping doubles whose exact sum is the running total (plain data, crosses workers). */
export type ExactSumState = number[];

/** Adds `x` to the partials in place. Cost: a few flops per partial (usually 1–3). */
export function addExact(partials: ExactSumState, value: number): void {
  let x = value;
  let i = 0;
  for (let j = 0; j < partials.length; j++) {
    let y = partials[j]!;
    if (Math.abs(x) < Math.abs(y)) {
      const swap = x;
      x = y;
      y = swap;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) partials[i++] = lo;
    x = hi;
  }
  // The same partials as `length = i; push(x)`, without resizing the array when its length stays.
  partials[i] = x;
  if (partials.length > i + 1) partials.length = i + 1;
}

/** Adds every partial of `other` into `partials`. */
export function mergeExact(partials: ExactSumState, other: ExactSumState): void {
  for (const value of other) addExact(partials, value);
}

/** The correctly rounded value of the partials. */
export function valueOfExact(partials: ExactSumState): number {
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n]!;
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  // Round half-even across the remaining partials, as math.fsum does.
  if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    const yr = x - hi;
    if (y === yr) hi = x;
  }
  return hi;
}

/**
 * The exact sum of a list of numbers, correctly rounded.
 *
 * @example exactSum([1e100, 1, -1e100]) // => 1 (a naive sum gives 0)
 */
export function exactSum(values: ArrayLike<number>): number {
  const partials: ExactSumState = [];
  for (let i = 0; i < values.length; i++) addExact(partials, values[i]!);
  return valueOfExact(partials);
}
