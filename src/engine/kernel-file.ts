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

/** The kernel's sources folder and the folder its build goes to. */
export const KERNEL_SOURCES = fileURLToPath(new URL('../kernel/', import.meta.url));
export const KERNEL_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The hash of the kernel's sources: each `.ts` file's name and bytes, in name order. */
export function kernelKey(sources = KERNEL_SOURCES): string {
  const hash = createHash('sha1');
  for (const name of readdirSync(sources).filter((file) => file.endsWith('.ts')).sort()) hash.update(`${name}\0`).update(readFileSync(join(sources, name))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The path of the kernel built from today's sources (which may not exist). */
export function kernelPath(): string {
  return join(KERNEL_DIST, `kernel-${kernelKey()}.wasm`);
}
