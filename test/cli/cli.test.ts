/** The CLI as a user meets it: subprocesses, exit codes, stdout and stderr. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/expansim.js');
const SCENARIOS = resolve('scenarios');

function expansim(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, EXPANSIM_DEBUG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'expansim-cli-'));
}

describe('expansim CLI', () => {
  it('run prints the comparison and writes summary.json, run.json and trials.csv', () => {
    const cwd = workspace();
    const result = expansim(['run', join(SCENARIOS, 'hp-cso.yaml'), '--trials', '300', '--seed', '7', '--trials-csv', '--no-charts'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ATO − FITD, paired on the same 300 accounts');
    expect(result.stdout).toMatch(/P\(ATO better\)\s+\d+\.\d%\s+95% CI/);
    const summary = JSON.parse(readFileSync(join(cwd, 'output/hp-cso/summary.json'), 'utf8'));
    expect(summary).toMatchObject({ scenario: 'hp-cso', seed: 7, trials: 300, horizonMonths: 72, terminalValue: 'runRate' });
    expect(summary.comparison.npvDiff.ci95).toHaveLength(2);
    const run = JSON.parse(readFileSync(join(cwd, 'output/hp-cso/run.json'), 'utf8'));
    expect(run).toMatchObject({ tool: 'expansim', seed: 7, trials: 300 });
    const csv = readFileSync(join(cwd, 'output/hp-cso/trials.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(301);
    expect(csv[0]).toMatch(/^trial,wallet,functionalWalls,.*,ato_npv,.*,fitd_npv,.*,npvDiff$/);
  });

  it('run --json prints the summary, --quiet prints nothing, --out chooses the folder', () => {
    const cwd = workspace();
    const json = expansim(['run', join(SCENARIOS, 'low-barriers.yaml'), '-n', '100', '--json', '--out', 'results/low', '--no-charts'], cwd);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).scenario).toBe('low-barriers');
    expect(existsSync(join(cwd, 'results/low/summary.json'))).toBe(true);
    expect(existsSync(join(cwd, 'output'))).toBe(false);
    const quiet = expansim(['run', join(SCENARIOS, 'low-barriers.yaml'), '-n', '100', '--quiet', '--no-charts'], cwd);
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('a bad scenario gets every problem with file and line, exit 2, and no output', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'bad.yaml'), 'name: bad\naccount:\n  barriers:\n    functionalWalls: 1.4\ntrials: -3\n');
    const result = expansim(['run', 'bad.yaml'], cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatchInlineSnapshot(`
      "✖ bad.yaml:4 account.barriers.functionalWalls: must be between 0 and 1 (got 1.4)
      ✖ bad.yaml:5 trials: must be between 1 and 1000000000 (got -3)
      "
    `);
    expect(existsSync(join(cwd, 'output'))).toBe(false);
  });

  it('validate reports good and bad files; missing files and folders are one line each', () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'folder'));
    const good = expansim(['validate', join(SCENARIOS, 'hp-cso.yaml')], cwd);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('✔');
    const bad = expansim(['validate', 'missing.yaml', 'folder'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatchInlineSnapshot(`
      "✖ missing.yaml: no such file
      ✖ folder: is a directory, not a scenario file
      "
    `);
  });

  it('init writes a commented starter scenario that validates, and will not overwrite', () => {
    const cwd = workspace();
    const result = expansim(['init', 'my-account.yaml'], cwd);
    expect(result.code).toBe(0);
    const text = readFileSync(join(cwd, 'my-account.yaml'), 'utf8');
    expect(text).toContain('name: my-account');
    expect(text).toMatch(/^#/m);
    expect(expansim(['validate', 'my-account.yaml'], cwd).code).toBe(0);
    const again = expansim(['init', 'my-account.yaml'], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('sweep prints each point and the break-even, and writes sweep.json', () => {
    const cwd = workspace();
    const result = expansim(['sweep', join(SCENARIOS, 'hp-cso.yaml'), '--vary', 'account.barriers.functionalWalls=0.2:0.8:0.3', '-n', '300', '--no-charts'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('functionalWalls');
    const sweep = JSON.parse(readFileSync(join(cwd, 'output/hp-cso-sweep/sweep.json'), 'utf8'));
    expect(sweep.parameters).toEqual([{ path: 'account.barriers.functionalWalls', values: [0.2, 0.5, 0.8] }]);
    expect(sweep.points[0]).toMatchObject({ values: { 'account.barriers.functionalWalls': 0.2 } });
    expect(sweep.breakEven.kind).toBe('line');
    const bad = expansim(['sweep', join(SCENARIOS, 'hp-cso.yaml'), '--vary', 'account.barriers.walls=0:1:0.5'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('valid paths nearby: account.barriers.');
  });

  it("explain tells one trial's story", () => {
    const result = expansim(['explain', join(SCENARIOS, 'hp-cso.yaml'), '--trial', '3'], workspace());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('trial 3');
    expect(result.stdout).toMatch(/ATO — NPV/);
    expect(result.stdout).toMatch(/FITD — NPV/);
    expect(result.stdout).toContain('opened midstream');
  });

  it('shards run anywhere and merge into the single-machine summary, refusing incomplete sets', () => {
    const cwd = workspace();
    const scenario = join(SCENARIOS, 'hp-cso.yaml');
    for (const k of [0, 1, 2]) expect(expansim(['run', scenario, '-n', '600', '--shard', `${k}/3`, '--out', 'parts', '--quiet'], cwd).code).toBe(0);
    const merged = expansim(['merge', 'parts/hp-cso.shard-0000-of-0003.expansim-part', 'parts/hp-cso.shard-0001-of-0003.expansim-part', 'parts/hp-cso.shard-0002-of-0003.expansim-part', '--out', 'final', '--quiet', '--no-charts'], cwd);
    expect(merged).toMatchObject({ code: 0, stderr: '' });
    expect(expansim(['run', scenario, '-n', '600', '--out', 'single', '--quiet', '--no-charts'], cwd).code).toBe(0);
    expect(readFileSync(join(cwd, 'final/summary.json'), 'utf8')).toBe(readFileSync(join(cwd, 'single/summary.json'), 'utf8'));
    const missing = expansim(['merge', 'parts/hp-cso.shard-0000-of-0003.expansim-part', '--out', 'partial', '--no-charts'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('✖ missing shards 1, 2 of 3\n');
    expect(existsSync(join(cwd, 'partial'))).toBe(false);
  });

  it('shows a progress bar on a terminal for runs over a second, and none when stderr is not a terminal', () => {
    const cwd = workspace();
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} run ${JSON.stringify(join(SCENARIOS, 'hp-cso.yaml'))} -n 40000 --no-charts --no-ablate --out tty`;
    // util-linux `script` runs the command on a pseudo-terminal, as a user's shell would.
    const onTerminal = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8' });
    expect(onTerminal.status, `${onTerminal.stdout}${onTerminal.stderr}`).toBe(0);
    expect(onTerminal.stdout).toMatch(/[\d,]+\/40,000 trials · [\d,]+ trials\/s · ETA (…|\d+s)/);
    // After the trials, the phase under way replaces the bar rather than a blank line.
    expect(onTerminal.stdout).toContain('Writing the output folder…');
    const piped = expansim(['run', join(SCENARIOS, 'hp-cso.yaml'), '-n', '40000', '--no-charts', '--no-ablate', '--out', 'piped'], cwd);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('trials/s');
  });

  it('usage errors exit 2 with one line', () => {
    const result = expansim(['run', 'x.yaml', '--trials', 'lots'], workspace());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "✖ --trials must be a whole number from 1 to 1000000000 (got "lots")
      "
    `);
  });
});
