/** Issue 15: the switchovers' difference estimator, anchored on the whole run, against direct per-account counts. */
import { describe, expect, it } from 'vitest';
import { createVariantSums, recordVariant } from '../../src/engine/variants.ts';
import { anchoredDifference, referenceEstimate, referenceOf } from '../../src/stats/switchover-estimate.ts';

// Hand-built accounts: base NPVs (a, b) and, at another value of an assumption, (a2, b2).
const base = [[3, 1], [2, 2.5], [5, 1], [0.5, 1], [4, 3.5], [1, 0]] as const;
const moved = [[2.5, 1], [2, 2], [4, 1.5], [0.5, 1.2], [3.5, 3.5], [1.2, 0]] as const;
const d = base.map(([a, b]) => a - b);
const x = moved.map(([a, b]) => a - b);
const sums = createVariantSums();
moved.forEach(([a, b], i) => recordVariant(sums, a, b, base[i]![0], base[i]![1]));
const subset = { count: d.length, sum: d.reduce((s, v) => s + v, 0), sumOfSquares: d.reduce((s, v) => s + v * v, 0) };

const sampleVariance = (values: number[]) => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
};

describe('anchored difference', () => {
  it('is the plain difference and its SE when the re-run accounts are their own reference', () => {
    const estimate = anchoredDifference(referenceOf(d), subset, sums);
    expect(estimate.mean).toBeCloseTo(x.reduce((s, v) => s + v, 0) / x.length, 12);
    expect(estimate.se).toBeCloseTo(Math.sqrt(sampleVariance(x) / x.length), 12);
  });

  it('moves the run\'s own difference by the paired change, with Var = s²_D/N + s²_C/n + 2·s_DC/N', () => {
    const reference = { trials: 600, mean: 0.4, sd: 2 };
    const c = x.map((v, i) => v - d[i]!);
    const meanC = c.reduce((s, v) => s + v, 0) / c.length;
    const meanD = d.reduce((s, v) => s + v, 0) / d.length;
    const cov = c.reduce((s, v, i) => s + (v - meanC) * (d[i]! - meanD), 0) / (c.length - 1);
    const estimate = anchoredDifference(reference, subset, sums);
    expect(estimate.mean).toBeCloseTo(0.4 + meanC, 12);
    expect(estimate.se).toBeCloseTo(Math.sqrt(4 / 600 + sampleVariance(c) / c.length + (2 * cov) / 600), 12);
    expect(referenceEstimate(reference).se).toBeCloseTo(2 / Math.sqrt(600), 12);
  });
});
