/**
 * What a killed writer leaves beside its target: `.NAME.partial-PID-HEX/` (the
 * folder it was writing; for a one-file output such as a shard partial or a
 * calibrated scenario, the file itself) and, if it died between the two renames of the swap,
 * `.NAME.previous-PID-HEX/` (the output it was replacing). HEX starts with a
 * tag of the host, since a pid says nothing about another machine's processes
 * (a shared folder). The next writer of that target restores or removes them,
 * but only those of a dead process on this host.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { MANIFEST_FILE, readManifest } from './output-manifest.ts';
import { foreignFiles } from './output-target-problem.ts';

export type LeftoverKind = 'partial' | 'previous';

/** Four hex digits naming this host. */
export function hostTag(): string {
  return createHash('sha256').update(hostname()).digest('hex').slice(0, 4);
}

/** The name of a staging (`partial`) or retired (`previous`) folder of this process for `target`; `tag` is 4 hex digits. */
export function leftoverName(target: string, kind: LeftoverKind, tag: string): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${process.pid}-${hostTag()}${tag}`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

interface Leftover {
  path: string;
  kind: LeftoverKind;
  pid: number;
}

/** What the target is: a folder output (run, sweep, merge) or a one-file output (a shard partial, a calibrated scenario). */
export type OutputShape = 'folder' | 'file';

function deadLeftovers(target: string, shape: OutputShape): Leftover[] {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (!name.startsWith(prefix)) return [];
    const match = /^(partial|previous)-([1-9]\d{0,9})-([0-9a-f]{4})[0-9a-f]{4}$/.exec(name.slice(prefix.length));
    if (!match || match[3] !== hostTag()) return [];
    const path = join(dirname(target), name);
    const stat = lstatSync(path);
    const kind = match[1] as LeftoverKind;
    // A folder output's leftovers are folders; a one-file output leaves only its half-written file.
    const shaped = shape === 'folder' ? stat.isDirectory() : kind === 'partial' && stat.isFile();
    if (!shaped || isRunning(Number(match[2]))) return [];
    return [{ path, kind, pid: Number(match[2]) }];
  });
}

const exists = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * Restores or removes what dead writers of `target` left, and says what it
 * did, one line per action: a previous output with no target is renamed back;
 * other leftovers are removed when provably expansim's.
 */
export function recoverInterruptedOutput(target: string, shape: OutputShape = 'folder'): string[] {
  const notes: string[] = [];
  const leftovers = deadLeftovers(target, shape);
  const previous = leftovers.filter((l) => l.kind === 'previous').sort((a, b) => statSync(b.path).mtimeMs - statSync(a.path).mtimeMs);
  for (const leftover of previous) {
    const name = basename(leftover.path);
    if (!exists(target)) {
      renameSync(leftover.path, target);
      notes.push(`recovered ${target} from an interrupted run (process ${leftover.pid}): restored the previous output from ${name}`);
      continue;
    }
    const manifest = readManifest(join(leftover.path, MANIFEST_FILE));
    if (manifest && foreignFiles(leftover.path, manifest).length === 0) {
      rmSync(leftover.path, { recursive: true, force: true });
      notes.push(`removed ${name}, an earlier output left beside ${target} by an interrupted run (process ${leftover.pid})`);
    } else {
      notes.push(`kept ${name}, left beside ${target} by an interrupted run (process ${leftover.pid}): it holds files expansim cannot prove are its own`);
    }
  }
  for (const leftover of leftovers.filter((l) => l.kind === 'partial')) {
    rmSync(leftover.path, { recursive: true, force: true });
    notes.push(`removed ${basename(leftover.path)}, a half-written output left beside ${target} by an interrupted run (process ${leftover.pid})`);
  }
  return notes;
}
