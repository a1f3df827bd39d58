/**
 * Philox4x32 against Random123's known-answer vectors (its `kat_vectors`
 * file, as reproduced in D. E. Shaw Research's fs123, core123/ut/ut_philox.cpp):
 * counter c0..c3, key k0 k1 → four words. Any error in the multiply-high,
 * the round order or the key schedule changes every word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { philox4x32 } from '../../src/engine/philox.ts';
import { ACCOUNT, CELL, checkUniformLayout, generatorKey, KeyedUniforms, keyedUniform } from '../../src/engine/keyed-uniform.ts';

const KAT: [rounds: number, line: string][] = [
  [7, '00000000 00000000 00000000 00000000 00000000 00000000   5f6fb709 0d893f64 4f121f81 4f730a48'],
  [7, 'ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff   5207ddc2 45165e59 4d8ee751 8c52f662'],
  [7, '243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0   4dfccaba 190a87f0 c47362ba b6b5242a'],
  [10, '00000000 00000000 00000000 00000000 00000000 00000000   6627e8d5 e169c58d bc57ac4c 9b00dbd8'],
  [10, 'ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff   408f276d 41c83b0e a20bc7c6 6d5451fd'],
  [10, '243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0   d16cfe09 94fdcceb 5001e420 24126ea1'],
];

describe('philox4x32', () => {
  it.each(KAT)('Philox4x32-%i matches Random123: %s', (rounds, line) => {
    const [c0, c1, c2, c3, k0, k1, ...expected] = line.trim().split(/\s+/).map((word) => parseInt(word, 16));
    const out = new Uint32Array(4);
    philox4x32(c0!, c1!, c2!, c3!, k0!, k1!, out, rounds);
    expect([...out]).toEqual(expected);
  });
});

describe('keyed uniforms', () => {
  const key = generatorKey(20240601);

  it('are the Philox4x32-10 words of their counter, four decisions to a block', () => {
    const out = new Uint32Array(4);
    philox4x32(7, (12 << 16) | (2 << 8) | 3, 5, 1, key.k0, key.k1, out);
    const uniforms = new KeyedUniforms(key);
    for (let decision = 4; decision < 8; decision++) {
      expect(uniforms.uniform(7, 12, 2, 3, 5, decision)).toBe(out[decision - 4]! / 2 ** 32);
    }
  });

  it('depend on their purpose alone, not on what was drawn before', () => {
    const purpose = fc.tuple(fc.nat(1e6), fc.integer({ min: 0, max: ACCOUNT }), fc.nat(255), fc.nat(255), fc.oneof(fc.nat(1000), fc.constant(CELL)), fc.nat(40));
    fc.assert(
      fc.property(fc.array(purpose, { minLength: 1, maxLength: 20 }), (purposes) => {
        const cached = new KeyedUniforms(key);
        for (const [trial, month, stream, type, opportunity, decision] of purposes) {
          const u = cached.uniform(trial, month, stream, type, opportunity, decision);
          expect(u).toBe(keyedUniform(key, trial, month, stream, type, opportunity, decision));
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
        }
      }),
    );
  });

  it('differ between neighbouring purposes and between seeds', () => {
    const base = keyedUniform(key, 0, 0, 0, 0, 0, 0);
    const neighbours = [
      keyedUniform(key, 1, 0, 0, 0, 0, 0),
      keyedUniform(key, 0, 1, 0, 0, 0, 0),
      keyedUniform(key, 0, 0, 1, 0, 0, 0),
      keyedUniform(key, 0, 0, 0, 1, 0, 0),
      keyedUniform(key, 0, 0, 0, 0, 1, 0),
      keyedUniform(key, 0, 0, 0, 0, 0, 1),
      keyedUniform(generatorKey(20240602), 0, 0, 0, 0, 0, 0),
    ];
    expect(new Set([base, ...neighbours]).size).toBe(8);
    expect(generatorKey(20240601)).toEqual(key);
  });

  it('are uniform: mean and variance of 10,000 draws within 4 standard errors of 1/2 and 1/12', () => {
    // SE of the mean: sqrt(1/12 / n) ≈ 0.0029; SE of the variance: sqrt(1/180 / n) ≈ 0.00075 (uniform's fourth central moment 1/80).
    const n = 10_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = keyedUniform(key, i % 100, (i / 100) | 0, 1, 2, 3, 4);
      sum += u;
      sumSquares += u * u;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSquares / n - mean * mean - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
  });

  it('refuse a scenario larger than the layout, once, before any draw', () => {
    expect(() => checkUniformLayout(144, 3, 6)).not.toThrow();
    expect(() => checkUniformLayout(70_000, 3, 6)).toThrow('keyed uniforms hold at most 65535 months, 255 streams and 255 types');
    // Stream and type 0xff are the months' own draws, so no cell may use them.
    expect(() => checkUniformLayout(72, 256, 4)).toThrow();
    expect(() => checkUniformLayout(72, 3, 256)).toThrow();
  });
});
