import { execFileSync } from 'node:child_process';
/**
 * `merge` refuses every partial that does not hold together: damaged by
 * accident (its checksums), or edited with the checksums recomputed (the
 * cross-checks). Each refusal is exit 2 with a message naming the file, and
 * nothing is written. Partials are made once, tiny; merges run in-process.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { FUNNEL_CLOSED_WON } from '../../src/engine/trial-outcome.ts';
import { getAt, joinPartial, leafPaths, setAt, splitPartial, type Json, type PartialParts } from './partial-bytes.ts';

const SCENARIO = resolve('scenarios/hp-cso.yaml');
const PART_NAMES = [0, 1].map((k) => `hp-cso.shard-000${k}-of-0002.expansim-part`);

let folder: string;
let honest: Uint8Array[];
let honestSummary: string;
let cases = 0;

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(args, { out: () => undefined, err: (text) => void (stderr += text), interactive: false });
  return { code, stderr };
}

/** Merges these partials (as bytes) and reports the exit code, stderr, the files given and the summary written. */
async function merge(parts: readonly Uint8Array[]) {
  const dir = join(folder, `case-${cases++}`);
  const files = parts.map((bytes, i) => {
    const file = join(folder, `${cases}-${i}.expansim-part`);
    writeFileSync(file, bytes);
    return file;
  });
  const result = await cli(['merge', ...files, '--out', dir, '--quiet', '--no-charts']);
  const summaryFile = join(dir, 'summary.json');
  const summary = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : undefined;
  rmSync(dir, { recursive: true, force: true });
  files.forEach((file) => rmSync(file));
  return { ...result, files, summary, wrote: summary !== undefined };
}

function edit(bytes: Uint8Array, change: (parts: PartialParts) => void, resign: boolean): Uint8Array {
  const parts = splitPartial(bytes);
  change(parts);
  return joinPartial(parts, resign);
}

async function expectRefused(parts: readonly Uint8Array[], message: RegExp, file = 1) {
  const result = await merge(parts);
  expect(result.code).toBe(2);
  expect(result.wrote).toBe(false);
  expect(result.stderr).toContain(result.files[file]!);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at |Cannot read properties/);
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'expansim-partials-'));
  for (const k of [0, 1]) {
    const run = await cli(['run', SCENARIO, '-n', '30', '--ablation-trials', '20', '--workers', '1', '--shard', `${k}/2`, '--out', folder, '--quiet']);
    expect(run).toEqual({ code: 0, stderr: '' });
  }
  honest = PART_NAMES.map((name) => new Uint8Array(readFileSync(join(folder, name))));
  const merged = await merge(honest);
  expect(merged.code).toBe(0);
  honestSummary = merged.summary!;
});

describe('merge refuses a partial damaged by accident', () => {
  it('merges the honest partials', async () => {
    expect((await merge(honest)).summary).toBe(honestSummary);
    expect((await merge([honest[1]!, honest[0]!])).summary).toBe(honestSummary);
  });

  it('a flipped byte in a data column', async () => {
    const bytes = honest[1]!.slice();
    bytes[bytes.length - 1000]! ^= 0x10;
    await expectRefused([honest[0]!, bytes], /the partial data is damaged: its checksum does not match/);
  });

  it('header sums ×10', async () => {
    const bytes = edit(honest[1]!, ({ header }) => setAt(header, ['sums', 'ato.revenueByStream', 0, 0], (getAt(header, ['sums', 'ato.revenueByStream', 0, 0]) as number) * 10), false);
    await expectRefused([honest[0]!, bytes], /the partial header was altered: its checksum does not match/);
  });

  it('a truncated file, and one with bytes appended', async () => {
    await expectRefused([honest[0]!, honest[1]!.slice(0, honest[1]!.length - 8)], /the partial is truncated/);
    await expectRefused([honest[0]!, new Uint8Array([...honest[1]!, 0, 0, 0, 0, 0, 0, 0, 0])], /8 bytes more than its header describes/);
  });

  it('a folder or a named pipe given as a partial, read without blocking', async () => {
    const part = join(folder, 'honest-0.expansim-part');
    writeFileSync(part, honest[0]!);
    const pipe = join(folder, 'pipe.expansim-part');
    execFileSync('mkfifo', [pipe]);
    for (const path of [folder, pipe]) {
      const result = await cli(['merge', part, path, '--out', join(folder, 'never'), '--quiet', '--no-charts']);
      expect(result.code).toBe(2);
      expect(result.stderr.startsWith(`✖ ${path}: is a `)).toBe(true);
      expect(result.stderr).toMatch(/is a (directory|named pipe), not a shard partial/);
      expect(existsSync(join(folder, 'never'))).toBe(false);
    }
    rmSync(pipe);
    rmSync(part);
  });

  it('a partial from an older expansim', async () => {
    const bytes = edit(honest[1]!, ({ header }) => setAt(header, ['format'], 1), false);
    await expectRefused([honest[0]!, bytes], /format 1, made by an older expansim; re-run the shard/);
  });

  it('a header that is not the expected JSON shape, naming the field', async () => {
    await expectRefused([honest[0]!, edit(honest[1]!, ({ header }) => setAt(header, ['shard', 'index'], 'one'), false)], /header field shard\.index: /);
    await expectRefused([honest[0]!, edit(honest[1]!, ({ header }) => setAt(header, ['analysis'], undefined), false)], /header field analysis: /);
  });
});

