/**
 * src/model/sampling.ts ported: the same constants, branches and order of
 * floating-point operations, and exp and log as V8 computes them (fdlibm.ts), so
 * each sampler agrees with the reference bit for bit.
 */
import { exp, log } from './fdlibm';
import { sin } from './host-math';
export const A1 = -3.969683028665376e1, A2 = 2.209460984245205e2, A3 = -2.759285104469687e2, A4 = 1.38357751867269e2, A5 = -3.066479806614716e1, A6 = 2.506628277459239;
export const B1 = -5.447609879822406e1, B2 = 1.615858368580409e2, B3 = -1.556989798598866e2, B4 = 6.680131188771972e1, B5 = -1.328068155288572e1;
const C1 = -7.784894002430293e-3, C2 = -3.223964580411365e-1, C3 = -2.400758277161838, C4 = -2.549732539343734, C5 = 4.374664141464968, C6 = 2.938163982698783;
const D1 = 7.784695709041462e-3, D2 = 3.224671290700398e-1, D3 = 2.445134137142996, D4 = 3.754408661907416;
export const LOW: f64 = 0.02425;
export const SMALLEST: f64 = 1.1641532182693481e-10; // 2^-33

export function normalFromUniform(u: f64): f64 {
  const p = u < SMALLEST ? SMALLEST : u;
  if (p < LOW) {
    const q = Math.sqrt(-2 * log(p));
    return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  if (p > 1 - LOW) {
    const q = Math.sqrt(-2 * log(1 - p));
    return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
}

export function gammaShapeTwo(u1: f64, u2: f64): f64 {
  return -log((u1 == 0 ? 1 : u1) * (u2 == 0 ? 1 : u2));
}

const L0 = 0.99999999999980993, L1 = 676.5203681218851, L2 = -1259.1392167224028, L3 = 771.32342877765313, L4 = -176.61502916214059;
const L5 = 12.507343278686905, L6 = -0.13857109526572012, L7 = 9.9843695780195716e-6, L8 = 1.5056327351493116e-7;

export function logGamma(x: f64): f64 {
  if (x < 0.5) return log(Math.PI / sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = L0;
  sum += L1 / (z + 1);
  sum += L2 / (z + 2);
  sum += L3 / (z + 3);
  sum += L4 / (z + 4);
  sum += L5 / (z + 5);
  sum += L6 / (z + 6);
  sum += L7 / (z + 7);
  sum += L8 / (z + 8);
  const t = z + 7.5;
  return 0.5 * log(2 * Math.PI) + (z + 0.5) * log(t) - t + log(sum);
}

export function regularizedGammaP(a: f64, x: f64): f64 {
  if (x <= 0) return 0;
  const logPrefactor = a * log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000; n++) {
      term *= x / (a + <f64>n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.min(1, sum * exp(logPrefactor));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -(<f64>i) * (<f64>i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - exp(logPrefactor) * h);
}

export const SMALL_MEAN: f64 = 30;

export function poissonFromUniform(lambda: f64, expMinusLambda: f64, u: f64): i32 {
  if (lambda <= 0) return 0;
  if (lambda < SMALL_MEAN) {
    let k = 0;
    let probability = expMinusLambda;
    let cumulative = probability;
    while (u >= cumulative && probability > 0) {
      k++;
      probability *= lambda / <f64>k;
      cumulative += probability;
    }
    return k;
  }
  return poissonFromUniformAtLargeMean(lambda, u);
}

function poissonFromUniformAtLargeMean(lambda: f64, u: f64): i32 {
  let k = Math.floor(lambda);
  let probability = exp(k * log(lambda) - lambda - logGamma(k + 1));
  let cumulative = 1 - regularizedGammaP(k + 1, lambda);
  if (u < cumulative) {
    while (k > 0 && u < cumulative - probability) {
      cumulative -= probability;
      probability *= k / lambda;
      k--;
    }
    return <i32>k;
  }
  while (u >= cumulative && probability > 0) {
    k++;
    probability *= lambda / k;
    cumulative += probability;
  }
  return <i32>k;
}
