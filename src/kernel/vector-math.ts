/**
 * normalFromUniform and exp on two lanes at once (f64x2), for the values of
 * a world's opportunities. Each lane takes the scalar functions' own
 * operations in their order (WebAssembly's f64x2 +, −, ×, ÷ are the IEEE
 * double operations lane by lane, and nothing is fused), so a lane's result
 * is the scalar result to the bit; a lane outside the range the two-lane
 * form covers is computed by the scalar function instead.
 */
import { exp, INV_LN2, LN2_HI, LN2_LO, P1, P2, P3, P4, P5 } from './fdlibm';
import { A1, A2, A3, A4, A5, A6, B1, B2, B3, B4, B5, LOW, normalFromUniform, SMALLEST } from './sampling';

/** normalFromUniform of both lanes: the central rational form where 0.02425 ≤ p ≤ 0.97575, the scalar tails elsewhere. */
export function normalFromUniform2(u: v128): v128 {
  const p = f64x2.max(u, f64x2.splat(SMALLEST));
  const q = f64x2.sub(p, f64x2.splat(0.5));
  const r = f64x2.mul(q, q);
  let numerator = f64x2.add(f64x2.mul(f64x2.splat(A1), r), f64x2.splat(A2));
  numerator = f64x2.add(f64x2.mul(numerator, r), f64x2.splat(A3));
  numerator = f64x2.add(f64x2.mul(numerator, r), f64x2.splat(A4));
  numerator = f64x2.add(f64x2.mul(numerator, r), f64x2.splat(A5));
  numerator = f64x2.add(f64x2.mul(numerator, r), f64x2.splat(A6));
  numerator = f64x2.mul(numerator, q);
  let denominator = f64x2.add(f64x2.mul(f64x2.splat(B1), r), f64x2.splat(B2));
  denominator = f64x2.add(f64x2.mul(denominator, r), f64x2.splat(B3));
  denominator = f64x2.add(f64x2.mul(denominator, r), f64x2.splat(B4));
  denominator = f64x2.add(f64x2.mul(denominator, r), f64x2.splat(B5));
  denominator = f64x2.add(f64x2.mul(denominator, r), f64x2.splat(1));
  let z = f64x2.div(numerator, denominator);
  const tail = v128.or(f64x2.lt(p, f64x2.splat(LOW)), f64x2.gt(p, f64x2.splat(1 - LOW)));
  if (v128.any_true(tail)) {
    if (i64x2.extract_lane(tail, 0) != 0) z = f64x2.replace_lane(z, 0, normalFromUniform(f64x2.extract_lane(u, 0)));
    if (i64x2.extract_lane(tail, 1) != 0) z = f64x2.replace_lane(z, 1, normalFromUniform(f64x2.extract_lane(u, 1)));
  }
  return z;
}

/** Smallest |x| whose high word exceeds fdlibm's 0x3fd62e42 (|x| > ½ ln 2: reduced by k ≠ 0). */
const REDUCE_FROM: f64 = reinterpret<f64>(0x3fd62e4300000000);
/** 2^−28: below it fdlibm returns 1 + x. */
const TINY: f64 = 3.725290298461914e-9;
const LARGEST: f64 = 700;

/**
 * fdlibm's exp (fdlibm.ts) of both lanes, for 2^−28 ≤ |x| < 700 and x ≠ 1:
 * there its three reductions (k = 0; k = ±1 for |x| < 1.5 ln 2; k from
 * x/ln 2) are one computation — with k = ±1, t·ln2_hi and t·ln2_lo are
 * exactly ±ln2_hi and ±ln2_lo, and with k = 0, 1 − ((0 − xc/(2 − c)) − x)
 * is 1 − (xc/(c − 2) − x) — and 2^k is a normal number. Other lanes: the scalar exp.
 */
export function exp2(x: v128): v128 {
  const magnitude = f64x2.abs(x);
  const half = v128.bitselect(f64x2.splat(-0.5), f64x2.splat(0.5), f64x2.lt(x, f64x2.splat(0)));
  const reduce = f64x2.ge(magnitude, f64x2.splat(REDUCE_FROM));
  const k = v128.and(f64x2.trunc(f64x2.add(f64x2.mul(f64x2.splat(INV_LN2), x), half)), reduce);
  const hi = f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI)));
  const lo = f64x2.mul(k, f64x2.splat(LN2_LO));
  const reduced = f64x2.sub(hi, lo);
  const t = f64x2.mul(reduced, reduced);
  let series = f64x2.add(f64x2.splat(P4), f64x2.mul(t, f64x2.splat(P5)));
  series = f64x2.add(f64x2.splat(P3), f64x2.mul(t, series));
  series = f64x2.add(f64x2.splat(P2), f64x2.mul(t, series));
  series = f64x2.add(f64x2.splat(P1), f64x2.mul(t, series));
  const c = f64x2.sub(reduced, f64x2.mul(t, series));
  const quotient = f64x2.div(f64x2.mul(reduced, c), f64x2.sub(f64x2.splat(2.0), c));
  const y = f64x2.sub(f64x2.splat(1.0), f64x2.sub(f64x2.sub(lo, quotient), hi));
  const exponent = i64x2.shl(i64x2.add(i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k)), i64x2.splat(1023)), 52);
  let result = f64x2.mul(y, exponent);
  const covered = v128.and(v128.and(f64x2.ge(magnitude, f64x2.splat(TINY)), f64x2.lt(magnitude, f64x2.splat(LARGEST))), f64x2.ne(x, f64x2.splat(1.0)));
  if (!i64x2.all_true(covered)) {
    if (i64x2.extract_lane(covered, 0) == 0) result = f64x2.replace_lane(result, 0, exp(f64x2.extract_lane(x, 0)));
    if (i64x2.extract_lane(covered, 1) == 0) result = f64x2.replace_lane(result, 1, exp(f64x2.extract_lane(x, 1)));
  }
  return result;
}
