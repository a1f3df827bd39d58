/**
 * The summary's quantiles from a selection must be the sorted copy's, bit for
 * bit (summary.json is compared byte for byte): ties, runs of one value,
 * signed zeros and NaN included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileOfSorted, sortedCopy, summarizeSample } from '../../src/stats/sample-statistics.ts';
import { quantileRanks, selectOrderStatistics } from '../../src/stats/select-order-statistics.ts';

const PS = [0, 0.1, 0.25, 0.5, 0.9, 1];
// Few distinct values (many ties), both zeros, and wide ranges.
const value = fc.oneof(fc.constantFrom(0, -0, 1, -1, 2.5), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 }));

describe('selectOrderStatistics', () => {
  it('puts the ranks every quantile reads where a sort puts them, signed zeros included', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), (values) => {
        const sorted = sortedCopy(values);
        const selected = selectOrderStatistics(values, quantileRanks(values.length, PS));
        for (const p of PS) expect(Object.is(quantileOfSorted(selected, p), quantileOfSorted(sorted, p))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives summarizeSample the same figures as a sorted copy, on large samples with a mass at zero', () => {
    const n = 20_000;
    const values = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : Math.sin(i * 12.9898) * 100));
    values[17] = -0;
    expect(summarizeSample(values)).toEqual(summarizeSample(values, sortedCopy(values)));
    const constant = new Float64Array(n).fill(4);
    expect(summarizeSample(constant)).toEqual(summarizeSample(constant, sortedCopy(constant)));
  });

  it('falls back to a sort when a NaN is present', () => {
    const values = [3, Number.NaN, 1, 2];
    expect([...selectOrderStatistics(values, [0, 3])]).toEqual([1, 2, 3, Number.NaN]);
  });
});
