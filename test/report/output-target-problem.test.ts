/**
 * The one rule for replacing an output folder, the rule for single output
 * files, the recovery of what a killed writer left, and folder names.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FOLDER_NAME_BYTES, outputFolderName, runOutputFolder } from '../../src/report/output-location.ts';
import { MANIFEST_FILE, readManifest } from '../../src/report/output-manifest.ts';
import { outputFileProblem } from '../../src/report/output-file-problem.ts';
import { outputTargetProblem } from '../../src/report/output-target-problem.ts';
import { hostTag, recoverInterruptedOutput } from '../../src/report/recover-interrupted-output.ts';
import { writeFolderAtomically } from '../../src/report/write-folder-atomically.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'expansim-target-'));
const files = [
  { path: 'summary.json', content: '{"a":1}\n' },
  { path: 'charts/npv.svg', content: '<svg/>' },
  { path: 'trials.csv', content: ['trial,npv\n', '0,1\n'] },
  { path: 'run.json', content: '{"tool":"expansim"}\n' },
];
const output = (target: string, name = 'deal') => writeFolderAtomically(target, files, { name });
/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
/** A leftover's 8 hex digits: this host's tag, then four of the writer's. */
const tag = (own: string) => `${hostTag()}${own}`;

describe('outputTargetProblem', () => {
  it('allows an absent, an empty or an untouched expansim folder', async () => {
    const root = folder();
    expect(outputTargetProblem(join(root, 'new/deeper'))).toBeNull();
    mkdirSync(join(root, 'empty'));
    expect(outputTargetProblem(join(root, 'empty'))).toBeNull();
    await output(join(root, 'out'));
    expect(outputTargetProblem(join(root, 'out'), { name: 'deal' })).toBeNull();
    await output(join(root, 'out'));
    expect(readdirSync(join(root, 'out')).sort()).toEqual([MANIFEST_FILE, 'charts', 'run.json', 'summary.json', 'trials.csv']);
    expect(readdirSync(root).sort()).toEqual(['empty', 'out']);
  });

  it('records every file with its size and SHA-256 (chunked content included)', async () => {
    const target = join(folder(), 'out');
    await output(target);
    const manifest = readManifest(join(target, MANIFEST_FILE))!;
    expect(manifest).toMatchObject({ tool: 'expansim', format: 1, name: 'deal' });
    expect(manifest.files.find((f) => f.path === 'trials.csv')).toEqual({
      path: 'trials.csv',
      bytes: 14,
      sha256: createHash('sha256').update('trial,npv\n0,1\n').digest('hex'),
    });
    expect(manifest.files.map((f) => f.path)).toEqual(['summary.json', 'charts/npv.svg', 'trials.csv', 'run.json']);
  });

  it('refuses a run.json beside a user file, naming both', async () => {
    const target = join(folder(), 'd');
    mkdirSync(target);
    writeFileSync(join(target, 'run.json'), '{}\n');
    writeFileSync(join(target, 'thesis.docx'), 'precious');
    expect(outputTargetProblem(target)).toBe(`${target} holds files expansim did not write (or that changed since): run.json, thesis.docx; nothing was written (move them away, or choose another folder with --out)`);
  });

  it('refuses an expansim output with a file added, changed, or an empty folder added', async () => {
    const target = join(folder(), 'out');
    await output(target);
    writeFileSync(join(target, 'charts/notes.txt'), 'mine');
    writeFileSync(join(target, 'summary.json'), '{"a":2}\n');
    mkdirSync(join(target, 'drafts'));
    expect(outputTargetProblem(target)).toMatch(/holds files expansim did not write \(or that changed since\): charts\/notes\.txt, summary\.json \(changed since expansim wrote it\), drafts\/;/);
  });

  it('names at most ten foreign files and counts the rest', async () => {
    const target = join(folder(), 'out');
    mkdirSync(target);
    for (let i = 0; i < 13; i++) writeFileSync(join(target, `f${String(i).padStart(2, '0')}`), '');
    expect(outputTargetProblem(target)).toContain(': f00, f01, f02, f03, f04, f05, f06, f07, f08, f09 and 3 more;');
  });

  it('stops walking a huge folder (a home folder given as --out)', async () => {
    const target = join(folder(), 'home');
    mkdirSync(join(target, 'deep'), { recursive: true });
    for (let i = 0; i < 10_050; i++) writeFileSync(join(target, 'deep', String(i)), '');
    expect(outputTargetProblem(target)).toMatch(/: deep\/\d+, .* and more \(the folder holds over 10,000 entries\);/);
  });

  it('refuses an output written before manifests, saying why', async () => {
    const target = join(folder(), 'old');
    mkdirSync(target);
    writeFileSync(join(target, 'run.json'), '{"tool": "expansim", "files": ["run.json"]}');
    expect(outputTargetProblem(target)).toMatch(/holds an expansim output written before outputs carried a manifest .* cannot prove every file in it is its own/);
  });

  it('refuses the default folder of another name, but not an explicit --out', async () => {
    const target = join(folder(), 'a-b');
    await output(target, 'a b');
    expect(outputTargetProblem(target, { name: 'a-b' })).toBe(`${target} holds the output of "a b", not "a-b" (both names give this folder name); choose a folder with --out`);
    expect(outputTargetProblem(target, { name: 'a-b', explicitOut: true })).toBeNull();
  });

  it('refuses symlinks (saying so), files, and paths under a file', async () => {
    const root = folder();
    symlinkSync('nowhere', join(root, 'dangling'));
    expect(outputTargetProblem(join(root, 'dangling'))).toBe(`${join(root, 'dangling')} is a symbolic link to nowhere, which does not exist; give a real folder with --out`);
    mkdirSync(join(root, 'real'));
    symlinkSync('real', join(root, 'link'));
    expect(outputTargetProblem(join(root, 'link'))).toMatch(/link is a symbolic link \(to real\); expansim replaces an output folder as a whole/);
    writeFileSync(join(root, 'file'), '');
    expect(outputTargetProblem(join(root, 'file'))).toBe(`${join(root, 'file')} exists and is not a folder`);
    expect(outputTargetProblem(join(root, 'file/x/y'))).toBe(`cannot create ${join(root, 'file/x/y')}: ${join(root, 'file')} is a file, not a folder`);
    symlinkSync('loop', join(root, 'loop'));
    expect(outputTargetProblem(join(root, 'loop'))).toBe(`${join(root, 'loop')} is a symbolic link to loop, which does not exist; give a real folder with --out`);
    expect(outputTargetProblem(join(root, 'dangling/x'))).toBe(`cannot create ${join(root, 'dangling/x')}: ${join(root, 'dangling')} is a symbolic link to nowhere, which does not exist`);
    expect(readdirSync(root).sort()).toEqual(['dangling', 'file', 'link', 'loop', 'real']);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder it cannot write into (root may write anywhere, so not as root)', () => {
    const root = folder();
    mkdirSync(join(root, 'locked'));
    chmodSync(join(root, 'locked'), 0o555);
    expect(outputTargetProblem(join(root, 'locked/out'))).toBe(`cannot write into ${join(root, 'locked')}: permission denied`);
  });
});

