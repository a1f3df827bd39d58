/**
 * The kernel's own arithmetic against JavaScript's, bit for bit: its exp and
 * log (src/kernel/fdlibm.ts) against Math.exp and Math.log, its four-lane
 * Philox against the reference's philox4x32, and its two-lane normal and exp
 * (src/kernel/vector-math.ts) against its scalar ones. Exact equality
 * (Object.is) is the contract: the engine's figures are the same bytes on
 * either engine only if every one of these agrees. Arguments come from a
 * fixed generator, so a failure names a reproducible argument.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernelAvailability } from '../../src/engine/wasm-kernel.ts';
import { kernelMathMismatch } from '../../src/engine/kernel-math-check.ts';
import { philox4x32 } from '../../src/engine/philox.ts';
import { kernelPath } from '../../src/engine/kernel-file.ts';

interface CheckExports {
  memory: { buffer: ArrayBuffer };
  allocate(bytes: number): number;
  expOf(x: number): number;
  logOf(x: number): number;
  normalOf(u: number): number;
  philoxCheck(c0: number, c1: number, c2: number, k0: number, k1: number, out: number): void;
  lanesCheck(a: number, b: number, out: number): void;
}

const { reason } = kernelAvailability({});
// The built file, whether or not the engine accepted it: a kernel whose math the engine refused is still tested here, and fails, saying where.
const built = existsSync(kernelPath());
const required = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== '0' && process.env.CI !== 'false';

const WASM = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object, imports: object) => { exports: unknown } } }).WebAssembly;

function instance(): CheckExports {
  const compiled = new WASM.Module(readFileSync(kernelPath()));
  return new WASM.Instance(compiled, { env: { pow: Math.pow, sin: Math.sin, abort: () => { throw new Error('abort'); } } }).exports as unknown as CheckExports;
}

function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

describe.skipIf(!built && !required)(`the kernel's arithmetic (${built ? 'built' : reason})`, () => {
  it('is built (CI requires it)', () => {
    expect(built, reason).toBe(true);
  });

  it('computes exp and log as Math.exp and Math.log, on any bit pattern and on the ranges the model uses', () => {
    const kernel = instance();
    const next = generator(1);
    const failures: string[] = [];
    const check = (x: number) => {
      if (!Object.is(kernel.expOf(x), Math.exp(x)) && failures.length < 5) failures.push(`exp(${x})`);
      if (!Object.is(kernel.logOf(x), Math.log(x)) && failures.length < 5) failures.push(`log(${x})`);
    };
    for (const x of [0, -0, 1, -1, Infinity, -Infinity, NaN, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, 2 ** -28, -(2 ** -28), 2 ** -29]) check(x);
    for (let i = 0; i < 200_000; i++) {
      words[0] = next();
      words[1] = next();
      check(bits[0]!);
      check(((next() / 2 ** 32) - 0.5) * 1500);
      check(((next() / 2 ** 32) - 0.5) * 8);
      check((next() / 2 ** 32) * (next() / 2 ** 32));
    }
    expect(failures).toEqual([]);
    expect(kernelMathMismatch(kernel)).toBeUndefined();
  });

  it('draws four Philox blocks at once as four calls of the reference', () => {
    const kernel = instance();
    const out = kernel.allocate(64);
    const next = generator(2);
    const reference = new Uint32Array(4);
    let differing = 0;
    for (let i = 0; i < 20_000; i++) {
      const [c0, c1, c2, k0, k1] = [next(), next(), next(), next(), next()];
      kernel.philoxCheck(c0, c1, c2, k0, k1, out);
      const lanes = new Uint32Array(kernel.memory.buffer, out, 16);
      for (let block = 0; block < 4; block++) {
        philox4x32(c0, (c1 + block) >>> 0, c2, block, k0, k1, reference);
        for (let word = 0; word < 4; word++) if (lanes[word * 4 + block] !== reference[word]) differing++;
      }
    }
    expect(differing).toBe(0);
  });

  it('computes two lanes of normal and exp as the scalar functions, tails and edges included', () => {
    const kernel = instance();
    const out = kernel.allocate(32);
    const next = generator(3);
    const failures: string[] = [];
    const check = (a: number, b: number) => {
      kernel.lanesCheck(a, b, out);
      const [normalA, normalB, expA, expB] = new Float64Array(kernel.memory.buffer, out, 4);
      if (!Object.is(normalA, kernel.normalOf(a)) || !Object.is(normalB, kernel.normalOf(b))) failures.push(`normal(${a}, ${b})`);
      if (!Object.is(expA, Math.exp(a)) || !Object.is(expB, Math.exp(b))) failures.push(`exp(${a}, ${b})`);
    };
    const edges = [0, 1e-12, 1.1641532182693481e-10, 0.02425, 0.0242499999, 0.97575, 0.9757500001, 1 - 2 ** -32, 0.5, 1, -1, 2 ** -28, -(2 ** -28), 0.3465735902799727, 0.34657359027997264, 1.0397207708399179, 699.99, 700, -700, 720, -760, NaN, Infinity, -Infinity];
    for (const a of edges) for (const b of edges) check(a, b);
    for (let i = 0; i < 100_000 && failures.length < 5; i++) {
      check(next() / 2 ** 32, next() / 2 ** 32);
      check(((next() / 2 ** 32) - 0.5) * 10, ((next() / 2 ** 32) - 0.5) * 10);
      check(((next() / 2 ** 32) - 0.5) * 1500, (next() / 2 ** 32) * 1e-6);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
