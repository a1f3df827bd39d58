/**
 * The radix sort must give the built-in typed-array sort's bytes (summary.json
 * and the charts read quantiles of it): ties, signed zeros, infinities,
 * subnormals, Float32 columns, and NaN (the built-in fallback) included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortFloats, sortFloatsWithOrder } from '../../src/stats/sort-floats.ts';

// Above the radix path's 2,048-value floor, so both paths are checked.
const LENGTHS = { minLength: 2048, maxLength: 3000 };
const value = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 2.5, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE),
  fc.double({ noNaN: true }),
  fc.integer({ min: -3, max: 3 }),
);

const sameBytes = (x: Float64Array, y: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength));

describe('sortFloats', () => {
  it('equals the built-in sort byte for byte, on doubles and on Float32 columns', () => {
    fc.assert(
      fc.property(fc.array(value, LENGTHS), (values) => {
        expect(sameBytes(sortFloats(values), new Float64Array(values).sort())).toBe(true);
        const single = Float32Array.from(values);
        expect(sameBytes(sortFloats(single), new Float64Array(single).sort())).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('returns a permutation that makes the sorted copy, ties in index order', () => {
    fc.assert(
      fc.property(fc.array(value, LENGTHS), fc.boolean(), (values, single) => {
        const column = single ? Float32Array.from(values) : Float64Array.from(values);
        const { sorted, order } = sortFloatsWithOrder(column);
        expect(sameBytes(sorted, new Float64Array(column).sort())).toBe(true);
        for (let k = 0; k < order.length; k++) {
          expect(Object.is(sorted[k], column[order[k]!])).toBe(true);
          if (k > 0 && Object.is(sorted[k], sorted[k - 1])) expect(order[k]!).toBeGreaterThan(order[k - 1]!);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('leaves a column holding NaN, or a short one, to the built-in sort', () => {
    const values = Float64Array.from({ length: 4096 }, (_, i) => Math.sin(i));
    values[7] = Number.NaN;
    expect(sameBytes(sortFloats(values), new Float64Array(values).sort())).toBe(true);
    expect([...sortFloats([3, -0, 1, 0, -2])]).toEqual([-2, -0, 0, 1, 3]);
    expect(Object.is(sortFloats([0, -0])[0], -0)).toBe(true);
    const { sorted, order } = sortFloatsWithOrder([3, Number.NaN, 1, -0, 0, 1]);
    expect([...order]).toEqual([3, 4, 2, 5, 0, 1]);
    expect([...sorted]).toEqual([-0, 0, 1, 1, 3, Number.NaN]);
  });

  it('runs its doc example', () => {
    expect(sortFloatsWithOrder([3, 1, 2, 1]).order).toEqual(Int32Array.of(1, 3, 2, 0));
  });
});
