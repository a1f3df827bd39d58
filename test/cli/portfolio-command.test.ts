/** `expansim portfolio` as a subprocess: the table and portfolio.json, reproducible; bad books and CSVs end in exit 2. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../src/cli/parse-arguments.ts';
import { expansim } from '../robustness/cli-process.ts';
import { readDeck } from '../report/deck-slides.ts';
import { SMALL_BOOK, bookFolder, writeIn } from '../book/book-files.ts';

describe('expansim portfolio', () => {
  it('prints the plan, writes portfolio.json, and writes the same bytes again from the same book', () => {
    const folder = bookFolder();
    writeIn(folder, 'book.yaml', SMALL_BOOK);
    const first = expansim(['portfolio', 'book.yaml', '--out', 'first'], folder);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^expansim portfolio · small book · 4 accounts · 40 trials per account and option · seed 7\n/);
    expect(first.stdout).toContain('  Written to first/\n');
    const report = readFileSync(join(folder, 'first', 'report.html'), 'utf8');
    expect(report).toContain('<h1>Choosing per account adds');
    for (const chart of ['portfolio-plans', 'portfolio-accounts', 'portfolio-allocation', 'portfolio-frontier']) expect(existsSync(join(folder, 'first', 'charts', `${chart}.svg`))).toBe(true);
    const deck = readDeck(readFileSync(join(folder, 'first', 'deck.pptx')));
    // Title, one slide a chart, the plans' table, the facts.
    expect(deck.slides).toHaveLength(1 + 4 + 1 + 1);
    expect(deck.slides[0]!.texts.join(' ')).toContain('Choosing per account adds');
    const written = readFileSync(join(folder, 'first', 'portfolio.json'), 'utf8');
    const result = JSON.parse(written) as { accounts: unknown[]; teams: Array<{ team: string; fteUsed: number; pool: number }> };
    expect(result.accounts).toHaveLength(4);
    for (const team of result.teams) expect(team.fteUsed).toBeLessThanOrEqual(team.pool);
    const again = expansim(['portfolio', 'book.yaml', '--out', 'again', '--json', '--no-charts'], folder);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(written);
    expect(readFileSync(join(folder, 'again', 'portfolio.json'), 'utf8')).toBe(written);
  });

  it('ends a bad book or accounts CSV in exit 2, one line per problem with file, line and field, and writes nothing', () => {
    const folder = bookFolder();
    writeIn(folder, 'book.yaml', SMALL_BOOK.replace('    team: Blue\n', '    team: Green\n').replace('{ pool: 5 }', '{ pool: -5 }'));
    const bad = expansim(['portfolio', 'book.yaml', '--out', 'never', '--no-charts'], folder);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: '✖ book.yaml:7 teams.Red.pool: must be between 0 and 1000000 (got -5)\n' });
    writeIn(folder, 'good.yaml', SMALL_BOOK);
    writeIn(folder, 'accounts.csv', 'name,team,wallet,fw,img,pur,itc,exr\nContoso,Red,45,0.7,1.3,0.6,0.7,0.5\nFabrikam,Blue,,0.2,0.3,0.5,0.2,0.3\n');
    const csv = expansim(['portfolio', 'good.yaml', '--accounts', 'accounts.csv', '--out', 'never'], folder);
    expect(csv).toEqual({ code: 2, stdout: '', stderr: '✖ accounts.csv:2 img: must be between 0 and 1 (got 1.3)\n✖ accounts.csv:3 wallet: is empty\n' });
    expect(existsSync(join(folder, 'never'))).toBe(false);
  });

  it('reads its arguments', () => {
    expect(parseArguments(['portfolio', 'b.yaml', '--accounts', 'a.csv', '-n', '50', '--step', '0.25', '--json'])).toEqual({
      command: 'portfolio',
      book: 'b.yaml',
      options: { accounts: 'a.csv', trials: 50, step: 0.25, quiet: false, json: true, charts: true, deck: true, progress: true },
    });
    expect(parseArguments(['portfolio', 'b.yaml', '--no-deck'])).toMatchObject({ options: { charts: true, deck: false } });
    expect(parseArguments(['portfolio', 'b.yaml', '--step', '-1'])).toEqual({ command: 'usage-error', message: '--step must be a number above 0 and at most 100 (got "-1")' });
  });
});
