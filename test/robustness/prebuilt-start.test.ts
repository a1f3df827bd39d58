/**
 * bin/expansim.js runs the prebuilt bundle in dist/ (bin/build-dist.js; the
 * suite's global setup builds it), never a stale one: a build stamp lists
 * every source with its size, mtime and sha1, and any change sends the
 * command to rebuild or to the sources. The bundle must compute exactly what
 * the sources compute.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, STAMP } from '../../bin/build-dist.js';
import { freshDist } from '../../bin/fresh-dist.js';
import { trialWorkerCode } from '../../src/engine/worker-code.ts';
import { expansim, SCENARIOS, workspace } from './cli-process.ts';

describe('freshDist: the stamp decides whether dist/ may run', () => {
  function builtTree() {
    const root = workspace();
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'src'));
    const source = join(root, 'src', 'a.ts');
    writeFileSync(source, 'export const a = 1;\n');
    const { size, mtimeMs } = statSync(source);
    const sha1 = createHash('sha1').update('export const a = 1;\n').digest('hex');
    writeFileSync(join(root, 'dist', 'build-stamp.json'), JSON.stringify({ bundle: 'expansim-1.mjs', inputs: [{ path: 'src/a.ts', size, mtimeMs, sha1 }] }));
    return { root, source, bundle: join(root, 'dist', 'expansim-1.mjs') };
  }

  it('accepts unchanged sources, and a touched one whose content is the same', () => {
    const { root, source, bundle } = builtTree();
    expect(freshDist(root)).toBe(bundle);
    utimesSync(source, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(freshDist(root)).toBe(bundle);
  });

  it('refuses an edited source, even one whose size and mtime were kept', () => {
    const { root, source } = builtTree();
    const { atime, mtime } = statSync(source);
    writeFileSync(source, 'export const a = 2;\n');
    utimesSync(source, atime, mtime);
    expect(freshDist(root)).toBeUndefined();
    writeFileSync(source, 'export const a = 10;\n');
    expect(freshDist(root)).toBeUndefined();
  });

  it('accepts an input recorded as missing only while it stays missing', () => {
    const { root } = builtTree();
    const stamp = join(root, 'dist', 'build-stamp.json');
    const { bundle, inputs } = JSON.parse(readFileSync(stamp, 'utf8')) as { bundle: string; inputs: object[] };
    writeFileSync(stamp, JSON.stringify({ bundle, inputs: [...inputs, { path: 'node_modules/.package-lock.json', missing: true }] }));
    expect(freshDist(root)).toBe(join(root, 'dist', bundle));
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'node_modules', '.package-lock.json'), '{}');
    expect(freshDist(root)).toBeUndefined();
  });

  it('refuses a deleted source and a missing or broken stamp', () => {
    const { root } = builtTree();
    writeFileSync(join(root, 'dist', 'build-stamp.json'), '{"bundle":');
    expect(freshDist(root)).toBeUndefined();
    expect(freshDist(workspace())).toBeUndefined();
    const other = builtTree();
    writeFileSync(join(other.root, 'dist', 'build-stamp.json'), JSON.stringify({ bundle: 'x.mjs', inputs: [{ path: 'src/gone.ts', size: 1, mtimeMs: 1, sha1: '' }] }));
    expect(freshDist(other.root)).toBeUndefined();
  });
});

describe('the prebuilt command', () => {
  it('is fresh after the global setup, and its workers run the bundle the sources build', () => {
    expect(freshDist()).toBeDefined();
    const { worker } = JSON.parse(readFileSync(STAMP, 'utf8')) as { worker: string };
    expect(readFileSync(join(DIST, worker), 'utf8')).toBe(trialWorkerCode());
  });

  it('runs without tsx and writes the same summary as the sources through tsx', () => {
    const cwd = workspace();
    const args = ['run', join(SCENARIOS, 'hp-cso.yaml'), '-n', '100', '--no-charts', '--no-ablate', '--quiet'];
    const prebuilt = expansim([...args, '--out', 'prebuilt'], cwd, { env: { EXPANSIM_TRACE: 'phases' } });
    const sources = expansim([...args, '--out', 'sources'], cwd, { env: { EXPANSIM_TRACE: 'phases', EXPANSIM_TSX: '1' } });
    expect(prebuilt.code, prebuilt.stderr).toBe(0);
    expect(sources.code, sources.stderr).toBe(0);
    expect(prebuilt.stderr).toMatch(/^expansim: phase start\nexpansim: phase load prebuilt\n/);
    expect(sources.stderr).toMatch(/^expansim: phase start\nexpansim: phase load sources\n/);
    expect(readFileSync(join(cwd, 'prebuilt', 'summary.json'), 'utf8')).toBe(readFileSync(join(cwd, 'sources', 'summary.json'), 'utf8'));
  });
});
