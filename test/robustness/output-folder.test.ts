/**
 * Output folders never cost a user's file: a folder is replaced only when
 * everything in it is an unchanged file expansim wrote (run, sweep, merge,
 * shard partials, calibrate alike), a bad --out is refused before any
 * simulation, an interrupted swap is put right by the next run, and
 * different scenario names never share a folder silently. Refusals run the
 * CLI in-process (they do no work); runs that write use a subprocess.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CALIBRATED_MARK } from '../../src/calibrate/format-calibrated-scenario.ts';
import { main } from '../../src/cli/main.ts';
import { hostTag } from '../../src/report/recover-interrupted-output.ts';
import { writeFolderAtomically } from '../../src/report/write-folder-atomically.ts';
import { expansim, SCENARIOS, workspace } from './cli-process.ts';

const SCENARIO = join(SCENARIOS, 'hp-cso.yaml');
const SMALL = ['-n', '100', '--no-charts', '--quiet'];
const leftovers = (folder: string) => readdirSync(folder).filter((name) => /\.(partial|previous)-|expansim-probe/.test(name));

async function inProcess(args: string[]) {
  const result = { code: 0, stdout: '', stderr: '' };
  result.code = await main(args, { interactive: false, out: (text) => void (result.stdout += text), err: (text) => void (result.stderr += text) });
  return result;
}

describe('replacing an output folder', () => {
  it('refuses a folder with a run.json beside a user file, and deletes nothing', async () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'd'));
    writeFileSync(join(cwd, 'd/run.json'), '{}\n');
    writeFileSync(join(cwd, 'd/thesis.docx'), 'precious');
    const result = await inProcess(['run', SCENARIO, '--out', join(cwd, 'd'), ...SMALL]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`✖ ${join(cwd, 'd')} holds files expansim did not write (or that changed since): run.json, thesis.docx; nothing was written (move them away, or choose another folder with --out)\n`);
    expect(readFileSync(join(cwd, 'd/thesis.docx'), 'utf8')).toBe('precious');
    expect(readdirSync(cwd)).toEqual(['d']);
  });

  it('refuses a real output with a user file added; replaces it once the file is moved away', async () => {
    const cwd = workspace();
    expect(expansim(['run', SCENARIO, '--out', 'out', '--seed', '1', ...SMALL], cwd).code).toBe(0);
    const first = readFileSync(join(cwd, 'out/summary.json'), 'utf8');
    writeFileSync(join(cwd, 'out/notes.txt'), 'mine');
    const refused = await inProcess(['run', SCENARIO, '--out', join(cwd, 'out'), '--seed', '2', ...SMALL]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('out holds files expansim did not write (or that changed since): notes.txt;');
    expect(readFileSync(join(cwd, 'out/notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(cwd, 'out/summary.json'), 'utf8')).toBe(first);
    renameSync(join(cwd, 'out/notes.txt'), join(cwd, 'notes.txt'));
    expect(expansim(['run', SCENARIO, '--out', 'out', '--seed', '2', ...SMALL], cwd)).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(cwd, 'out/summary.json'), 'utf8')).not.toBe(first);
    expect(leftovers(cwd)).toEqual([]);
  });

  it('holds for sweep, merge and shard partials too', async () => {
    const cwd = workspace();
    const mine = join(cwd, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'data.csv'), 'keep');
    const refusal = `✖ ${mine} holds files expansim did not write (or that changed since): data.csv; nothing was written (move them away, or choose another folder with --out)\n`;
    expect(await inProcess(['merge', join(cwd, 'not-read-yet.expansim-part'), '--out', mine, '--no-charts', '--quiet'])).toEqual({ code: 2, stdout: '', stderr: refusal });
    const sweep = await inProcess(['sweep', SCENARIO, '--vary', 'account.barriers.functionalWalls=0:1:0.5', '--out', mine, ...SMALL]);
    expect(sweep).toEqual({ code: 2, stdout: '', stderr: refusal });
    for (const index of [0, 1]) expect(expansim(['run', SCENARIO, '--shard', `${index}/2`, '--out', 'parts', ...SMALL], cwd).code).toBe(0);
    const parts = readdirSync(join(cwd, 'parts')).map((name) => join(cwd, 'parts', name));
    expect(await inProcess(['merge', ...parts, '--out', mine, '--no-charts', '--quiet'])).toEqual({ code: 2, stdout: '', stderr: refusal });
    const userFile = join(mine, 'hp-cso.shard-0000-of-0002.expansim-part');
    writeFileSync(userFile, 'not a partial');
    const shard = await inProcess(['run', SCENARIO, '--shard', '0/2', '--out', mine, ...SMALL]);
    expect(shard).toEqual({ code: 2, stdout: '', stderr: `✖ ${userFile} exists and was not written by expansim; nothing was written (move it away, or choose another --out)\n` });
    expect(readdirSync(mine).sort()).toEqual(['data.csv', 'hp-cso.shard-0000-of-0002.expansim-part']);
    expect(readFileSync(userFile, 'utf8')).toBe('not a partial');
  });
});

describe('a bad --out is refused before any simulation', () => {
  // With workers made to crash on their first task, a simulation would end with exit 1.
  afterEach(() => {
    delete process.env.EXPANSIM_FAULT;
  });
  it.each([
    ['a dangling symbolic link', (cwd: string) => symlinkSync('gone', join(cwd, 'out')), 'out', (cwd: string) => `${join(cwd, 'out')} is a symbolic link to gone, which does not exist; give a real folder with --out`],
    ['a symbolic link to a folder', (cwd: string) => (mkdirSync(join(cwd, 'real')), symlinkSync('real', join(cwd, 'out'))), 'out', (cwd: string) => `${join(cwd, 'out')} is a symbolic link (to real);`],
    ['a path under a regular file', (cwd: string) => writeFileSync(join(cwd, 'file'), ''), 'file/out', (cwd: string) => `cannot create ${join(cwd, 'file/out')}: ${join(cwd, 'file')} is a file, not a folder`],
  ])('%s', async (_, prepare, out, message) => {
    const cwd = workspace();
    prepare(cwd);
    const before = readdirSync(cwd).sort();
    process.env.EXPANSIM_FAULT = 'worker-crash';
    for (const command of [['run'], ['sweep', '--vary', 'account.barriers.functionalWalls=0:1:0.5']]) {
      const result = await inProcess([...command, SCENARIO, '-n', '20000', '--workers', '2', '--no-charts', '--out', join(cwd, out)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^✖ ${message(cwd).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\n$`));
      expect(result.stdout).toBe('');
    }
    expect(readdirSync(cwd).sort()).toEqual(before);
  });

  it('exits 2 for a dangling symbolic link as a process too', () => {
    const cwd = workspace();
    symlinkSync('gone', join(cwd, 'out'));
    expect(expansim(['run', SCENARIO, '--out', 'out', ...SMALL], cwd, { env: { EXPANSIM_FAULT: 'worker-crash' } })).toEqual({
      code: 2,
      stdout: '',
      stderr: `✖ ${join(cwd, 'out')} is a symbolic link to gone, which does not exist; give a real folder with --out\n`,
    });
  });
});

describe('an interrupted swap is put right by the next run', () => {
  it('restores the previous output of a dead run, removes its staging folder, and says so', async () => {
    const cwd = workspace();
    const pid = spawnSync(process.execPath, ['-e', '']).pid!;
    await writeFolderAtomically(join(cwd, `.out.previous-${pid}-${hostTag()}abcd`), [{ path: 'summary.json', content: '{}\n' }], { name: 'hp-cso' });
    mkdirSync(join(cwd, `.out.partial-${pid}-${hostTag()}abcd`));
    writeFileSync(join(cwd, `.out.partial-${pid}-${hostTag()}abcd/summary.json`), '{"half":');
    const result = expansim(['run', SCENARIO, '--out', 'out', ...SMALL], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `recovered ${join(cwd, 'out')} from an interrupted run (process ${pid}): restored the previous output from .out.previous-${pid}-${hostTag()}abcd\n` +
        `removed .out.partial-${pid}-${hostTag()}abcd, a half-written output left beside ${join(cwd, 'out')} by an interrupted run (process ${pid})\n`,
    );
    expect(leftovers(cwd)).toEqual([]);
    expect(JSON.parse(readFileSync(join(cwd, 'out/run.json'), 'utf8')).scenarioName).toBe('hp-cso');
  });
});

describe('folder names', () => {
  it('keeps a Japanese name, and refuses a different name that maps onto its folder', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'a.yaml'), 'name: "売上 予測"\ntrials: 100\n');
    writeFileSync(join(cwd, 'c.yaml'), 'name: "売上-予測"\ntrials: 100\n');
    expect(expansim(['run', 'a.yaml', ...SMALL], cwd).code).toBe(0);
    expect(readdirSync(join(cwd, 'output'))).toEqual(['売上-予測']);
    const clash = expansim(['run', 'c.yaml', ...SMALL], cwd);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toBe(`✖ ${join(cwd, 'output/売上-予測')} holds the output of "売上 予測", not "売上-予測" (both names give this folder name); choose a folder with --out\n`);
    expect(JSON.parse(readFileSync(join(cwd, 'output/売上-予測/run.json'), 'utf8')).scenarioName).toBe('売上 予測');
    expect(existsSync(join(cwd, 'output/売上-予測/.expansim-manifest.json'))).toBe(true);
  });
});

describe('calibrate --out', () => {
  it('refuses to overwrite a file calibrate did not write, before any work; --force is accepted', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'plan.yaml'), 'my own plan\n');
    const refused = await inProcess(['calibrate', join(SCENARIOS, 'data/sample-deals.csv'), '--out', join(cwd, 'plan.yaml')]);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `✖ ${join(cwd, 'plan.yaml')} exists and was not written by expansim; nothing was written (--force to overwrite it, or choose another --out)\n` });
    expect(readFileSync(join(cwd, 'plan.yaml'), 'utf8')).toBe('my own plan\n');
    const missing = await inProcess(['calibrate', join(cwd, 'no-such.csv'), '--out', join(cwd, 'plan.yaml'), '--force']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such.csv');
  });

  it('recognises its own scenarios by the header it writes', () => {
    expect(CALIBRATED_MARK).toBe('Calibrated by `expansim calibrate`');
  });
});