describe('merge refuses a partial edited with its checksums recomputed', () => {
  const forged = (change: (header: PartialParts['header']) => void) => edit(honest[1]!, ({ header }) => change(header), true);

  it('shard 2 relabelled as shard 1', async () => {
    const relabelled = forged((header) => setAt(header, ['shard', 'index'], 0));
    await expectRefused([honest[0]!, relabelled], /shard 0\/2 of 30 trials holds trials 0…14, but the header says 15…29/);
  });

  it('overlapping trial ranges', async () => {
    const overlapping = forged((header) => setAt(header, ['start'], 10));
    await expectRefused([honest[0]!, overlapping], /header field arrays|holds trials 15…29, but the header says 10…24/);
  });

  it('an array length set to 5', async () => {
    const short = forged((header) => setAt(header, ['arrays', 3, 'length'], 5));
    await expectRefused([honest[0]!, short], /header field arrays: \S+ does not match 15 trials of 72 months from trial 15/);
  });

  it('a mismatched horizon', async () => {
    await expectRefused([honest[0]!, forged((header) => setAt(header, ['horizonMonths'], 60))], /header field arrays/);
  });

  it('a scenario without its model', async () => {
    await expectRefused([honest[0]!, forged((header) => setAt(header, ['scenario', 'model'], undefined))], /header field scenario (is not a valid scenario|does not match)/);
  });

  it('a scenario that does not match its text, or its hash', async () => {
    const name = (getAt(splitPartial(honest[1]!).header, ['scenario', 'name']) as string) + ' (edited)';
    await expectRefused([honest[0]!, forged((header) => setAt(header, ['scenario', 'name'], name))], /header field scenario does not match the scenarioText/);
    await expectRefused([honest[0]!, forged((header) => setAt(header, ['scenarioText'], 'name: [unclosed'))], /header field scenarioText does not hold a valid scenario: YAML syntax/);
    await expectRefused([honest[0]!, forged((header) => setAt(header, ['scenarioHash'], 'f'.repeat(64)))], /header field scenarioHash is not the hash of its scenario/);
  });

  it('deals won ×10 in the funnel', async () => {
    const path = ['sums', 'fitd.funnel', FUNNEL_CLOSED_WON, 0];
    const tampered = forged((header) => setAt(header, path, (getAt(header, path) as number) * 10 + 1));
    await expectRefused([honest[0]!, tampered], /sums\.fitd\.funnel counts \d+ deals won, the data column fitd\.dealsWon \d+/);
  });

  it('variants counted over other trials', async () => {
    const shard0 = edit(honest[0]!, ({ header }) => setAt(header, ['variants', Object.keys(header.variants as object)[0]!, 'count'], 3), true);
    await expectRefused([shard0, honest[1]!], /variants\.\S+\.count is 3, not 15/, 0);
  });

  it('an ablation that is not the one its settings run', async () => {
    await expectRefused([forged((header) => setAt(header, ['analysis', 'ablate'], false)), honest[0]!], /header field variants holds \d+ variants, the ablation runs 0/, 0);
  });
});

