/**
 * `portfolio --shard K/N` and `merge`: three shards of a small book merge into
 * the unsharded portfolio.json byte for byte, in any order; partials that are
 * damaged, forged (re-signed), of another book, overlapping, given twice or
 * missing are refused with exit 2, a message naming the file, and nothing
 * written. Everything runs in this process.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { compileBookTexts } from '../../src/book/compile-book-texts.ts';
import { decodePortfolioShard, encodePortfolioShard } from '../../src/portfolio/portfolio-shard-file.ts';
import { withBookSettings } from '../../src/portfolio/run-portfolio.ts';
import { shardGroups } from '../../src/portfolio/shard-groups.ts';
import { SMALL_BOOK, bookFolder, writeIn } from '../book/book-files.ts';

const BOOK = SMALL_BOOK.replace('trials: 40', 'trials: 16');
let folder: string;
let parts: string[];
let cases = 0;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (text) => void (stdout += text), err: (text) => void (stderr += text), interactive: false });
  return { code, stdout, stderr };
}

/** Merges these files into a fresh folder: the exit code, stderr, and whether anything was written. */
async function merge(files: readonly string[]) {
  const out = join(folder, `merged-${cases++}`);
  const result = await cli(['merge', ...files, '--out', out, '--quiet', '--no-charts']);
  return { code: result.code, stderr: result.stderr, written: existsSync(out) };
}

/** A partial's bytes rewritten through the encoder, so its checksums and hash are honest for what it now says. */
function forge(file: string, change: (partial: ReturnType<typeof decodePortfolioShard>) => ReturnType<typeof decodePortfolioShard>['groups'], bookText?: string): string {
  const partial = decodePortfolioShard(readFileSync(file));
  const { header } = partial;
  const compiled = compileBookTexts({ ...header, bookText: bookText ?? header.bookText });
  if (!compiled.ok) throw new Error(compiled.problem);
  const { format: _f, groups: _g, checksums: _c, bookHash: _h, ...input } = header;
  const forged = join(folder, `forged-${cases++}.expansim-part`);
  writeFileSync(forged, encodePortfolioShard(input, withBookSettings(compiled.compiled, header), change(partial)));
  return forged;
}

beforeAll(async () => {
  folder = bookFolder();
  writeIn(folder, 'book.yaml', BOOK);
  expect(await cli(['portfolio', join(folder, 'book.yaml'), '--out', join(folder, 'single'), '--quiet', '--no-charts'])).toMatchObject({ code: 0, stderr: '' });
  for (let k = 0; k < 3; k++) {
    const shard = await cli(['portfolio', join(folder, 'book.yaml'), '--shard', `${k}/3`, '--out', join(folder, 'parts'), '--workers', String(1 + (k % 2))]);
    expect(shard).toMatchObject({ code: 0, stderr: '' });
  }
  parts = readdirSync(join(folder, 'parts')).sort().map((name) => join(folder, 'parts', name));
});

