/**
 * bin/load-bundle.js keeps V8's compiled code of the prebuilt bundle beside
 * it. A cache is used only for the very bundle file it was made from, only
 * when intact, and anything else (stale, damaged, made by another V8, not
 * writable) means compiling from source as before: the command still runs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asAscii, checkNoDynamicImport, withLoaderImports } from '../../bin/build-dist.js';
import { freshDist } from '../../bin/fresh-dist.js';
import { codeCachePath, loadBundle, readCodeCache, writeCodeCache } from '../../bin/load-bundle.js';
import { expansim, SCENARIOS, workspace } from './cli-process.ts';

/** A small CommonJS "bundle" in a fresh folder, exporting `answer`. */
function smallBundle(answer: number) {
  const folder = workspace();
  const bundle = join(folder, 'expansim-1.cjs');
  writeFileSync(bundle, `'use strict';\nconst double = (x) => x * 2;\nexports.answer = double(${answer / 2});\nexports.file = __filename;\n`);
  return { folder, bundle, cache: codeCachePath(bundle) };
}

function loaded(bundle: string) {
  const result = loadBundle(bundle);
  if (result === undefined) throw new Error(`${bundle} did not load`);
  return result;
}

describe('the code cache of the prebuilt bundle', () => {
  it('is written after a first load and used by the next', () => {
    const { bundle, cache } = smallBundle(42);
    const first = loaded(bundle);
    expect(first.exports).toEqual({ answer: 42, file: bundle });
    expect(first.cacheUsed).toBe(false);
    expect(first.saveCache()).toBe(true);
    expect(existsSync(cache)).toBe(true);
    const second = loaded(bundle);
    expect(second.cacheUsed).toBe(true);
    expect(second.exports).toEqual({ answer: 42, file: bundle });
    expect(second.saveCache()).toBe(false);
  });

  it('is written again after a command of a kind it was not made after, and then not again', () => {
    const { bundle, cache } = smallBundle(42);
    expect(loaded(bundle).saveCache('--version')).toBe(true);
    expect(readCodeCache(cache, statSync(bundle))?.kinds).toEqual(['--version']);
    // A run after --version: the cache is rewritten with the code the run compiled, and knows both kinds.
    expect(loaded(bundle).saveCache('run --trials')).toBe(true);
    expect(readCodeCache(cache, statSync(bundle))?.kinds).toEqual(['--version', 'run --trials']);
    const again = loaded(bundle);
    expect(again.cacheUsed).toBe(true);
    expect(again.saveCache('run --trials')).toBe(false);
    expect(again.saveCache('--version')).toBe(false);
  });

  it('keeps a command kind with spaces, commas and non-ASCII text intact in its header', () => {
    const { bundle, cache } = smallBundle(42);
    const kind = 'sweep --vary,x --ü';
    expect(loaded(bundle).saveCache(kind)).toBe(true);
    expect(readCodeCache(cache, statSync(bundle))?.kinds).toEqual([kind]);
    expect(loaded(bundle).saveCache(kind)).toBe(false);
  });

  it('is never used for a bundle rewritten since, even with the same size', () => {
    const { bundle, cache } = smallBundle(42);
    loaded(bundle).saveCache();
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('21', '34'));
    const again = loaded(bundle);
    expect(again.cacheUsed).toBe(false);
    expect(again.exports.answer).toBe(68);
    // Same bytes, another mtime: a cache belongs to one file as written, so it is refused too.
    loaded(bundle).saveCache();
    utimesSync(bundle, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(readCodeCache(cache, statSync(bundle))).toBeUndefined();
    expect(loaded(bundle).cacheUsed).toBe(false);
  });

  it('falls back to compiling when the cache file is damaged, truncated or not one', () => {
    const { bundle, cache } = smallBundle(42);
    loaded(bundle).saveCache();
    const good = readFileSync(cache);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 5] = flipped[flipped.length - 5]! ^ 0xff;
    for (const damaged of [flipped, good.subarray(0, good.length - 100), Buffer.from('not a cache'), Buffer.alloc(0)]) {
      writeFileSync(cache, damaged);
      expect(readCodeCache(cache, statSync(bundle))).toBeUndefined();
      const result = loaded(bundle);
      expect(result.cacheUsed).toBe(false);
      expect(result.exports.answer).toBe(42);
    }
    // And a damaged one is replaced by a good one after the next command.
    expect(loaded(bundle).saveCache()).toBe(true);
    expect(loaded(bundle).cacheUsed).toBe(true);
  });

  it('is rejected, not trusted, when V8 cannot use it (another V8 or flags), and rewritten', () => {
    const { bundle, cache } = smallBundle(42);
    // Intact by our header, but not V8's data for this script.
    expect(writeCodeCache(cache, statSync(bundle), Buffer.from('x'.repeat(256)))).toBe(true);
    expect(readCodeCache(cache, statSync(bundle))).toBeDefined();
    const result = loaded(bundle);
    expect(result.cacheUsed).toBe(false);
    expect(result.exports.answer).toBe(42);
    expect(result.saveCache()).toBe(true);
    expect(loaded(bundle).cacheUsed).toBe(true);
  });

  it('is skipped when it cannot be written, leaving no partial file', () => {
    const { folder, bundle, cache } = smallBundle(42);
    // A directory where the cache should go: the rename fails, as on a read-only install.
    mkdirSync(cache);
    expect(loaded(bundle).saveCache()).toBe(false);
    expect(readdirSync(folder).sort()).toEqual([basename(cache), 'expansim-1.cjs'].sort());
    expect(writeCodeCache(join(folder, 'no-such-folder', 'x.v8-cache'), statSync(bundle), Buffer.from('x'))).toBe(false);
  });

  it('is named per V8, architecture and Node options', () => {
    const bundle = '/x/expansim-1.cjs';
    expect(codeCachePath(bundle, [], '')).toMatch(new RegExp(`^/x/expansim-1\\.cjs\\.[\\w.]+-${process.arch}-[0-9a-f]{8}\\.v8-cache$`));
    expect(codeCachePath(bundle, ['--cpu-prof'], '')).not.toBe(codeCachePath(bundle, [], ''));
    expect(codeCachePath(bundle, [], '--max-old-space-size=100')).not.toBe(codeCachePath(bundle, [], ''));
  });

  it('is not needed for a bundle that is gone (a concurrent rebuild removed it)', () => {
    expect(loadBundle(join(workspace(), 'expansim-gone.cjs'))).toBeUndefined();
  });
});

