/**
 * What reaches the terminal: a reader that closes stdout (`expansim run … |
 * head -1`) ends the command quietly with 141, as a Unix tool killed by
 * SIGPIPE reports in the shell, and no escape sequence from a scenario or a
 * CSV reaches the terminal.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expansim, SCENARIOS, startExpansim, workspace } from './cli-process.ts';
import { watchChild } from './child-events.ts';

describe('a closed stdout', () => {
  it('ends `run` quietly with exit 141 once its reader is gone, the run written', async () => {
    const cwd = workspace();
    const spawned = startExpansim(['run', join(SCENARIOS, 'hp-cso.yaml'), '-n', '200', '--out', 'out', '--no-charts'], cwd);
    // The reader is gone before the command prints anything, as `| head -1` is after its line.
    spawned.stdout.destroy();
    const child = watchChild(spawned);
    const { code } = await child.exit;
    expect(child.stderr()).toBe('');
    expect(code).toBe(141);
    expect(existsSync(join(cwd, 'out/run.json'))).toBe(true);
  });
});

/** Escape, C0 (but newline and tab), DEL, C1, bidi overrides and isolates: none may reach a terminal or a report. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = '\x1b]0;pwned\x07\x1b[2J\u202eevil\x9b31m';

describe('terminal escape injection', () => {
  it('a scenario name or currency with escapes and bidi overrides reaches neither the terminal nor the report', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'evil.yaml'), `name: ${JSON.stringify(`acme${HOSTILE}`)}\ncurrency: ${JSON.stringify('\u202eEUR')}\ntrials: 200\n`);
    const validated = expansim(['validate', 'evil.yaml'], cwd);
    expect(validated).toMatchObject({ code: 0, stderr: '' });
    expect(validated.stdout).toBe('✔ evil.yaml: acmeevil, 200 trials, 72 months\n');
    const run = expansim(['run', 'evil.yaml', '--out', 'out'], cwd);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('acmeevil');
    expect(run.stdout + run.stderr).not.toMatch(UNSAFE);
    const html = readFileSync(join(cwd, 'out/report.html'), 'utf8');
    expect(html).toContain('<title>acmeevil: ATO vs FITD</title>');
    expect(html).not.toMatch(UNSAFE);
    for (const chart of readdirSync(join(cwd, 'out/charts')).filter((name) => !name.endsWith('.png'))) {
      expect(readFileSync(join(cwd, 'out/charts', chart), 'utf8'), chart).not.toMatch(UNSAFE);
    }
  });

  it("a CSV header and file name with escapes reach neither calibrate's messages nor its YAML", () => {
    const cwd = workspace();
    const lines = readFileSync(join(SCENARIOS, 'data/sample-deals.csv'), 'utf8').split('\n');
    const header = lines.findIndex((line) => line !== '' && !line.startsWith('#'));
    const csv = lines.map((line, i) => (i < header || line === '' ? line : i === header ? `${line},"${HOSTILE}note"` : `${line},x`));
    const file = `deals${HOSTILE}.csv`;
    writeFileSync(join(cwd, file), csv.join('\n'));
    const result = expansim(['calibrate', file, '--out', 'calibrated.yaml'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('columns ignored: evilnote\n');
    expect(result.stdout + result.stderr).not.toMatch(UNSAFE);
    const yaml = readFileSync(join(cwd, 'calibrated.yaml'), 'utf8');
    expect(yaml).toContain('from dealsevil.csv');
    expect(yaml).not.toMatch(UNSAFE);
  });
});
