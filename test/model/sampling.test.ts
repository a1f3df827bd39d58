import { describe, expect, it } from 'vitest';
import { gammaln, poissonDistribution } from 'simple-statistics';
import { gammaShapeTwo, logGamma, normalFromUniform, poissonFromUniform, regularizedGammaP } from '../../src/model/sampling.ts';
import { keyedUniform } from '../../src/engine/keyed-uniform.ts';

/** `count` keyed uniforms under a pinned key (one opportunity's decisions, opportunity by opportunity). */
function uniforms(count: number, seed = 7): Float64Array {
  return Float64Array.from({ length: count }, (_, i) => keyedUniform({ k0: seed, k1: 0 }, 0, 0, 0, 0, i >>> 4, i & 15));
}

function moments(values: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return { mean, variance: squares / (values.length - 1) };
}

describe('normalFromUniform', () => {
  it("matches the standard normal quantiles (R: qnorm) within Acklam's relative error 1.15e-9", () => {
    const known: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.9, 1.2815515655446004],
      [0.01, -2.3263478740408408],
      [1e-6, -4.753424308822899],
      [0.999, 3.090232306167813],
    ];
    for (const [p, z] of known) expect(Math.abs(normalFromUniform(p) - z)).toBeLessThanOrEqual(1.15e-9 * Math.abs(z) + 1e-15);
  });

  it('stays finite at u = 0', () => {
    expect(Number.isFinite(normalFromUniform(0))).toBe(true);
    expect(normalFromUniform(0)).toBeLessThan(-6);
  });

  it('has mean 0 and variance 1 over 10,000 draws (tolerance 4 standard errors)', () => {
    const { mean, variance } = moments(Array.from(uniforms(10_000), normalFromUniform));
    // SE of the mean is 1/√n = 0.01; SE of the variance is √(2/n) ≈ 0.014.
    expect(Math.abs(mean)).toBeLessThan(0.04);
    expect(Math.abs(variance - 1)).toBeLessThan(0.057);
  });
});

describe('gammaShapeTwo', () => {
  it('has mean 2 and variance 2 over 10,000 draws (tolerance 4 standard errors)', () => {
    const u = uniforms(20_000);
    const draws = Array.from({ length: 10_000 }, (_, i) => gammaShapeTwo(u[2 * i]!, u[2 * i + 1]!));
    const { mean, variance } = moments(draws);
    // SE of the mean √(2/n) ≈ 0.014; the variance's SE is √((μ4 − σ⁴)/n) = √(36/n) = 0.06 for Gamma(2).
    expect(Math.abs(mean - 2)).toBeLessThan(0.057);
    expect(Math.abs(variance - 2)).toBeLessThan(0.24);
  });

  it('replaces a zero uniform by its complement (MODEL.md §7)', () => {
    expect(gammaShapeTwo(0, 0)).toBeCloseTo(0, 15);
    expect(gammaShapeTwo(0, Math.exp(-2))).toBeCloseTo(2, 12);
  });
});

describe('logGamma and the regularized gamma', () => {
  it('agree with simple-statistics gammaln and with closed forms', () => {
    for (const x of [0.5, 1, 2.5, 10, 171.5]) expect(logGamma(x)).toBeCloseTo(gammaln(x), 9);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    // P(1, x) = 1 − e^(−x) (exponential CDF).
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 14);
    expect(regularizedGammaP(3, 0.5)).toBeCloseTo(1 - Math.exp(-0.5) * (1 + 0.5 + 0.125), 14);
  });
});

describe('poissonFromUniform', () => {
  it('inverts the CDF of simple-statistics poissonDistribution', () => {
    const lambda = 3.2;
    const pmf = poissonDistribution(lambda)!;
    let cumulative = 0;
    for (let k = 0; k < 10; k++) {
      cumulative += pmf[k]!;
      // Just below the CDF at k gives k; just above gives k + 1.
      expect(poissonFromUniform(lambda, Math.exp(-lambda), cumulative - 1e-9)).toBe(k);
      expect(poissonFromUniform(lambda, Math.exp(-lambda), cumulative + 1e-9)).toBe(k + 1);
    }
  });

  it('has mean and variance λ, for small and large λ (tolerance 4 standard errors)', () => {
    for (const lambda of [0.15, 2.2, 45, 5000]) {
      const draws = Array.from(uniforms(10_000, 11), (u) => poissonFromUniform(lambda, Math.exp(-lambda), u));
      const { mean, variance } = moments(draws);
      expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 10_000));
      // The sample variance's SE is about λ·√(2/n) for larger λ, √(λ(1+2λ)/n) in general.
      expect(Math.abs(variance - lambda)).toBeLessThan(4 * Math.sqrt((lambda * (1 + 2 * lambda)) / 10_000));
    }
  });

  it('gives 0 for λ = 0 and agrees across the small/large switch', () => {
    expect(poissonFromUniform(0, 1, 0.99)).toBe(0);
    // λ = 30 takes the large-mean path (start at the mode, walk); check where the CDF is at least 1e-4.
    const pmf = poissonDistribution(30)!;
    let cumulative = 0;
    for (let k = 0; k < 50; k++) {
      cumulative += pmf[k]!;
      if (cumulative < 1e-4 || cumulative > 1 - 1e-6) continue;
      expect(poissonFromUniform(30, Math.exp(-30), cumulative * (1 - 1e-9))).toBe(k);
      expect(poissonFromUniform(30, Math.exp(-30), cumulative * (1 + 1e-9))).toBe(k + 1);
    }
  });
});
