/**
 * A sorted copy of a numeric column, the same bytes as the built-in
 * `new Float64Array(values).sort()` at a third of its cost on the columns a
 * summary sorts (100,000 NPVs or barrier levels): a least-significant-digit
 * radix sort on the IEEE-754 bits, 16 bits a pass. A double's bits map to an
 * unsigned key in numeric order (the sign bit set for a positive, every bit
 * flipped for a negative), so −0 sorts before +0 as the built-in sort puts it.
 */
import { FLOAT64_WORK, INDEX_WORK, scratchArray } from './scratch-buffers.ts';

/** Below this many values the built-in sort is as fast (a pass costs a 65,536-entry histogram). */
const RADIX_MIN_LENGTH = 2048;
const DIGITS = 1 << 16;

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

// Each hot loop is a small function of its own, on Uint32Arrays only: the
// first (cold) call of a sort then compiles each loop once, instead of
// leaving an optimized loop for code not yet seen (a deoptimization per pass).

function countDigits(keys: Uint32Array, counts: Uint32Array, lowBase: number, highBase: number): void {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    counts[lowBase + (key & 0xffff)]!++;
    counts[highBase + (key >>> 16)]!++;
  }
}

/** Turns a pass's digit counts into start offsets; false when every key has the same digit (the pass can be skipped). */
function startOffsets(counts: Uint32Array, base: number, n: number): boolean {
  let start = 0;
  let varies = true;
  for (let d = 0; d < DIGITS; d++) {
    const count = counts[base + d]!;
    if (count === n) varies = false;
    counts[base + d] = start;
    start += count;
  }
  return varies;
}

function destinations(keys: Uint32Array, shift: number, counts: Uint32Array, base: number, to: Uint32Array): void {
  for (let i = 0; i < keys.length; i++) to[i] = counts[base + ((keys[i]! >>> shift) & 0xffff)]!++;
}

function permute(from: Uint32Array, to: Uint32Array, at: Uint32Array): void {
  for (let i = 0; i < from.length; i++) to[at[i]!] = from[i]!;
}

/**
 * Sorts `words[0]` by radix, 16 bits a pass, least significant first:
 * `words` are the key's 32-bit words, least significant first, and any
 * arrays after the key's words (a payload) move with them. Stable: equal
 * keys keep their order.
 */
function radixSort(words: Uint32Array[], keyWords: number): void {
  const n = words[0]!.length;
  const counts = new Uint32Array(2 * keyWords * DIGITS);
  for (let w = 0; w < keyWords; w++) countDigits(words[w]!, counts, 2 * w * DIGITS, (2 * w + 1) * DIGITS);
  const spare: Uint32Array[] = words.map((_, a) => scratchArray(`sort.spare${a}`, Uint32Array, n));
  const at = scratchArray('sort.at', Uint32Array, n);
  let current: Uint32Array[] = words.slice();
  for (let pass = 0; pass < 2 * keyWords; pass++) {
    const base = pass * DIGITS;
    if (!startOffsets(counts, base, n)) continue;
    destinations(current[pass >> 1]!, pass & 1 ? 16 : 0, counts, base, at);
    for (let a = 0; a < current.length; a++) {
      permute(current[a]!, spare[a]!, at);
      [current[a], spare[a]] = [spare[a]!, current[a]!];
    }
  }
  for (let a = 0; a < words.length; a++) if (current[a] !== words[a]) words[a]!.set(current[a]!);
}

function toKeys(bits: Uint32Array): void {
  for (let i = 0; i < bits.length; i++) bits[i] = toKey(bits[i]!);
}

function fromKeys(bits: Uint32Array): void {
  for (let i = 0; i < bits.length; i++) {
    const key = bits[i]!;
    bits[i] = key & 0x80000000 ? key & 0x7fffffff : ~key >>> 0;
  }
}

/** A double's words as keys: the high word as toKey makes it, the low word flipped with a negative's. */
function splitKeys(words: Uint32Array, hi: Uint32Array, lo: Uint32Array): void {
  for (let i = 0; i < hi.length; i++) {
    const h = words[2 * i + 1]!;
    hi[i] = toKey(h);
    lo[i] = h & 0x80000000 ? ~words[2 * i]! >>> 0 : words[2 * i]!;
  }
}

function joinKeys(hi: Uint32Array, lo: Uint32Array, words: Uint32Array): void {
  for (let i = 0; i < hi.length; i++) {
    const h = hi[i]!;
    const positive = h & 0x80000000;
    words[2 * i + 1] = positive ? h & 0x7fffffff : ~h >>> 0;
    words[2 * i] = positive ? lo[i]! : ~lo[i]! >>> 0;
  }
}

const toKey = (bits: number) => (bits & 0x80000000 ? ~bits : bits | 0x80000000) >>> 0;