describe('outputFileProblem', () => {
  const isOwn = (head: Buffer) => head.toString('latin1').startsWith('OURS');
  it('allows an absent file or one of its own; refuses a user file unless told to overwrite', async () => {
    const root = folder();
    expect(outputFileProblem(join(root, 'a/b.part'), isOwn)).toBeNull();
    writeFileSync(join(root, 'ours'), 'OURS…');
    expect(outputFileProblem(join(root, 'ours'), isOwn)).toBeNull();
    writeFileSync(join(root, 'theirs'), 'precious');
    expect(outputFileProblem(join(root, 'theirs'), isOwn)).toBe(`${join(root, 'theirs')} exists and was not written by expansim; nothing was written (move it away, or choose another --out)`);
    expect(outputFileProblem(join(root, 'theirs'), isOwn, { overwriteFlag: '--force' })).toMatch(/\(--force to overwrite it, or choose another --out\)$/);
    expect(outputFileProblem(join(root, 'theirs'), isOwn, { overwrite: true })).toBeNull();
    symlinkSync('theirs', join(root, 'link'));
    expect(outputFileProblem(join(root, 'link'), isOwn, { overwrite: true })).toMatch(/link is a symbolic link/);
  });
});

describe('recoverInterruptedOutput', () => {
  it('restores the previous output of a dead writer killed between the two renames', async () => {
    const root = folder();
    const target = join(root, 'out');
    await output(target);
    const before = readFileSync(join(target, 'summary.json'), 'utf8');
    const pid = deadPid();
    renameSync(target, join(root, `.out.previous-${pid}-${tag('abcd')}`));
    mkdirSync(join(root, `.out.partial-${pid}-${tag('abcd')}`));
    expect(recoverInterruptedOutput(target)).toEqual([
      `recovered ${target} from an interrupted run (process ${pid}): restored the previous output from .out.previous-${pid}-${tag('abcd')}`,
      `removed .out.partial-${pid}-${tag('abcd')}, a half-written output left beside ${target} by an interrupted run (process ${pid})`,
    ]);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe(before);
    expect(readdirSync(root)).toEqual(['out']);
    expect(outputTargetProblem(target)).toBeNull();
  });

  it('removes a dead writer\'s stale staging folder and a retired output already replaced', async () => {
    const root = folder();
    const target = join(root, 'out');
    await output(target);
    await output(join(root, 'old'));
    const pid = deadPid();
    renameSync(join(root, 'old'), join(root, `.out.previous-${pid}-${tag('0000')}`));
    mkdirSync(join(root, `.out.partial-${pid}-${tag('ffff')}/charts`), { recursive: true });
    writeFileSync(join(root, `.out.partial-${pid}-${tag('ffff')}/summary.json`), '{');
    expect(recoverInterruptedOutput(target)).toHaveLength(2);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('leaves alone what a running process or another host is writing, what is not provably its own, and look-alike names', async () => {
    const root = folder();
    const target = join(root, 'out');
    await output(target);
    const pid = deadPid();
    const alive = `.out.partial-${process.pid}-${tag('abcd')}`;
    const foreign = `.out.previous-${pid}-${tag('abcd')}`;
    mkdirSync(join(root, alive));
    mkdirSync(join(root, foreign));
    writeFileSync(join(root, foreign, 'thesis.docx'), 'precious');
    mkdirSync(join(root, `.out.partial-${pid}-notahex0`));
    writeFileSync(join(root, `.out.partial-${pid}-${tag('beef')}`), 'a file, not a folder');
    const otherHost = `.out.partial-${pid}-${(Number.parseInt(hostTag(), 16) ^ 1).toString(16).padStart(4, '0')}abcd`;
    mkdirSync(join(root, otherHost));
    expect(recoverInterruptedOutput(target)).toEqual([`kept ${foreign}, left beside ${target} by an interrupted run (process ${pid}): it holds files expansim cannot prove are its own`]);
    expect(readdirSync(root).sort()).toEqual([`.out.partial-${pid}-${tag('beef')}`, `.out.partial-${pid}-notahex0`, alive, foreign, otherHost, 'out'].sort());
    expect(existsSync(join(root, foreign, 'thesis.docx'))).toBe(true);
  });

  it('for a one-file output (a shard partial, a calibrated scenario), removes only the half-written file a dead writer left', () => {
    const root = folder();
    const target = join(root, 'deal.yaml');
    writeFileSync(target, 'mine');
    const pid = deadPid();
    writeFileSync(join(root, `.deal.yaml.partial-${pid}-${tag('abcd')}`), 'name: half');
    mkdirSync(join(root, `.deal.yaml.partial-${pid}-${tag('beef')}`));
    writeFileSync(join(root, `.deal.yaml.partial-${process.pid}-${tag('cafe')}`), 'being written');
    expect(recoverInterruptedOutput(target, 'file')).toEqual([
      `removed .deal.yaml.partial-${pid}-${tag('abcd')}, a half-written output left beside ${target} by an interrupted run (process ${pid})`,
    ]);
    expect(readdirSync(root).sort()).toEqual([`.deal.yaml.partial-${pid}-${tag('beef')}`, `.deal.yaml.partial-${process.pid}-${tag('cafe')}`, 'deal.yaml'].sort());
    expect(readFileSync(target, 'utf8')).toBe('mine');
  });
});

describe('outputFolderName', () => {
  it('keeps letters and digits of any script, NFC', async () => {
    expect(outputFolderName('Продажи-2027')).toBe('Продажи-2027');
    expect(outputFolderName('売上予測 2027')).toBe('売上予測-2027');
    expect(outputFolderName('東京支社')).toBe('東京支社');
    expect(outputFolderName('हिन्दी')).toBe('हिन्दी');
    expect(outputFolderName('nai\u0308ve name')).toBe('na\u00efve-name');
    expect(outputFolderName('売上予測')).not.toBe(outputFolderName('東京支社'));
  });

  it('drops separators, leading dots, control and bidi characters; handles Windows names; bounds bytes', async () => {
    expect(outputFolderName('../../etc/passwd')).toBe('etc-passwd');
    expect(outputFolderName('a\\b/c')).toBe('a-b-c');
    expect(outputFolderName('\u202Egnp.exe\u200F')).toBe('gnp.exe');
    expect(outputFolderName('tab\there\u0007bell')).toBe('tab-here-bell');
    expect(outputFolderName('..')).toBe('scenario-unnamed');
    expect(outputFolderName('🎉')).toBe('scenario-unnamed');
    expect(outputFolderName('CON')).toBe('scenario-CON');
    expect(outputFolderName('nul.txt')).toBe('scenario-nul.txt');
    expect(outputFolderName('COM¹')).toBe('scenario-COM¹');
    expect(outputFolderName('console')).toBe('console');
    for (const name of ['日本'.repeat(60), 'x'.repeat(300), 'é'.repeat(200), 'हि'.repeat(80)]) {
      const folderName = outputFolderName(name);
      expect(Buffer.byteLength(folderName)).toBeLessThanOrEqual(MAX_FOLDER_NAME_BYTES);
      expect(folderName.length).toBeGreaterThan(20);
      expect(name.normalize('NFC').startsWith(folderName)).toBe(true);
    }
    const long = 'quarterly-forecast-'.repeat(5);
    expect(runOutputFolder(long, undefined, '/o', '-sweep')).toBe(`${runOutputFolder(long, undefined, '/o')}-sweep`);
  });
});
