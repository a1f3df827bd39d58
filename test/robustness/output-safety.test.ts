/**
 * Where output goes and how it lands: names are sanitised, --out is honoured
 * with nothing written outside it, output is atomic, an interrupted or failed
 * run leaves the previous output intact, and a run can be checked later.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFolderName, runOutputFolder } from '../../src/report/output-location.ts';
import { expansim, SCENARIOS, startExpansim, workspace } from './cli-process.ts';
import { watchChild } from './child-events.ts';

/** Every path under a folder, relative to it. */
function tree(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? [`${prefix}${entry.name}/`, ...tree(join(folder, entry.name), `${prefix}${entry.name}/`)] : [`${prefix}${entry.name}`],
  );
}

describe('output location', () => {
  it('sanitises hostile scenario names into one folder name', () => {
    const hostile = ['../../etc/passwd', '/abs/path', '..', '.', 'a/b\\c', 'CON', 'naïve name', 'tab\there\u0007bell', '-rf', ''.padEnd(300, 'x')];
    for (const name of hostile) {
      const folder = outputFolderName(name);
      expect(folder).toMatch(/^[\p{L}\p{N}][\p{L}\p{M}\p{N}._-]*$/u);
      expect(folder).not.toContain('..');
      expect(Buffer.byteLength(folder)).toBeLessThanOrEqual(100);
      expect(runOutputFolder(name, undefined, '/safe/output').startsWith('/safe/output/')).toBe(true);
    }
  });

  it('writes only inside output/<sanitised name> for a hostile name', () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'project'));
    writeFileSync(join(cwd, 'project/evil.yaml'), 'name: "../../escaped"\ntrials: 100\n');
    const result = expansim(['run', 'evil.yaml', '--quiet', '--no-charts'], join(cwd, 'project'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(tree(cwd).sort()).toEqual(['project/', 'project/evil.yaml', 'project/output/', 'project/output/escaped/', 'project/output/escaped/.expansim-manifest.json', 'project/output/escaped/run.json', 'project/output/escaped/scenario.yaml', 'project/output/escaped/summary.json']);
  });

  it('honours --out and refuses a folder that holds other files', () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'mine'));
    writeFileSync(join(cwd, 'mine/notes.txt'), 'keep me');
    const refused = expansim(['run', join(SCENARIOS, 'hp-cso.yaml'), '-n', '100', '--out', 'mine', '--no-charts'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('mine holds files expansim did not write (or that changed since): notes.txt;');
    expect(readFileSync(join(cwd, 'mine/notes.txt'), 'utf8')).toBe('keep me');
    const written = expansim(['run', join(SCENARIOS, 'hp-cso.yaml'), '-n', '100', '--out', 'results/x', '--quiet', '--no-charts'], cwd);
    expect(written.code).toBe(0);
    expect(tree(join(cwd, 'results')).sort()).toEqual(['x/', 'x/.expansim-manifest.json', 'x/run.json', 'x/scenario.yaml', 'x/summary.json']);
  });
});

describe('atomic output', () => {
  function previousRun(cwd: string): string {
    expect(expansim(['run', join(SCENARIOS, 'hp-cso.yaml'), '-n', '100', '--out', 'out', '--quiet', '--no-charts'], cwd).code).toBe(0);
    return readFileSync(join(cwd, 'out/summary.json'), 'utf8');
  }

  it('Ctrl-C stops the workers, exits 130 and leaves the previous output intact', async () => {
    const cwd = workspace();
    const before = previousRun(cwd);
    const child = watchChild(startExpansim(['run', join(SCENARIOS, 'hp-cso.yaml'), '-n', '3000000', '--workers', '2', '--out', 'out', '--no-charts', '--no-ablate'], cwd, { EXPANSIM_TRACE: 'phases' }));
    await child.stderrContains('expansim: phase trials\n');
    child.kill('SIGINT');
    const { code } = await child.exit;
    expect(code).toBe(130);
    expect(child.stderr()).toContain('interrupted');
    expect(child.stderr()).not.toContain('phase summary');
    expect(readFileSync(join(cwd, 'out/summary.json'), 'utf8')).toBe(before);
    expect(readdirSync(cwd).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('a crashed worker ends the run with exit 1 and the previous output intact', () => {
    const cwd = workspace();
    const before = previousRun(cwd);
    const result = expansim(['run', join(SCENARIOS, 'hp-cso.yaml'), '-n', '20000', '--workers', '2', '--out', 'out', '--no-charts'], cwd, { env: { EXPANSIM_FAULT: 'worker-crash' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/a worker exited with code 70/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(cwd, 'out/summary.json'), 'utf8')).toBe(before);
    expect(existsSync(join(cwd, 'out/run.json'))).toBe(true);
  });
});

describe('provenance', () => {
  it('run --check re-runs from run.json and confirms the summary, or says where it differs', () => {
    const cwd = workspace();
    expect(expansim(['run', join(SCENARIOS, 'low-barriers.yaml'), '-n', '400', '--seed', '3', '--out', 'out', '--quiet', '--no-charts'], cwd).code).toBe(0);
    const record = JSON.parse(readFileSync(join(cwd, 'out/run.json'), 'utf8'));
    expect(record).toMatchObject({ seed: 3, trials: 400, nodeVersion: process.version, analysis: { trials: 400, ablate: true } });
    expect(record.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof record.workers).toBe('number');
    expect(Object.keys(record.timingsMs).length).toBeGreaterThan(0);
    const ok = expansim(['run', '--check', 'out/run.json'], cwd);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('reproduces byte for byte');
    const summary = readFileSync(join(cwd, 'out/summary.json'), 'utf8');
    writeFileSync(join(cwd, 'out/summary.json'), summary.replace(/"pChurned": 0\.\d+/, '"pChurned": 0.5'));
    const changed = expansim(['run', '--check', 'out/run.json'], cwd);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/first difference at strategies\.ato\.pChurned: 0\.5 recorded/);
  });
});
