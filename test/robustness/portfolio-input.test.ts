/**
 * Hostile books and accounts CSVs end in exit 2 with one line per problem
 * naming the file, line and field, before anything is simulated or written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { SMALL_BOOK, bookFolder, writeIn } from '../book/book-files.ts';

async function portfolio(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (text) => void (stdout += text), err: (text) => void (stderr += text), interactive: false };
  const code = await main(['portfolio', ...args, '--no-charts', '--quiet'], io);
  return { code, stdout, stderr };
}

describe('portfolio input', () => {
  it('refuses each hostile book with its file, line and field', async () => {
    const folder = bookFolder();
    const cases: Array<[string, string]> = [
      [SMALL_BOOK.replace('base: base.yaml', 'base: .'), '✖ BOOK:2 base: .: is a directory, not a scenario file\n'],
      [SMALL_BOOK.replace('  - name: Small repurchase', '  - name: Walled enterprise'), '✖ BOOK:19 groups[2].name: "Walled enterprise" is already the name of groups[0]\n'],
      [SMALL_BOOK.replace('    count: 2\n', '    count: -3\n'), '✖ BOOK:16 groups[1].count: must be between 1 and 10000 (got -3)\n'],
      [SMALL_BOOK.replace('    count: 2\n', '    count: "2"\n'), '✖ BOOK:16 groups[1].count: must be a whole number (got "2")\n'],
      [SMALL_BOOK.replace('step: 2.5', 'step: 0'), '✖ BOOK:5 step: must be between 0.05 and 100 (got 0)\n'],
      [SMALL_BOOK.replace('trials: 40', 'trials: 1.5'), '✖ BOOK:4 trials: must be a whole number (got 1.5)\n'],
      [SMALL_BOOK.replace('    overrides:\n      account: { wallet: { median: 4 } }', '    overrides: [1, 2]'), '✖ BOOK:21 groups[2].overrides: must be a mapping of scenario keys to values\n'],
      ['- a list\n', '✖ BOOK: a book must be a mapping of keys to values (name, base, teams, groups, …)\n'],
      ['name: x\nbase: base.yaml\nteams: { Red: { pool: 1 } }\ngroups:\n  - &a { name: a, team: Red }\n  - *a\n', '✖ BOOK:6 groups[1].name: "a" is already the name of groups[0]\n'],
    ];
    for (const [text, expected] of cases) {
      const book = writeIn(folder, 'book.yaml', text);
      const result = await portfolio([book, '--out', join(folder, 'never')]);
      expect({ ...result, stderr: result.stderr.replaceAll(book, 'BOOK') }).toEqual({ code: 2, stdout: '', stderr: expected });
    }
    const good = writeIn(folder, 'good.yaml', SMALL_BOOK);
    expect(await portfolio([good, '--step', '0.01', '--out', join(folder, 'never')])).toEqual({ code: 2, stdout: '', stderr: '✖ --step must be at least 0.05 FTE (got 0.01)\n' });
    expect(existsSync(join(folder, 'never'))).toBe(false);
  });

  it('refuses a book too large to solve exactly or to hold in memory, before simulating', async () => {
    const folder = bookFolder();
    const huge = writeIn(folder, 'huge.yaml', SMALL_BOOK.replace('    count: 2\n', '    count: 9000\n').replace('trials: 40', 'trials: 100').replace('step: 2.5', 'step: 0.05'));
    const result = await portfolio([huge, '--out', join(folder, 'never')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^✖ the evaluation would keep .* GB of per-trial NPVs \(the limit is 1\.5 GB\): use fewer --trials or a larger --step\n$/);
    const wide = writeIn(folder, 'wide.yaml', SMALL_BOOK.replace('    count: 2\n', '    count: 5000\n').replace('trials: 40', 'trials: 1').replace('step: 2.5', 'step: 0.1'));
    expect(await portfolio([wide])).toEqual({ code: 2, stdout: '', stderr: "✖ team Red's exact plan would need 5,001 accounts × 350,070 capacity steps (the limit is 50,000,000): use a larger --step, or split the team\n" });
  });

  it('refuses a missing, binary or out-of-range accounts CSV with its row and column', async () => {
    const folder = bookFolder();
    const book = writeIn(folder, 'book.yaml', SMALL_BOOK);
    const missing = await portfolio([book, '--accounts', join(folder, 'none.csv')]);
    expect(missing.stderr.replaceAll(folder, '…')).toBe('✖ …/none.csv: no such file\n');
    const binary = join(folder, 'binary.csv');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect((await portfolio([book, '--accounts', binary])).stderr.replaceAll(folder, '…')).toBe('✖ …/binary.csv: is not UTF-8 text (export the CSV as UTF-8)\n');
    const rows = writeIn(folder, 'rows.csv', 'name;team;wallet;fw;img;pur;itc;exr\r\nAcme;Red;-4;0,5;0.5;0.5;0.5;0.5\r\n"Open;Co;Blue;1;0.5;0.5;0.5;0.5;0.5\r\n');
    expect((await portfolio([book, '--accounts', rows])).stderr.replaceAll(folder, '…')).toBe(
      '✖ …/rows.csv:2 fw: "0,5" is not a number\n✖ …/rows.csv:3: a quoted field is never closed (a missing ")\n',
    );
  });
});
