/** `expansim calibrate`: the command adapter with its output captured, and its arguments. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateCommand } from '../../src/cli/commands/calibrate-command.ts';
import { parseArguments } from '../../src/cli/parse-arguments.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { parseScenario } from '../../src/scenario/parse-scenario.ts';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', interactive: false, out: (text: string) => void (io.stdout += text), err: (text: string) => void (io.stderr += text) };
  return io;
}

describe('calibrateCommand', () => {
  it('writes the calibrated scenario to stdout and its warnings to stderr', async () => {
    const io = capture();
    expect(await calibrateCommand('scenarios/data/sample-deals.csv', { base: 'scenarios/hp-cso.yaml', name: 'sample-account' }, io)).toBe(0);
    const parsed = parseScenario(io.stdout);
    expect(parsed.ok && parsed.scenario.name).toBe('sample-account');
    expect(io.stdout).toMatch(/^# yaml-language-server: \$schema=expansim\.schema\.json\n# Calibrated by `expansim calibrate` from scenarios\/data\/sample-deals\.csv: 2,338 deals in 12 accounts,/);
    // Under FITD the sample holds only a handful of upstream deals: too few to fit upstream's share.
    expect(io.stderr).toMatch(/⚠ model\.streams\.upstream\.walletShare left at the base value 0\.3: too little data: \d+ deals? \(need 10\)/);
    expect(io.stderr).toMatch(/✔ \d+ values fitted from 2,338 deals in 12 accounts\n$/);
  });

  it('writes --out, with the schema path relative to it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'expansim-calibrate-'));
    const io = capture();
    expect(await calibrateCommand('scenarios/data/sample-deals.csv', { out: join(folder, 'mine.yaml'), minDeals: 20 }, io)).toBe(0);
    expect(io.stdout).toBe('');
    const text = readFileSync(join(folder, 'mine.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*expansim\.schema\.json\n/);
    expect(text).toContain('on the base scenario "model-defaults"');
    expect(parseScenario(text).ok).toBe(true);
  });

  it('lists bad rows with their lines, writes nothing and exits 2; --skip-bad-rows goes on without them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'expansim-calibrate-'));
    const file = join(folder, 'deals.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `D,REP,0.2,2021-${String(1 + (i % 12)).padStart(2, '0')}-05,2021-12-20,${i % 3 ? 'won' : 'lost'}`);
    writeFileSync(file, ['stream,type,value,opened,closed,outcome', ...rows, 'D,REP,lots,2021-02-01,2021-03-01,won', 'X,REP,1,2021-02-01,2021-03-01,won'].join('\n'));
    const io = capture();
    expect(await calibrateCommand(file, {}, io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr.replaceAll(file, 'deals.csv')).toMatchInlineSnapshot(`
      "✖ deals.csv:32 value: "lots" is not a number
      ✖ deals.csv:33 stream: "X" is not a stream (use downstream, midstream, upstream, or D, M, U)
        2 problems; nothing was written (fix the rows, or --skip-bad-rows to leave them out)
      "
    `);
    const skipping = capture();
    expect(await calibrateCommand(file, { skipBadRows: true }, skipping)).toBe(0);
    expect(skipping.stderr).toContain(`⚠ skipped: ✖ ${file}:32 value: "lots" is not a number`);
    expect(parseScenario(skipping.stdout).ok).toBe(true);
  });

  it('reports a missing file as bad input', async () => {
    const io = capture();
    expect(await calibrateCommand('no/such/deals.csv', {}, io)).toBe(2);
    expect(io.stderr).toBe('✖ no/such/deals.csv: no such file\n');
  });

  it('parses its arguments, with the defaults and a clear refusal of a bad unit', async () => {
    expect(parseArguments(['calibrate', 'deals.csv', '--base', 'b.yaml', '--value-unit', 'k', '--min-deals', '20'])).toEqual({
      command: 'calibrate',
      deals: 'deals.csv',
      options: { base: 'b.yaml', valueUnit: 'k', strategy: 'fitd', minDeals: 20, skipBadRows: false, force: false },
    });
    expect(parseArguments(['calibrate', 'deals.csv', '--value-unit', 'EUR'])).toMatchObject({ command: 'usage-error', message: expect.stringContaining('--value-unit') });
    expect(parseArguments(['calibrate', 'deals.csv', '--min-deals', '1'])).toMatchObject({ command: 'usage-error', message: expect.stringContaining('--min-deals must be a whole number from 2') });
  });
});

describe('calibrateCommand on a base scenario without the followed plan', () => {
  it('says so with exit 2 before fitting anything', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'expansim-calibrate-'));
    const base = join(folder, 'two-plans.yaml');
    writeFileSync(base, 'name: two-plans\nbaseline: hold\nstrategies:\n  beachhead: { open: { midstream: start, upstream: migrate } }\n  hold: { open: { midstream: never, upstream: never } }\n');
    await expect(calibrateCommand('scenarios/data/sample-deals.csv', { base }, capture())).rejects.toThrow(
      `--strategy fitd: the base scenario ${base} has no such plan (it has beachhead, hold); calibrate fits the win factors of the plan the vendor followed`,
    );
  });
});
