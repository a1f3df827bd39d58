/** Reading books and accounts CSVs: valid ones compile, bad ones name the file, line and field. */
import { describe, expect, it } from 'vitest';
import { accountSeed } from '../../src/book/account-seed.ts';
import { loadBook } from '../../src/book/load-book.ts';
import { ScenarioError, formatIssue } from '../../src/scenario/scenario-issue.ts';
import { SMALL_BOOK, bookFolder, writeIn } from './book-files.ts';

function problems(folder: string, book: string, accounts?: string): string {
  const path = writeIn(folder, 'book.yaml', book);
  const csv = accounts === undefined ? undefined : writeIn(folder, 'accounts.csv', accounts);
  try {
    loadBook(path, csv === undefined ? {} : { accounts: csv });
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.issues.map((issue) => formatIssue(issue, error.source.replace(folder, '…'))).join('\n');
  }
  throw new Error('the book loaded');
}

const ACCOUNTS = `Account Name,Team,Wallet,Functional Walls,Hardware Image,Purchasing Control,IT Vendor Control,Executive Reluctance,Segment
Contoso,Red,45,0.7,0.8,0.6,0.7,0.5,Walled enterprise
Fabrikam,Blue,3.5,0.2,0.3,0.5,0.2,0.3,
`;

describe('loadBook', () => {
  it('compiles groups into accounts in book order, each group its base scenario with its overrides', () => {
    const folder = bookFolder();
    const book = loadBook(writeIn(folder, 'book.yaml', SMALL_BOOK), { accounts: writeIn(folder, 'accounts.csv', ACCOUNTS) });
    expect(book.teams).toEqual([{ name: 'Red', pool: 5 }, { name: 'Blue', pool: 2.5 }]);
    expect(book.accounts.map((account) => [account.index, account.name, account.group])).toEqual([
      [0, 'Walled enterprise', 0],
      [1, 'Open business #1', 1],
      [2, 'Open business #2', 1],
      [3, 'Small repurchase', 2],
      [4, 'Contoso', 3],
      [5, 'Fabrikam', 4],
    ]);
    const [walled, open, , contoso, fabrikam] = book.groups;
    expect(walled!.scenario.account.wallet).toEqual({ median: 60, sigma: 0.8 });
    expect(walled!.scenario.account.barriers.functionalWalls).toBe(0.8);
    expect(open!.scenario.trials).toBe(40);
    // A CSV account starts from its segment's overrides, then takes its row's values.
    expect(contoso!.scenario.account.wallet.median).toBe(45);
    expect(contoso!.scenario.account.barriers).toEqual({ functionalWalls: 0.7, hardwareImage: 0.8, purchasingControl: 0.6, itVendorControl: 0.7, executiveReluctance: 0.5 });
    expect(fabrikam!.team).toBe('Blue');
  });

  it('derives each account seed from (book seed, index) alone', () => {
    expect(accountSeed(7, 3)).toBe(accountSeed(7, 3));
    expect(new Set([accountSeed(7, 0), accountSeed(7, 1), accountSeed(8, 0)]).size).toBe(3);
    expect(Number.isSafeInteger(accountSeed(Number.MAX_SAFE_INTEGER, 9_999))).toBe(true);
  });

  it('names the book line and field of an unknown team, a negative pool, a fractional count, a bad override', () => {
    const folder = bookFolder();
    const bad = SMALL_BOOK.replace('Blue: { pool: 2.5 }', 'Blue: { pool: -1 }')
      .replace('    team: Blue\n', '    team: Green\n')
      .replace('    count: 2\n', '    count: 2.5\n')
      .replace('functionalWalls: 0.8', 'functionalWalls: 1.8');
    expect(problems(folder, bad)).toMatchInlineSnapshot(`
      "✖ …/book.yaml:8 teams.Blue.pool: must be between 0 and 1000000 (got -1)
      ✖ …/book.yaml:16 groups[1].count: must be a whole number (got 2.5)"
    `);
    expect(problems(folder, SMALL_BOOK.replace('count: 2', 'count: 2\n    colour: red'))).toMatchInlineSnapshot(`"✖ …/book.yaml:17 groups[1].colour: unknown key"`);
    expect(problems(folder, SMALL_BOOK.replace('    team: Blue\n', '    team: Green\n').replace('functionalWalls: 0.8', 'functionalWalls: 1.8'))).toMatchInlineSnapshot(`
      "✖ …/book.yaml:13 groups[0].overrides.account.barriers.functionalWalls: must be between 0 and 1 (got 1.8)
      ✖ …/book.yaml:20 groups[2].team: unknown team "Green" (the book's teams: Red, Blue)"
    `);
    expect(problems(folder, SMALL_BOOK.replace("account: { wallet: { median: 4 } }", "account: { walet: 4 }\n      seed: 3"))).toMatchInlineSnapshot(`
      "✖ …/book.yaml:22 groups[2].overrides.account.walet: unknown key (did you mean wallet?)
      ✖ …/book.yaml:23 groups[2].overrides.seed: is set by the book for every account (the group's name, the book's seed and trials)"
    `);
  });

  it('names the book line of a base that is missing, and the base file for a base that is wrong', () => {
    const folder = bookFolder();
    expect(problems(folder, SMALL_BOOK.replace('base: base.yaml', 'base: no-such.yaml'))).toMatchInlineSnapshot(`"✖ …/book.yaml:2 base: no-such.yaml: no such file"`);
    writeIn(folder, 'bad-base.yaml', 'name: x\ndiscountRate: 3\n');
    expect(problems(folder, SMALL_BOOK.replace('base: base.yaml', 'base: bad-base.yaml'))).toMatchInlineSnapshot(`"✖ …/bad-base.yaml:2 discountRate: must be between 0 and 1 (got 3)"`);
    expect(problems(folder, 'name: empty\nbase: base.yaml\nteams: {}\n')).toMatchInlineSnapshot(`"✖ …/book.yaml:3 teams: must name at least one team"`);
    expect(problems(folder, 'name: empty\nbase: base.yaml\nteams: { Red: { pool: 1 } }\n')).toMatchInlineSnapshot(`"✖ …/book.yaml groups: the book has no accounts: list groups, or give an accounts CSV with --accounts"`);
  });

  it('names the CSV line and column of a missing column, an out-of-range assessment, a bad number, an unknown team or segment', () => {
    const folder = bookFolder();
    expect(problems(folder, SMALL_BOOK, 'name,team,wallet,fw,img,pur,itc\nA,Red,3,0.1,0.1,0.1,0.1\n')).toMatchInlineSnapshot(`"✖ …/accounts.csv:1: no executive_reluctance column (accepted names: executive_reluctance, exr)"`);
    expect(
      problems(
        folder,
        SMALL_BOOK,
        [
          'name,team,wallet,fw,img,pur,itc,exr,segment,account.wallet.sigma',
          'A,Red,3,1.4,0.1,0.1,0.1,0.1,,',
          'B,Red,lots,0.1,0.1,0.1,0.1,0.1,,',
          'C,Purple,3,0.1,0.1,0.1,0.1,0.1,,-1',
          'D,Red,3,0.1,0.1,0.1,0.1,,Unknown,',
          'A,Red,3,0.1,0.1,0.1,0.1,0.1,,',
        ].join('\n'),
      ),
    ).toMatchInlineSnapshot(`
      "✖ …/accounts.csv:2 fw: must be between 0 and 1 (got 1.4)
      ✖ …/accounts.csv:3 wallet: "lots" is not a number
      ✖ …/accounts.csv:4 team: unknown team "Purple" (the book's teams: Red, Blue)
      ✖ …/accounts.csv:4 account.wallet.sigma: must be between 0 and 5 (got -1)
      ✖ …/accounts.csv:5 exr: is empty
      ✖ …/accounts.csv:6 name: "A" is already the account of line 2"
    `);
    expect(problems(folder, SMALL_BOOK, 'name,team,wallet,fw,img,pur,itc,exr,colour\n')).toMatchInlineSnapshot(`"✖ …/accounts.csv:1: unknown column "colour" (expected name, team, wallet, functional_walls, hardware_image, purchasing_control, it_vendor_control, executive_reluctance, segment, or a scenario path such as account.wallet.sigma)"`);
  });
});

