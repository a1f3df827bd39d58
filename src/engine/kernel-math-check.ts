/**
 * The kernel computes exp and log itself (src/kernel/fdlibm.ts: fdlibm's
 * algorithms, as V8's Math.exp and Math.log are), so its figures are the
 * reference's only while this JavaScript engine's Math.exp and Math.log are
 * those algorithms. Checked once when the kernel loads, on a fixed sample of
 * the arguments the model takes and the edge cases; test/kernel/fdlibm.test.ts
 * checks millions more.
 */
export interface KernelMath {
  expOf(x: number): number;
  logOf(x: number): number;
}

function probes(): { exp: number[]; log: number[] } {
  const exp = [0, -0, 1, -1, 0.5, -0.5, 2, 1e-10, -1e-10, 3.7e-9, 0.3465735902799727, 1.0397207708399179, -1.0397207708399179, 10, -10, 100, -100, 700, -700, 709.7, -745, 800, -800];
  const log = [1, 2, 0.5, 1e-300, 5e-324, 2.2250738585072014e-308, 1.0000001, 0.9999999, 1.7976931348623157e308, 0.70710678, 1.41421356, 2 ** -64];
  let state = 0x2545f491;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = 0; i < 400; i++) {
    exp.push((next() - 0.5) * 8, (next() - 0.5) * 200);
    log.push(next() * next(), next() * 4, 2 ** Math.floor((next() - 0.5) * 2000) * (1 + next()));
  }
  return { exp, log };
}

/** Where the kernel's exp or log first differs from Math.exp or Math.log, in words; undefined when they agree on every probe. */
export function kernelMathMismatch(kernel: KernelMath): string | undefined {
  const { exp, log } = probes();
  for (const x of exp) if (!Object.is(kernel.expOf(x), Math.exp(x))) return `its exp(${x}) is ${kernel.expOf(x)}, this JavaScript's Math.exp gives ${Math.exp(x)}`;
  for (const x of log) if (!Object.is(kernel.logOf(x), Math.log(x))) return `its log(${x}) is ${kernel.logOf(x)}, this JavaScript's Math.log gives ${Math.log(x)}`;
  return undefined;
}
