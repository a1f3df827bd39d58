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

/**
 * Four Philox4x32-10 blocks at once in WebAssembly SIMD, lane b the block of
 * counter (c0, c1[b], c2[b], c3[b]) under key (k0, k1): the same rounds as
 * philoxBlock, each 32×32→64 multiply an extending multiply of two lanes.
 * Written lane-major at `out`: word w of block b is the u32 at out + 16·w + 4·b.
 * The ten rounds are written out, so the compiled code keeps the
 * multipliers and lanes in registers (a loop of the same rounds costs about
 * twice the instructions under V8).
 */
export function philoxBlocks4(c0: u32, c1: v128, c2: v128, c3: v128, k0: u32, k1: u32, out: usize): void {
  const m0 = i32x4.splat(<i32>MULTIPLIER_0);
  const m1 = i32x4.splat(<i32>MULTIPLIER_1);
  let x0 = i32x4.splat(<i32>c0);
  let x1 = c1;
  let x2 = c2;
  let x3 = c3;
  let p0l: v128, p0h: v128, p1l: v128, p1h: v128;
  p0l = i64x2.extmul_low_i32x4_u(x0, m0);
  p0h = i64x2.extmul_high_i32x4_u(x0, m0);
  p1l = i64x2.extmul_low_i32x4_u(x2, m1);
  p1h = i64x2.extmul_high_i32x4_u(x2, m1);
  x0 = v128.xor(v128.xor(i32x4.shuffle(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(<i32>(k0)));
  x1 = i32x4.shuffle(p1l, p1h, 0, 2, 4, 6);
  x2 = v128.xor(v128.xor(i32x4.shuffle(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(<i32>(k1)));
  x3 = i32x4.shuffle(p0l, p0h, 0, 2, 4, 6);
  p0l = i64x2.extmul_low_i32x4_u(x0, m0);
  p0h = i64x2.extmul_high_i32x4_u(x0, m0);
  p1l = i64x2.extmul_low_i32x4_u(x2, m1);
  p1h = i64x2.extmul_high_i32x4_u(x2, m1);
  x0 = v128.xor(v128.xor(i32x4.shuffle(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(<i32>(k0 + 1 * WEYL_0)));
  x1 = i32x4.shuffle(p1l, p1h, 0, 2, 4, 6);
  x2 = v128.xor(v128.xor(i32x4.shuffle(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(<i32>(k1 + 1 * WEYL_1)));
  x3 = i32x4.shuffle(p0l, p0h, 0, 2, 4, 6);
  p0l = i64x2.extmul_low_i32x4_u(x0, m0);
  p0h = i64x2.extmul_high_i32x4_u(x0, m0);
  p1l = i64x2.extmul_low_i32x4_u(x2, m1);
  p1h = i64x2.extmul_high_i32x4_u(x2, m1);
  x0 = v128.xor(v128.xor(i32x4.shuffle(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(<i32>(k0 + 2 * WEYL_0)));
  x1 = i32x4.shuffle(p1l, p1h, 0, 2, 4, 6);
  x2 = v128.xor(v128.xor(i32x4.shuffle(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(<i32>(k1 + 2 * WEYL_1)));
  x3 = i32x4.shuffle(p0l, p0h, 0, 2, 4, 6);
  p0l = i64x2.extmul_low_i32x4_u(x0, m0);
  p0h = i64x2.extmul_high_i32x4_u(x0, m0);
  p1l = i64x2.extmul_low_i32x4_u(x2, m1);
  p1h = i64x2.extmul_high_i32x4_u(x2, m1);
  x0 = v128.xor(v128.xor(i32x4.shuffle(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(<i32>(k0 + 3 * WEYL_0)));
  x1 = i32x4.shuffle(p1l, p1h, 0, 2, 4, 6);
  x2 = v128.xor(v128.xor(i32x4.shuffle(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(<i32>(k1 + 3 * WEYL_1)));
  x3 = i32x4.shuffle(p0l, p0h, 0, 2, 4, 6);
  p0l = i64x2.extmul_low_i32x4_u(x0, m0);
  p0h = i64x2.extmul_high_i32x4_u(x0, m0);
  p1l = i64x2.extmul_low_i32x4_u(x2, m1);
  p1h = i64x2.extmul_high_i32x4_u(x2, m1);
  x0 = v128.xor(v128.xor(i32x4.shuffle(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(<i32>(k0 + 4 * WEYL_0)));
  x1 = i32x4.shuffle(p1l, p1h, 0, 2, 4, 6);
  x2 = v128.xor(v128.xor(i32x4.shuffle(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(<i32>(k1 + 4 * WEYL_1)));
  x3 = i32x4.shuffle(p0l, p0h, 0, 2, 4, 6);
  p0l = i64x2.extmul_low_i32x4_u(x0, m0);
  p0h = i64x2.extmul_high_i32x4_u(x0, m0);
  p1l = i64x2.extmul_low_i32x4_u(x2, m1);
  p1h = i64x2.extmul_high_i32x4_u(x2, m1);
  x0 = v128.xor(v128.xor(i32x4.shuffle(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(<i32>(k0 + 5 * WEYL_0)));
  x1 = i32x4.shuffle(p1l, p1h, 0, 2, 4, 6);
  x2 = v128.xor(v128.xor(i32x4.shuffle(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(<i32>(k1 + 5 * WEYL_1)));
  x3 = i32x4.shuffle(p0l, p0h, 0, 2, 4, 6);
  p0l = i64x2.extmul_low_i32x4_u(x0, m0);
  p0h = i64x2.extmul_high_i32x4_u(x0, m0);
  p1l = i64x2.extmul_low_i32x4_u(x2, m1);
  p1h = i64x2.extmul_high_i32x4_u(x2, m1);
  x0 = v128.xor(v128.xor(i32x4.shuffle(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(<i32>(k0 + 6 * WEYL_0)));
  x1 = i32x4.shuffle(p1l, p1h, 0, 2, 4, 6);
  x2 = v128.xor(v128.xor(i32x4.shuffle(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(<i32>(k1 + 6 * WEYL_1)));
  x3 = i32x4.shuffle(p0l, p0h, 0, 2, 4, 6);
  p0l = i64x2.extmul_low_i32x4_u(x0, m0);
  p0h = i64x2.extmul_high_i32x4_u(x0, m0);
  p1l = i64x2.extmul_low_i32x4_u(x2, m1);
  p1h = i64x2.extmul_high_i32x4_u(x2, m1);
  x0 = v128.xor(v128.xor(i32x4.shuffle(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(<i32>(k0 + 7 * WEYL_0)));
  x1 = i32x4.shuffle(p1l, p1h, 0, 2, 4, 6);
  x2 = v128.xor(v128.xor(i32x4.shuffle(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(<i32>(k1 + 7 * WEYL_1)));
  x3 = i32x4.shuffle(p0l, p0h, 0, 2, 4, 6);
  p0l = i64x2.extmul_low_i32x4_u(x0, m0);
  p0h = i64x2.extmul_high_i32x4_u(x0, m0);
  p1l = i64x2.extmul_low_i32x4_u(x2, m1);
  p1h = i64x2.extmul_high_i32x4_u(x2, m1);
  x0 = v128.xor(v128.xor(i32x4.shuffle(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(<i32>(k0 + 8 * WEYL_0)));
  x1 = i32x4.shuffle(p1l, p1h, 0, 2, 4, 6);
  x2 = v128.xor(v128.xor(i32x4.shuffle(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(<i32>(k1 + 8 * WEYL_1)));
  x3 = i32x4.shuffle(p0l, p0h, 0, 2, 4, 6);
  p0l = i64x2.extmul_low_i32x4_u(x0, m0);
  p0h = i64x2.extmul_high_i32x4_u(x0, m0);
  p1l = i64x2.extmul_low_i32x4_u(x2, m1);
  p1h = i64x2.extmul_high_i32x4_u(x2, m1);
  x0 = v128.xor(v128.xor(i32x4.shuffle(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(<i32>(k0 + 9 * WEYL_0)));
  x1 = i32x4.shuffle(p1l, p1h, 0, 2, 4, 6);
  x2 = v128.xor(v128.xor(i32x4.shuffle(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(<i32>(k1 + 9 * WEYL_1)));
  x3 = i32x4.shuffle(p0l, p0h, 0, 2, 4, 6);
  v128.store(out, x0);
  v128.store(out, x1, 16);
  v128.store(out, x2, 32);
  v128.store(out, x3, 48);
}
