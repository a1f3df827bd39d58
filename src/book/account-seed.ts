/**
 * The seed of account i of a book: a function of (book seed, i) alone
 * (MODEL.md §8), so adding, removing or reordering other groups' evaluation
 * never changes an account's worlds, and different accounts get unrelated
 * worlds. 53-bit splitmix64-style mixing of the pair, kept in safe integers.
 *
 * @example accountSeed(1, 0) // => 4016639642123753
 */
export function accountSeed(bookSeed: number, accountIndex: number): number {
  let high = Math.floor(bookSeed / 2 ** 32) >>> 0;
  let low = bookSeed >>> 0;
  high = (high ^ Math.imul(accountIndex + 1, 0x9e3779b9)) >>> 0;
  low = (low ^ Math.imul(accountIndex + 1, 0x85ebca6b)) >>> 0;
  for (let round = 0; round < 3; round++) {
    high = Math.imul(high ^ (low >>> 15), 0x2c1b3c6d) >>> 0;
    low = Math.imul(low ^ (high >>> 13), 0x297a2d39) >>> 0;
    high = (high ^ (high >>> 16) ^ low) >>> 0;
    low = (low ^ (low >>> 16) ^ Math.imul(high, 0x68e31da4)) >>> 0;
  }
  return (high & 0x1fffff) * 2 ** 32 + low;
}