describe('portfolio shards', () => {
  it('writes one partial per shard, each of whole groups, and merges them (in any order) into the unsharded portfolio.json', async () => {
    expect(parts.map((file) => file.slice(file.lastIndexOf('/') + 1))).toEqual([0, 1, 2].map((k) => `small-book-portfolio.shard-000${k}-of-0003.expansim-part`));
    const result = await cli(['merge', parts[2]!, parts[0]!, parts[1]!, '--out', join(folder, 'merged'), '--no-charts']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Merged 3 portfolio partials\.\nexpansim portfolio · small book · 4 accounts · 16 trials/);
    for (const file of ['portfolio.json', 'book.yaml', 'base-scenario.yaml']) {
      expect(readFileSync(join(folder, 'merged', file), 'utf8')).toBe(readFileSync(join(folder, 'single', file), 'utf8'));
    }
    const record = JSON.parse(readFileSync(join(folder, 'merged', 'run.json'), 'utf8')) as { partials: string[]; trials: number };
    expect(record).toMatchObject({ partials: [parts[2], parts[0], parts[1]], trials: 16 });
  });

  it('splits groups by their cost into contiguous runs, each shard at least one group, and refuses more shards than groups', async () => {
    const compiled = compileBookTexts({ bookText: BOOK, baseText: readFileSync(join(folder, 'base.yaml'), 'utf8'), accountsText: null });
    if (!compiled.ok) throw new Error(compiled.problem);
    expect([0, 1, 2].map((k) => shardGroups(compiled.compiled, k, 3))).toEqual([[0], [1], [2]]);
    // Six small accounts (cost 24) outweigh the 1 + 2 accounts before them (4 + 8): two shards cut before them, not after group 0.
    const heavy = compileBookTexts({ bookText: BOOK.replace('    team: Blue\n', '    team: Blue\n    count: 6\n'), baseText: readFileSync(join(folder, 'base.yaml'), 'utf8'), accountsText: null });
    if (!heavy.ok) throw new Error(heavy.problem);
    expect([0, 1].map((k) => shardGroups(heavy.compiled, k, 2))).toEqual([[0, 1], [2]]);
    expect([0, 1, 2].map((k) => shardGroups(heavy.compiled, k, 3))).toEqual([[0], [1], [2]]);
    expect(await cli(['portfolio', join(folder, 'book.yaml'), '--shard', '3/4', '--out', join(folder, 'never')])).toEqual({
      code: 2,
      stdout: '',
      stderr: '✖ cannot split a book of 3 groups into 4 shards (a shard evaluates whole groups)\n',
    });
  });

  it('refuses a missing shard, a shard given twice, and shards of another book or split', async () => {
    expect(await merge([parts[0]!, parts[2]!])).toEqual({ code: 2, stderr: '✖ missing shard 1 of 3\n', written: false });
    expect(await merge([parts[0]!, parts[1]!, parts[1]!, parts[2]!])).toEqual({ code: 2, stderr: `✖ shard 1/3 is given twice (${parts[1]} and ${parts[1]})\n`, written: false });
    writeIn(folder, 'other.yaml', BOOK.replace('seed: 7', 'seed: 8'));
    const other = await cli(['portfolio', join(folder, 'other.yaml'), '--shard', '1/3', '--out', join(folder, 'other-parts'), '--quiet']);
    expect(other.code).toBe(0);
    const foreign = join(folder, 'other-parts', 'small-book-portfolio.shard-0001-of-0003.expansim-part');
    const mixed = await merge([parts[0]!, foreign, parts[2]!]);
    expect(mixed).toMatchObject({ code: 2, written: false });
    expect(mixed.stderr).toMatch(new RegExp(`^✖ ${foreign} is from a different book, or other trials or step, than ${parts[0]} \\(hash [0-9a-f]{12} vs [0-9a-f]{12}\\)\\n$`));
    await cli(['portfolio', join(folder, 'book.yaml'), '--shard', '1/2', '--out', join(folder, 'halves'), '--quiet']);
    const half = join(folder, 'halves', 'small-book-portfolio.shard-0001-of-0002.expansim-part');
    expect(await merge([parts[0]!, half])).toMatchObject({ code: 2, stderr: `✖ ${half} is shard 1/2, ${parts[0]} is of 3\n` });
  });

  it('refuses damaged and forged partials, naming the file and what is wrong', async () => {
    const bytes = readFileSync(parts[1]!);
    const damaged = join(folder, 'damaged.expansim-part');
    const flipped = Uint8Array.from(bytes);
    flipped[flipped.length - 3]! ^= 0x40;
    writeFileSync(damaged, flipped);
    expect(await merge([parts[0]!, damaged, parts[2]!])).toEqual({ code: 2, stderr: `✖ ${damaged}: the partial data is damaged: its checksum does not match\n`, written: false });
    const truncated = join(folder, 'truncated.expansim-part');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 8));
    expect((await merge([parts[0]!, truncated, parts[2]!])).stderr).toMatch(new RegExp(`^✖ ${truncated}: the partial is truncated: \\d+ bytes, its header describes \\d+\\n$`));

    const overlapping = forge(parts[1]!, (partial) => [...decodePortfolioShard(readFileSync(parts[0]!)).groups, ...partial.groups]);
    expect(await merge([parts[0]!, overlapping, parts[2]!])).toEqual({ code: 2, stderr: `✖ ${overlapping}: shard 1/3 of this book evaluates groups 1, but the partial holds groups 0, 1\n`, written: false });
    const notFinite = forge(parts[1]!, (partial) => partial.groups.map((g) => ({ ...g, npv: g.npv.map((account) => account.map((byUnits) => byUnits.map((column, units) => (units === 1 ? column.map(() => Number.NaN) : column)))) })));
    expect((await merge([parts[0]!, notFinite, parts[2]!])).stderr).toBe(`✖ ${notFinite}: data of group 1 holds an NPV that is not a finite number\n`);
    // Texts of one book with the hash and columns of another: the merge compiles the texts and compares.
    const relabelled = forge(parts[1]!, (partial) => partial.groups, BOOK.replace('{ pool: 5 }', '{ pool: 6 }'));
    const rewritten = decodePortfolioShard(readFileSync(relabelled));
    const honest = decodePortfolioShard(readFileSync(parts[1]!));
    expect(rewritten.header.bookHash).not.toBe(honest.header.bookHash);
    expect((await merge([parts[0]!, relabelled, parts[2]!])).stderr).toBe(`✖ ${relabelled}: header field bookHash is not the hash of the book its texts compile to\n`);
  });

  it('refuses to merge portfolio and run partials together, and --trials-csv for a portfolio', async () => {
    const run = await cli(['run', join(folder, 'base.yaml'), '--trials', '4', '--shard', '0/2', '--out', join(folder, 'run-parts'), '--quiet', '--workers', '1']);
    expect(run.code).toBe(0);
    const runPart = join(folder, 'run-parts', readdirSync(join(folder, 'run-parts'))[0]!);
    expect(await merge([parts[0]!, runPart])).toEqual({ code: 2, stderr: `✖ ${parts[0]} is a portfolio partial, ${runPart} is not: merge the partials of one run or one portfolio at a time\n`, written: false });
    expect((await cli(['merge', ...parts, '--trials-csv', '--out', join(folder, 'never')])).stderr).toBe('✖ --trials-csv is for run partials: a portfolio has no per-trial outcomes table\n');
  });
});
