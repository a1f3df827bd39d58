/** The build stamp covers the kernel: a stamp whose kernel file is gone is stale; one whose kernel could not be built (null) is not. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDist } from '../../bin/fresh-dist.js';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function rootWithStamp(kernel: string | null): string {
  const root = mkdtempSync(join(tmpdir(), 'expansim-kernel-stamp-'));
  roots.push(root);
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'build-stamp.json'), JSON.stringify({ bundle: 'expansim-0.mjs', worker: 'trial-worker-0.cjs', kernel, inputs: [] }));
  return root;
}

describe('the build stamp and the kernel', () => {
  it('is stale when the kernel it names is missing, and fresh once it is there', () => {
    const root = rootWithStamp('kernel-0123456789abcdef.wasm');
    expect(freshDist(root)).toBeUndefined();
    writeFileSync(join(root, 'dist', 'kernel-0123456789abcdef.wasm'), '');
    expect(freshDist(root)).toBe(join(root, 'dist', 'expansim-0.mjs'));
  });

  it('is fresh without a kernel when none could be built (the engine runs its reference)', () => {
    const root = rootWithStamp(null);
    expect(freshDist(root)).toBe(join(root, 'dist', 'expansim-0.mjs'));
  });
});