describe("the bundle's import() of external packages", () => {
  it("goes through the loader's import function, type positions and local files left alone", () => {
    const source = "const v = await import('vega'); type V = typeof import('vega'); await import(\"@resvg/resvg-js\"); import('./local.ts'); import('zod');";
    expect(withLoaderImports(source)).toBe(
      "const v = await expansimImport('vega'); type V = typeof import('vega'); await expansimImport(\"@resvg/resvg-js\"); import('./local.ts'); import('zod');",
    );
  });

  it('is refused at build time if one is left (a CommonJS script cannot run it)', () => {
    expect(() => checkNoDynamicImport('x = import("vega-lite")')).toThrow(/still calls import\("v/);
    expect(() => checkNoDynamicImport('// an inline `import()` in a comment\nx = expansimImport("vega")')).not.toThrow();
  });

  it('loads in a bundle run by the loader', async () => {
    const folder = workspace();
    const bundle = join(folder, 'expansim-2.cjs');
    writeFileSync(bundle, "exports.load = () => expansimImport('node:path').then((path) => path.basename('/a/b.txt'));\n");
    const { load } = loaded(bundle).exports as { load: () => Promise<string> };
    await expect(load()).resolves.toBe('b.txt');
  });
});

describe('the bundle in ASCII', () => {
  it('escapes non-ASCII text so that it means the same', () => {
    const source = "[/^(com[0-9¹²³])$/iu.test('COM²'), /[\\s$€£¥,]/g.test('€'), '→ 😀', `é${1}`]";
    const ascii = asAscii(source);
    expect(Buffer.from(ascii).every((byte) => byte < 0x80)).toBe(true);
    expect(new Function(`return ${ascii}`)()).toEqual(new Function(`return ${source}`)());
  });

  it('refuses an escaped non-ASCII character rather than change it', () => {
    expect(() => asAscii('/\\é/')).toThrow(/escapes a non-ASCII character/);
  });
});

describe('the prebuilt command with a damaged cache', () => {
  it('runs, says so under EXPANSIM_TRACE=phases, and leaves a usable cache', () => {
    const bundle = freshDist();
    expect(bundle).toBeDefined();
    // The command's cache: it runs with no Node options of its own, and inherits NODE_OPTIONS.
    const cache = codeCachePath(bundle!, [], process.env.NODE_OPTIONS ?? '');
    const cwd = workspace();
    const args = ['validate', join(SCENARIOS, 'hp-cso.yaml')];
    const trace = { env: { EXPANSIM_TRACE: 'phases' } };
    const clean = expansim(args, cwd);
    writeFileSync(cache, 'expansim-v8-cache 1 0 0 0\ngarbage');
    const damaged = expansim(args, cwd, trace);
    expect(damaged.code, damaged.stderr).toBe(0);
    expect(damaged.stdout).toBe(clean.stdout);
    expect(damaged.stderr).toMatch(/^expansim: phase start\nexpansim: phase load prebuilt\nexpansim: code cache none\n/);
    const next = expansim(args, cwd, trace);
    expect(next.stdout).toBe(clean.stdout);
    expect(next.stderr).toContain('expansim: code cache used\n');
  });
});