/** One change to one of the two partials, or to the list given to merge. */
type Mutation =
  | { kind: 'flip'; file: number; at: number; bit: number }
  | { kind: 'truncate'; file: number; at: number }
  | { kind: 'field'; file: number; path: number; value: Json | undefined }
  | { kind: 'forge'; file: number; field: number; delta: number }
  | { kind: 'list'; order: readonly number[] };

/** Fields a forger may change and the checks still catch (the other sums cannot be recomputed from the data). */
const CHECKED_FIELDS = [['format'], ['expansimVersion'], ['scenarioHash'], ['seed'], ['totalTrials'], ['shard', 'index'], ['shard', 'count'], ['start'], ['count'], ['horizonMonths'], ['analysis', 'ablate'], ['analysis', 'ablationTrials'], ['cashPathCount'], ['arrays', 0, 'length'], ['arrays', 5, 'byteOffset'], ['arrays', 30, 'type'], ['scenario', 'trials'], ['scenario', 'horizonMonths'], ['scenario', 'seed'], ['sums', 'ato.funnel', FUNNEL_CLOSED_WON, 0]];

/** A plausible forgery of a checked field: a number moved by `delta` (or ×10 at 0), a flag flipped, a digest's digit changed. */
function forgery(path: readonly (string | number)[], delta: number) {
  return ({ header }: PartialParts) => {
    const old = getAt(header, path);
    if (typeof old === 'number') setAt(header, path, delta === 0 ? old * 10 : old + delta);
    else if (typeof old === 'boolean') setAt(header, path, !old);
    else if (typeof old === 'string') setAt(header, path, old.slice(0, -1) + (old.endsWith('0') ? '1' : '0'));
  };
}

const value: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constantFrom(undefined, null, 0, 1, -1, 2, 15, 29, 30, 0.5, 1e308, -0, 'x', '', true, false),
  fc.integer({ min: -100, max: 100 }),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 8 }),
);

describe('merge under random mutations', () => {
  it('is byte-identical to the honest merge or exit 2 naming a file; never exit 1, a stack trace or other figures', async () => {
    const paths = honest.map((bytes) => leafPaths(splitPartial(bytes).header));
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), file: fc.integer({ min: 0, max: 1 }), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('truncate' as const), file: fc.integer({ min: 0, max: 1 }), at: fc.nat() }),
      fc.record({ kind: fc.constant('field' as const), file: fc.integer({ min: 0, max: 1 }), path: fc.nat(), value }),
      fc.record({ kind: fc.constant('forge' as const), file: fc.integer({ min: 0, max: 1 }), field: fc.nat({ max: CHECKED_FIELDS.length - 1 }), delta: fc.integer({ min: -16, max: 16 }) }),
      fc.record({ kind: fc.constant('list' as const), order: fc.constantFrom([0, 1], [1, 0], [0, 0], [1, 1], [0], [1], [0, 1, 1]) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        let parts: Uint8Array[] = honest.map((bytes) => bytes.slice());
        let order: readonly number[] = [0, 1];
        for (const m of mutations) {
          if (m.kind === 'list') order = m.order;
          else if (m.kind === 'flip') parts[m.file]![m.at % parts[m.file]!.length]! ^= 1 << m.bit;
          else if (m.kind === 'truncate') parts[m.file] = parts[m.file]!.slice(0, m.at % parts[m.file]!.length);
          else {
            const change = m.kind === 'field' ? ({ header }: PartialParts) => setAt(header, paths[m.file]![m.path % paths[m.file]!.length]!, m.value) : forgery(CHECKED_FIELDS[m.field]!, m.delta);
            try {
              parts[m.file] = edit(parts[m.file]!, change, m.kind === 'forge');
            } catch {
              // The partial is already too damaged to be edited as JSON; it stays as it is.
            }
          }
        }
        parts = order.map((i) => parts[i]!);
        const result = await merge(parts);
        expect(result.stderr).not.toMatch(/\n\s+at |expansim failed|Cannot read properties/);
        if (result.code === 0) {
          expect(result.summary).toBe(honestSummary);
        } else {
          expect(result.code).toBe(2);
          expect(result.wrote).toBe(false);
          // Only an incomplete set is refused without naming a file: it is the files that are not there.
          expect(result.files.some((file) => result.stderr.includes(file)) || /^✖ missing shards? [\d, ]+ of 2\n$/.test(result.stderr)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
