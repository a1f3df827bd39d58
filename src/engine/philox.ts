/**
 * Philox4x32 (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy
 * as 1, 2, 3", SC11), the counter-based generator of Random123 and NumPy:
 * a 128-bit counter and a 64-bit key go through R rounds of two 32×32→64-bit
 * multiplications and a key schedule (Weyl sequence), giving four 32-bit words
 * that are a pure function of (counter, key). Ten rounds is the published
 * default (Crush-resistant with a safety margin); seven already pass BigCrush.
 * Checked against Random123's known-answer vectors (test/engine/philox.test.ts).
 */

const MULTIPLIER_0 = 0xd2511f53;
const MULTIPLIER_1 = 0xcd9e8d57;
const WEYL_0 = 0x9e3779b9 | 0;
const WEYL_1 = 0xbb67ae85 | 0;
const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * The high 32 bits (as int32) of multiplier × x, both uint32, given the exact
 * low 32 bits. The double product is within 2^12 of the true one, so
 * (product − low) / 2^32 is within 2^-20 of the integer high word and rounds to it.
 */
function mulHigh(multiplier: number, x: number, low: number): number {
  return ((multiplier * x - low) * TWO_TO_MINUS_32 + 0.5) | 0;
}

/**
 * Philox4x32-`rounds` of counter (c0, c1, c2, c3) under key (k0, k1), written
 * into `out[offset … offset + 3]` (four uint32 words). Cost: `rounds` × (two 32-bit and two double
 * multiplies); no allocation.
 */
export function philox4x32(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array, rounds = 10, offset = 0): void {
  let x0 = c0 | 0;
  let x1 = c1 | 0;
  let x2 = c2 | 0;
  let x3 = c3 | 0;
  let key0 = k0 | 0;
  let key1 = k1 | 0;
  for (let round = 0; round < rounds; round++) {
    const u0 = x0 >>> 0;
    const u2 = x2 >>> 0;
    const low0 = Math.imul(MULTIPLIER_0, x0);
    const low1 = Math.imul(MULTIPLIER_1, x2);
    const high0 = mulHigh(MULTIPLIER_0, u0, low0 >>> 0);
    const high1 = mulHigh(MULTIPLIER_1, u2, low1 >>> 0);
    x0 = high1 ^ x1 ^ key0;
    x1 = low1;
    x2 = high0 ^ x3 ^ key1;
    x3 = low0;
    key0 = (key0 + WEYL_0) | 0;
    key1 = (key1 + WEYL_1) | 0;
  }
  out[offset] = x0;
  out[offset + 1] = x1;
  out[offset + 2] = x2;
  out[offset + 3] = x3;
}

/**
 * The four words of Philox4x32-`rounds` as a new array (for tests and one-off use; the hot path uses philox4x32).
 * @example philox4x32Words(0, 0, 0, 0, 0, 0).map((word) => word.toString(16)) // => ['6627e8d5', 'e169c58d', 'bc57ac4c', '9b00dbd8']
 */
export function philox4x32Words(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, rounds = 10): number[] {
  const out = new Uint32Array(4);
  philox4x32(c0, c1, c2, c3, k0, k1, out, rounds);
  return [...out];
}
