/** `expansim validate` checks books too (and an --accounts CSV with them): every problem with file, line and field, exit 2. In-process. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseArguments } from '../../src/cli/parse-arguments.ts';
import { SMALL_BOOK, bookFolder, writeIn } from '../book/book-files.ts';

async function validate(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', ...args], { out: (text) => void (stdout += text), err: (text) => void (stderr += text), interactive: false });
  return { code, stdout, stderr };
}

describe('expansim validate with books', () => {
  it('recognises a book beside a scenario and describes both; takes the bundled book with its accounts CSV', async () => {
    const folder = bookFolder();
    const book = writeIn(folder, 'book.yaml', SMALL_BOOK);
    const scenario = join(folder, 'base.yaml');
    expect(await validate([scenario, book])).toEqual({
      code: 0,
      stdout: `✔ ${scenario}: hp-cso, 20,000 trials, 72 months\n✔ ${book}: book small book, 4 accounts in 3 groups, 2 teams, 40 trials per account and option\n`,
      stderr: '',
    });
    const bundled = resolve('scenarios/portfolio/hp-book.yaml');
    const csv = resolve('scenarios/portfolio/hp-accounts.csv');
    expect((await validate([bundled, '--accounts', csv])).stdout).toBe(`✔ ${bundled}: book hp-book, 69 accounts in 21 groups, 3 teams (with ${csv}), 300 trials per account and option\n`);
  });

  it('lists every problem of a bad book, a bad base and a bad accounts CSV with file, line and field, exit 2', async () => {
    const folder = bookFolder();
    const bad = writeIn(folder, 'bad.yaml', SMALL_BOOK.replace('    team: Blue\n', '    team: Green\n').replace('{ pool: 5 }', '{ pool: -5 }').replace('    count: 2\n', '    count: 1.5\n'));
    expect(await validate([bad])).toEqual({
      code: 2,
      stdout: '',
      stderr: [`✖ ${bad}:7 teams.Red.pool: must be between 0 and 1000000 (got -5)`, `✖ ${bad}:16 groups[1].count: must be a whole number (got 1.5)`, ''].join('\n'),
    });
    const noBase = writeIn(folder, 'no-base.yaml', SMALL_BOOK.replace('base: base.yaml', 'base: nowhere.yaml'));
    expect((await validate([noBase])).stderr).toMatch(new RegExp(`^✖ ${noBase}:2 base: nowhere\\.yaml: .+\\n$`));
    const unknownTeam = writeIn(folder, 'team.yaml', SMALL_BOOK.replace('    team: Blue\n', '    team: Green\n'));
    expect((await validate([unknownTeam])).stderr).toBe(`✖ ${unknownTeam}:20 groups[2].team: unknown team "Green" (the book's teams: Red, Blue)\n`);
    const good = writeIn(folder, 'good.yaml', SMALL_BOOK);
    const csv = writeIn(folder, 'accounts.csv', 'name,team,wallet,fw,img,pur,itc,exr\nContoso,Red,45,0.7,1.3,0.6,0.7,0.5\nFabrikam,Blue,,0.2,0.3,0.5,0.2,0.3\n');
    expect(await validate([good, '--accounts', csv])).toEqual({ code: 2, stdout: '', stderr: `✖ ${csv}:2 img: must be between 0 and 1 (got 1.3)\n✖ ${csv}:3 wallet: is empty\n` });
    const missingColumn = writeIn(folder, 'short.csv', 'name,team,wallet\nContoso,Red,45\n');
    const short = await validate([good, '--accounts', missingColumn]);
    expect(short.code).toBe(2);
    expect(short.stderr.split('\n')[0]).toBe(`✖ ${missingColumn}:1: no functional_walls column (accepted names: functional_walls, fw)`);
    expect(short.stderr.split('\n')).toHaveLength(6);
  });

  it('refuses --accounts without a book, and reads its arguments', async () => {
    const folder = bookFolder();
    expect(await validate([join(folder, 'base.yaml'), '--accounts', 'a.csv'])).toEqual({ code: 2, stdout: '', stderr: '✖ --accounts goes with a book: none of the files given is one (a book has base, teams and groups)\n' });
    expect(parseArguments(['validate', 'b.yaml', '-a', 'a.csv', '-q'])).toEqual({ command: 'validate', scenarios: ['b.yaml'], quiet: true, accounts: 'a.csv' });
  });
});
