/**
 * exp and log as V8 computes Math.exp and Math.log: fdlibm's algorithms
 * (Sun Microsystems' freely distributable libm, by way of FreeBSD's msun,
 * which V8's src/base/ieee754.cc ports), written here with the same
 * constants, branches and order of operations. WebAssembly's +, −, ×, ÷ are
 * IEEE double operations without fused multiply-add, so each result is
 * JavaScript's to the bit, without a call out of the kernel (about 30 ns
 * each). test/kernel/fdlibm.test.ts checks them against Math.exp and
 * Math.log on millions of arguments and the edge cases, and the engine
 * checks a sample when it loads the kernel (src/engine/wasm-kernel.ts), so a
 * JavaScript engine whose Math differs runs the reference instead.
 */
const HALF_POSITIVE: f64 = 0.5;
const HALF_NEGATIVE: f64 = -0.5;
const O_THRESHOLD: f64 = 7.09782712893383973096e2;
const U_THRESHOLD: f64 = -7.45133219101941108420e2;
export const LN2_HI: f64 = 6.93147180369123816490e-1;
export const LN2_LO: f64 = 1.90821492927058770002e-10;
export const INV_LN2: f64 = 1.44269504088896338700;
export const P1: f64 = 1.66666666666666019037e-1;
export const P2: f64 = -2.77777777770155933842e-3;
export const P3: f64 = 6.61375632143793436117e-5;
export const P4: f64 = -1.65339022054652515390e-6;
export const P5: f64 = 4.13813679705723846039e-8;
const E: f64 = 2.718281828459045;
const HUGE: f64 = 1.0e300;
const TWO_M1000: f64 = 9.33263618503218878990e-302;
const TWO_1023: f64 = 8.988465674311579539e307;

@inline function highWord(x: f64): u32 {
  return <u32>(reinterpret<u64>(x) >>> 32);
}

@inline function lowWord(x: f64): u32 {
  return <u32>reinterpret<u64>(x);
}

@inline function fromWords(high: u32, low: u32): f64 {
  return reinterpret<f64>((<u64>high << 32) | <u64>low);
}

export function exp(x: f64): f64 {
  let hx = highWord(x);
  const xsb = <i32>((hx >>> 31) & 1);
  hx &= 0x7fffffff;
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;

  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) != 0) return x + x;
      return xsb == 0 ? x : 0.0;
    }
    if (x > O_THRESHOLD) return HUGE * HUGE;
    if (x < U_THRESHOLD) return TWO_M1000 * TWO_M1000;
  }

  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      if (x == 1.0) return E;
      hi = x - (xsb == 0 ? LN2_HI : -LN2_HI);
      lo = xsb == 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = <i32>(INV_LN2 * x + (xsb == 0 ? HALF_POSITIVE : HALF_NEGATIVE));
      const t = <f64>k;
      hi = x - t * LN2_HI;
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    if (HUGE + x > 1.0) return 1.0 + x;
  } else {
    k = 0;
  }

  const t = x * x;
  const twopk = k >= -1021 ? fromWords(<u32>(0x3ff00000 + (k << 20)), 0) : fromWords(<u32>(0x3ff00000 + ((k + 1000) << 20)), 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * TWO_1023;
    return y * twopk;
  }
  return y * twopk * TWO_M1000;
}

const TWO54: f64 = 1.80143985094819840000e16;
const LG1: f64 = 6.666666666666735130e-1;
const LG2: f64 = 3.999999999940941908e-1;
const LG3: f64 = 2.857142874366239149e-1;
const LG4: f64 = 2.222219843214978396e-1;
const LG5: f64 = 1.818357216161805012e-1;
const LG6: f64 = 1.531383769920937332e-1;
const LG7: f64 = 1.479819860511658591e-1;

export function log(x: f64): f64 {
  let hx = <i32>highWord(x);
  const lx = lowWord(x);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | <i32>lx) == 0) return -TWO54 / 0.0;
    if (hx < 0) return (x - x) / 0.0;
    k -= 54;
    x *= TWO54;
    hx = <i32>highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  if (hx == 0x3ff00000 && lowWord(x) == 0) return 0.0;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = fromWords(<u32>(hx | (i ^ 0x3ff00000)), lowWord(x));
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0.0) {
      if (k == 0) return 0.0;
      const dk = <f64>k;
      return dk * LN2_HI + dk * LN2_LO;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k == 0) return f - R;
    const dk = <f64>k;
    return dk * LN2_HI - ((R - dk * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const dk = <f64>k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k == 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  if (k == 0) return f - s * (f - R);
  return dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}
