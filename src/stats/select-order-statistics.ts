/**
 * A copy of a sample with chosen ranks in their sorted places, found by
 * multiple selection (quickselect that recurses only into the parts holding a
 * wanted rank): O(n) on average against a sort's O(n log n), for the columns
 * a summary needs only P10/P50/P90 and the range of. Signed zeros are placed
 * as a sort places them (every −0 before every +0), so a quantile read from
 * the wanted ranks is the one a sorted copy gives, bit for bit.
 */
/** The ranks quantileOfSorted(sorted, p) may read (simple-statistics' quantileSorted), for each p, plus the first and last. */
export function quantileRanks(length: number, ps: readonly number[]): number[] {
  const ranks = new Set([0, length - 1]);
  for (const p of ps) {
    const index = length * p;
    for (const rank of [Math.floor(index) - 1, Math.floor(index), Math.ceil(index) - 1, Math.ceil(index)]) {
      if (rank >= 0 && rank < length) ranks.add(rank);
    }
  }
  return [...ranks].sort((a, b) => a - b);
}

function swap(values: Float64Array, i: number, j: number): void {
  const held = values[i]!;
  values[i] = values[j]!;
  values[j] = held;
}

/**
 * Three-way partition of values[low..high] around a median-of-three pivot
 * (many equal values, such as a column of zeros, stay linear); returns the
 * first and last index of the run equal to the pivot.
 */
function partition(values: Float64Array, low: number, high: number): [number, number] {
  const a = values[low]!;
  const b = values[(low + high) >>> 1]!;
  const c = values[high]!;
  const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
  let less = low;
  let greater = high;
  let i = low;
  while (i <= greater) {
    const value = values[i]!;
    if (value < pivot) swap(values, i++, less++);
    else if (value > pivot) swap(values, i, greater--);
    else i++;
  }
  return [less, greater];
}

/** Puts every rank of ranks[first..last] (ascending) in its sorted place within values[low..high]. */
function selectRanks(values: Float64Array, low: number, high: number, ranks: readonly number[], first: number, last: number): void {
  while (first <= last && low < high) {
    if (high - low < 16) {
      values.subarray(low, high + 1).sort();
      return;
    }
    const [equalFrom, equalTo] = partition(values, low, high);
    let split = first;
    while (split <= last && ranks[split]! < equalFrom) split++;
    selectRanks(values, low, equalFrom - 1, ranks, first, split - 1);
    while (split <= last && ranks[split]! <= equalTo) split++;
    low = equalTo + 1;
    first = split;
  }
}

/** Within the sorted order every −0 precedes every +0: give the zeros at the wanted ranks the sign a sort gives them. */
function signZerosAsSorted(values: Float64Array, ranks: readonly number[]): void {
  if (!ranks.some((rank) => values[rank] === 0)) return;
  let below = 0;
  let negativeZeros = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value < 0) below++;
    else if (value === 0 && Object.is(value, -0)) negativeZeros++;
  }
  for (const rank of ranks) if (values[rank] === 0) values[rank] = rank < below + negativeZeros ? -0 : 0;
}

/**
 * A copy of `values` (into `into` when given) whose entries at `ranks`
 * (ascending) are those of the sorted copy. Cost: O(n) on average, one copy
 * (a sort if a NaN is present).
 * @example selectOrderStatistics(Float64Array.of(5, 1, 4, 2, 3), [0, 2, 4]).filter((_, i) => i % 2 === 0) // => Float64Array.of(1, 3, 5)
 */
export function selectOrderStatistics(values: ArrayLike<number>, ranks: readonly number[], into?: Float64Array): Float64Array {
  const copy = into ?? new Float64Array(values.length);
  if (copy.length !== values.length) throw new Error('selectOrderStatistics: `into` must be as long as the values');
  copy.set(values);
  // NaN has no place in a comparison; a sort puts it last.
  if (copy.some(Number.isNaN)) return copy.sort();
  selectRanks(copy, 0, copy.length - 1, ranks, 0, ranks.length - 1);
  signZerosAsSorted(copy, ranks);
  return copy;
}

