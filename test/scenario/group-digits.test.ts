import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFixed, groupDigits } from '../../src/scenario/group-digits.ts';

const fixedByIcu = (value: number, digits: number) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

describe('groupDigits', () => {
  it('writes integers as toLocaleString("en-US") does', () => {
    for (const value of [0, -0, 7, 999, 1000, -1000, 12_345, 100_000, 1_000_000_000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      expect(groupDigits(value)).toBe(value.toLocaleString('en-US'));
    }
    fc.assert(fc.property(fc.maxSafeInteger(), (value) => groupDigits(value) === value.toLocaleString('en-US')));
  });

  it('leaves fractions and huge numbers to toLocaleString', () => {
    for (const value of [1.5, 1234.5678, 1e21, -2.25]) expect(groupDigits(value)).toBe(value.toLocaleString('en-US'));
  });
});

describe('formatFixed', () => {
  it('rounds as ICU does: the shortest decimal, half away from zero', () => {
    const cases: [number, number][] = [[1.005, 2], [9.995, 2], [99.995, 1], [2.675, 2], [0.125, 2], [2.5, 0], [0.5, 0], [1e-7, 2], [5e-7, 6], [0, 2], [999.5, 0], [1234567.891, 1], [0.0449999, 2], [123456789012345680000, 2]];
    for (const [value, digits] of cases) expect(formatFixed(value, digits), `${value} to ${digits}`).toBe(fixedByIcu(value, digits));
  });

  it('agrees with toLocaleString on random numbers and digit counts', () => {
    const values = fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e-3, noNaN: true }), fc.integer({ min: 0, max: 10 ** 6 }).map((n) => n / 1000 + 0.0005));
    fc.assert(fc.property(values, fc.integer({ min: 0, max: 4 }), (value, digits) => formatFixed(value, digits) === fixedByIcu(value, digits)), { numRuns: 5000 });
  });

  it('leaves negative and non-finite numbers to toLocaleString', () => {
    for (const value of [-1.005, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e21]) expect(formatFixed(value, 2)).toBe(fixedByIcu(value, 2));
  });
});
