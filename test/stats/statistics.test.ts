import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanInterval, wilsonInterval } from '../../src/stats/intervals.ts';
import { quantileOfSorted, sortedCopy, summarizeSample } from '../../src/stats/sample-statistics.ts';
import { compareStrategies } from '../../src/stats/compare-strategies.ts';

describe('sample statistics against known values', () => {
  it('quantiles follow R type 7 (quantile(x, c(.1,.5,.9)) in R)', () => {
    // R: quantile(c(3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20), c(0.1, 0.5, 0.9)) → 6, 9, 16
    const s = summarizeSample([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20]);
    expect([s.p10, s.p50, s.p90]).toEqual([6, 9, 16]);
    // R: quantile(1:10, 0.1) → 1.9; sd(1:10) → 3.02765
    const t = summarizeSample(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(t.p10).toBeCloseTo(1.9, 12);
    expect(t.sd).toBeCloseTo(3.0276503540974917, 12);
    expect(t.se).toBeCloseTo(3.0276503540974917 / Math.sqrt(10), 12);
  });

  it('reports no spread for a single value', () => {
    expect(summarizeSample([4])).toMatchObject({ mean: 4, sd: null, se: null, p10: 4, p50: 4, p90: 4 });
  });

  it('keeps quantiles monotone in p (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }), (values) => {
        const sorted = sortedCopy(values);
        const q = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((p) => quantileOfSorted(sorted, p));
        for (let i = 1; i < q.length; i++) expect(q[i]!).toBeGreaterThanOrEqual(q[i - 1]!);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('intervals match R', () => {
    // R: prop.test(30, 100, correct = FALSE)$conf.int → 0.2189489 0.3958485
    const [lo, hi] = wilsonInterval(30, 100);
    expect(lo).toBeCloseTo(0.2189489, 6);
    expect(hi).toBeCloseTo(0.3958485, 6);
    expect(wilsonInterval(0, 50)[0]).toBe(0);
    expect(wilsonInterval(50, 50)[1]).toBe(1);
    expect(meanInterval(0, 1)).toEqual([-1.959963984540054, 1.959963984540054]);
  });
});

describe('compareStrategies', () => {
  it('pairs the trials: difference, share better, ties', () => {
    const comparison = compareStrategies([3, 1, 2, 5], [1, 1, 4, 2]);
    expect(comparison.npvDiff.mean).toBe(0.75); // (2 + 0 − 2 + 3) / 4
    expect(comparison.pAtoBetter!.p).toBe(0.5);
    expect(comparison.pTie).toBe(0.25);
    expect(comparison.npvDiff.sd).toBeCloseTo(Math.sqrt((1.25 ** 2 + 0.75 ** 2 + 2.75 ** 2 + 2.25 ** 2) / 3), 12);
  });

  it('has a tighter interval than unpaired means when the worlds are shared', () => {
    const world = Array.from({ length: 500 }, (_, i) => Math.sin(i) * 10);
    const ato = world.map((x, i) => x + 0.5 + 0.1 * Math.cos(3 * i));
    const comparison = compareStrategies(ato, world);
    const [lo, hi] = comparison.npvDiff.ci95!;
    expect(hi - lo).toBeLessThan(0.05);
    expect(lo).toBeGreaterThan(0.4);
  });
});