/** Sorts a Float32Array's values by their 32-bit patterns (and `order` with them) into `into`, widened. */
function sortFloat32(values: Float32Array, order: Uint32Array | null, into: Float64Array): Float64Array {
  // A 64-bit sort's low-word buffer, unused by a 32-bit one.
  const copy = scratchArray('sort.lo', Float32Array, values.length);
  copy.set(values);
  const bits = new Uint32Array(copy.buffer, 0, values.length);
  toKeys(bits);
  radixSort(order === null ? [bits] : [bits, order], 1);
  fromKeys(bits);
  into.set(copy);
  return into;
}

/** Sorts a Float64Array in place by its 64-bit patterns, little-endian word order (and `order` with them). */
function sortFloat64InPlace(values: Float64Array, order: Uint32Array | null): Float64Array {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const hi = scratchArray('sort.hi', Uint32Array, n);
  const lo = scratchArray('sort.lo', Uint32Array, n);
  splitKeys(words, hi, lo);
  radixSort(order === null ? [lo, hi] : [lo, hi, order], 2);
  joinKeys(hi, lo, words);
  return values;
}

function holdsNaN(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

const radixFits = (values: ArrayLike<number>) => values.length >= RADIX_MIN_LENGTH && LITTLE_ENDIAN && !holdsNaN(values);

/**
 * A sorted copy of `values` as a Float64Array: exactly the built-in
 * `new Float64Array(values).sort()` (every −0 before every +0; NaN, which
 * has no bit order, sends the column to the built-in sort). Cost: O(n), four
 * passes over the column (two for a Float32Array), against a comparison
 * sort's O(n log n).
 *
 * @example sortFloats([3, -0, 1, 0, -2]) // => Float64Array.of(-2, -0, 0, 1, 3)
 */
export function sortFloats(values: ArrayLike<number>): Float64Array {
  if (!radixFits(values)) return new Float64Array(values).sort();
  if (values instanceof Float32Array) return sortFloat32(values, null, new Float64Array(values.length));
  return sortFloat64InPlace(new Float64Array(values), null);
}

/** The built-in sort's order: NaN last, −0 before +0. */
function compareAsSorted(x: number, y: number): number {
  if (x !== x || y !== y) return (x !== x ? 1 : 0) - (y !== y ? 1 : 0);
  if (x !== y) return x < y ? -1 : 1;
  return (Object.is(y, -0) ? 1 : 0) - (Object.is(x, -0) ? 1 : 0);
}

/**
 * sortFloats' sorted copy with the permutation that makes it: `sorted[k]` is
 * `values[order[k]]`, equal values in index order. Cost: O(n), with the
 * order moved along in each pass.
 *
 * @example sortFloatsWithOrder([3, 1, 2, 1]).order // => Int32Array.of(1, 3, 2, 0)
 */
export function sortFloatsWithOrder(values: ArrayLike<number>): { sorted: Float64Array; order: Int32Array } {
  const indices = new Uint32Array(values.length);
  for (let i = 0; i < indices.length; i++) indices[i] = i;
  const order = new Int32Array(indices.buffer);
  if (!radixFits(values)) {
    order.sort((i, j) => compareAsSorted(values[i]!, values[j]!) || i - j);
    return { sorted: Float64Array.from(order, (i) => values[i]!), order };
  }
  const sorted = values instanceof Float32Array ? sortFloat32(values, indices, new Float64Array(values.length)) : sortFloat64InPlace(new Float64Array(values), indices);
  return { sorted, order };
}

let visiting = false;

/**
 * sortFloatsWithOrder's sorted copy and order, handed to `visit` in working
 * buffers that the next such sort reuses: for a caller that only reads them
 * (binning a feature), so that sorting many columns keeps no garbage. They
 * are valid only until `visit` returns, and `visit` may not call this again.
 */
export function visitSortedWithOrder<R>(values: ArrayLike<number>, visit: (sorted: Float64Array, order: Int32Array) => R): R {
  if (!radixFits(values)) {
    const { sorted, order } = sortFloatsWithOrder(values);
    return visit(sorted, order);
  }
  if (visiting) throw new Error('visitSortedWithOrder: already visiting a sort (its buffers are in use)');
  const n = values.length;
  const indices = scratchArray(INDEX_WORK, Uint32Array, n);
  for (let i = 0; i < n; i++) indices[i] = i;
  const sorted = scratchArray(FLOAT64_WORK, Float64Array, n);
  if (values instanceof Float32Array) sortFloat32(values, indices, sorted);
  else {
    sorted.set(values);
    sortFloat64InPlace(sorted, indices);
  }
  visiting = true;
  try {
    return visit(sorted, new Int32Array(indices.buffer, 0, n));
  } finally {
    visiting = false;
  }
}
