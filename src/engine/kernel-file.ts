/**
 * Where the compiled kernel lives: dist/kernel-<key>.wasm, the key a hash of
 * the kernel's sources (src/kernel/*.ts), so a kernel built from other
 * sources is never loaded; bin/build-kernel.js names it the same way (a test
 * checks that the two agree).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** asc's options for the kernel, as bin/build-kernel.js passes them (part of the key). */
export const KERNEL_COMPILE_OPTIONS = ['-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd'];

/** The kernel's sources folder (resolved when asked: a worker's CommonJS bundle has no import.meta.url, and never asks). */
export function kernelSources(): string {
  return fileURLToPath(new URL('../kernel/', import.meta.url));
}

/** The hash of the kernel's compile options and sources (each `.ts` file's name and bytes, in name order). */
export function kernelKey(sources = kernelSources()): string {
  const hash = createHash('sha1');
  hash.update(`${KERNEL_COMPILE_OPTIONS.join(' ')}\0`);
  for (const name of readdirSync(sources).filter((file) => file.endsWith('.ts')).sort()) hash.update(`${name}\0`).update(readFileSync(join(sources, name))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The path of the kernel built from today's sources (which may not exist). */
export function kernelPath(): string {
  return join(fileURLToPath(new URL('../../dist/', import.meta.url)), `kernel-${kernelKey()}.wasm`);
}
