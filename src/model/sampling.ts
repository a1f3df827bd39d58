/**
 * Samplers as pure functions of uniforms, so each draws a fixed number of
 * uniforms whatever the parameters (MODEL.md §3: a fixed number of draws per
 * month and per opportunity).
 */

// Acklam's rational approximation of the standard normal quantile (relative error < 1.15e-9).
const A1 = -3.969683028665376e1, A2 = 2.209460984245205e2, A3 = -2.759285104469687e2, A4 = 1.38357751867269e2, A5 = -3.066479806614716e1, A6 = 2.506628277459239;
const B1 = -5.447609879822406e1, B2 = 1.615858368580409e2, B3 = -1.556989798598866e2, B4 = 6.680131188771972e1, B5 = -1.328068155288572e1;
const C1 = -7.784894002430293e-3, C2 = -3.223964580411365e-1, C3 = -2.400758277161838, C4 = -2.549732539343734, C5 = 4.374664141464968, C6 = 2.938163982698783;
const D1 = 7.784695709041462e-3, D2 = 3.224671290700398e-1, D3 = 2.445134137142996, D4 = 3.754408661907416;
const LOW = 0.02425;
/** The smallest uniform used, so the quantile stays finite at u = 0. */
const SMALLEST = 2 ** -33;

/**
 * A standard normal from one uniform, by inverting the normal CDF (Acklam's
 * algorithm, relative error below 1.15e-9). One uniform per normal keeps the
 * draws per opportunity fixed, and 95% of calls need no logarithm. u = 0 maps
 * to the quantile of 2^−33 (about −6.3).
 *
 * @example normalFromUniform(0.5) // => 0
 * @example normalFromUniform(0.975) // => 1.959963986120195
 */
export function normalFromUniform(u: number): number {
  const p = u < SMALLEST ? SMALLEST : u;
  if (p < LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  if (p > 1 - LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
}

/**
 * A Gamma(2, 1) variate from two uniforms: −ln u1 − ln u2, computed as
 * −ln(u1·u2) (MODEL.md §3.4 duration). A uniform of 0 is replaced by its
 * complement (MODEL.md §7), so the result is always finite. Mean 2, variance 2.
 *
 * @example gammaShapeTwo(Math.exp(-1), Math.exp(-2)) // => 3
 */
export function gammaShapeTwo(u1: number, u2: number): number {
  return -Math.log((u1 === 0 ? 1 : u1) * (u2 === 0 ? 1 : u2));
}

// Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0 (Lanczos). Used for Poisson probabilities at large means.
 *
 * @example logGamma(5) // => 3.178053830347944 (ln 24 = 3.1780538303479458)
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The regularized lower incomplete gamma P(a, x), by its series for x < a + 1
 * and its continued fraction otherwise (Numerical Recipes §6.2). For a Poisson
 * variable N with mean λ, P(N ≤ k) = 1 − P(k + 1, λ).
 */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefactor = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.min(1, sum * Math.exp(logPrefactor));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
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
  return Math.max(0, 1 - Math.exp(logPrefactor) * h);
}

/** Below this mean the inverse CDF is searched upward from 0. */
const SMALL_MEAN = 30;

/**
 * Poisson(λ) by inversion of one uniform: the least k with P(N ≤ k) > u.
 * For small λ it sums the probabilities upward from 0 (about λ + 1 steps);
 * for large λ it starts at the mode from the exact CDF and walks, so every
 * count costs exactly one uniform. Pass `expMinusLambda` = e^(−λ), computed
 * once per λ.
 *
 * @example poissonFromUniform(2, Math.exp(-2), 0.5) // => 2
 */
export function poissonFromUniform(lambda: number, expMinusLambda: number, u: number): number {
  if (lambda <= 0) return 0;
  if (lambda < SMALL_MEAN) {
    let k = 0;
    let probability = expMinusLambda;
    let cumulative = probability;
    while (u >= cumulative && probability > 0) {
      k++;
      probability *= lambda / k;
      cumulative += probability;
    }
    return k;
  }
  return poissonFromUniformAtLargeMean(lambda, u);
}

function poissonFromUniformAtLargeMean(lambda: number, u: number): number {
  let k = Math.floor(lambda);
  let probability = Math.exp(k * Math.log(lambda) - lambda - logGamma(k + 1));
  let cumulative = 1 - regularizedGammaP(k + 1, lambda);
  if (u < cumulative) {
    // Walk down while the CDF one below still exceeds u.
    while (k > 0 && u < cumulative - probability) {
      cumulative -= probability;
      probability *= k / lambda;
      k--;
    }
    return k;
  }
  while (u >= cumulative && probability > 0) {
    k++;
    probability *= lambda / k;
    cumulative += probability;
  }
  return k;
}
