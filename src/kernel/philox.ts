/**
 * Philox4x32-10 (Salmon et al., SC11) with one 64-bit multiply per word pair,
 * as src/engine/philox.ts computes it in JavaScript: the block of counter
 * (c0, c1, c2, c3) under key (k0, k1) is written as four u32 at `out`.
 */
const MULTIPLIER_0: u64 = 0xd2511f53;
const MULTIPLIER_1: u64 = 0xcd9e8d57;
const WEYL_0: u32 = 0x9e3779b9;
const WEYL_1: u32 = 0xbb67ae85;

export function philoxBlock(c0: u32, c1: u32, c2: u32, c3: u32, k0: u32, k1: u32, out: usize): void {
  let x0 = c0;
  let x1 = c1;
  let x2 = c2;
  let x3 = c3;
  let key0 = k0;
  let key1 = k1;
  for (let round = 0; round < 10; round++) {
    const product0 = MULTIPLIER_0 * <u64>x0;
    const product1 = MULTIPLIER_1 * <u64>x2;
    x0 = (<u32>(product1 >> 32)) ^ x1 ^ key0;
    x1 = <u32>product1;
    x2 = (<u32>(product0 >> 32)) ^ x3 ^ key1;
    x3 = <u32>product0;
    key0 += WEYL_0;
    key1 += WEYL_1;
  }
  store<u32>(out, x0);
  store<u32>(out, x1, 4);
  store<u32>(out, x2, 8);
  store<u32>(out, x3, 12);
}
