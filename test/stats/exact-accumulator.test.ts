/** The typed-buffer exact sums must give engine/exact-sum.ts's figures bit for bit (means and spreads in summary.json). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addExact, exactSum, valueOfExact, type ExactSumState } from '../../src/engine/exact-sum.ts';
import { exactColumnSum, exactSquaredDeviations } from '../../src/stats/exact-accumulator.ts';

// Wide magnitudes and cancellations make many partials; -0 and exact ties test the rounding.
const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), fc.constantFrom(0, -0, 1e100, -1e100, 1, 2 ** -1074), fc.integer({ min: -5, max: 5 }));

describe('exactColumnSum', () => {
  it('equals exactSum on doubles, Float32 and integer columns', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), (values) => {
        expect(Object.is(exactColumnSum(values), exactSum(values))).toBe(true);
        const single = Float32Array.from(values.map((v) => Math.max(-3e38, Math.min(3e38, v))));
        expect(Object.is(exactColumnSum(single), exactSum(single))).toBe(true);
        const whole = Int32Array.from(values, (v) => Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Math.trunc(v))));
        expect(Object.is(exactColumnSum(whole), exactSum(whole))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('equals the partials list on squared deviations', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e150, max: 1e150 }), { minLength: 1, maxLength: 300 }), (values) => {
        const mean = exactSum(values) / values.length;
        const squares: ExactSumState = [];
        for (const v of values) addExact(squares, (v - mean) ** 2);
        expect(Object.is(exactSquaredDeviations(values, mean), valueOfExact(squares))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('runs its doc example, and grows past its first buffer', () => {
    expect(exactColumnSum([1e100, 1, -1e100])).toBe(1);
    // Powers of two 2^(60k) do not overlap: every one stays a partial (more than the 32 first allotted).
    const spread = Array.from({ length: 34 }, (_, k) => 2 ** (-1000 + 60 * k));
    expect(exactColumnSum(spread)).toBe(exactSum(spread));
  });
});
