import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addExact, exactSum, mergeExact, valueOfExact } from '../../src/engine/exact-sum.ts';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

describe('exact summation', () => {
  it('gives the correctly rounded sum where a naive sum loses digits', () => {
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum(Array(10).fill(0.1))).toBe(1);
    expect(exactSum([])).toBe(0);
  });

  it('does not depend on the order of the values (property)', () => {
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 60 }), fc.integer(), (values, seed) => {
        const shuffled = [...values].sort((a, b) => ((a * 31 + seed) % 7) - ((b * 31 + seed) % 7));
        expect(exactSum(shuffled)).toBe(exactSum(values));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('merges partial sums into the same value as one sum (property)', () => {
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 60 }), fc.nat(60), (values, cut) => {
        const left: number[] = [];
        const right: number[] = [];
        values.forEach((v, i) => addExact(i < cut ? left : right, v));
        mergeExact(right, left);
        expect(valueOfExact(right)).toBe(exactSum(values));
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
