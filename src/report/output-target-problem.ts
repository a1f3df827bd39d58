/**
 * The one rule every writer of an output folder obeys, checked before any
 * work and again just before the swap: a folder may be replaced only when
 * every file in it is one expansim wrote there and has not changed since.
 */
import { accessSync, constants, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmdirSync, statSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { hashFile, MANIFEST_FILE, readManifest, type OutputManifest } from './output-manifest.ts';

export interface OutputTargetOptions {
  /** What the output is of (a scenario name, `<name> (sweep)`), recorded in its manifest. */
  name?: string;
  /** The user chose the folder (--out): it may hold an output of another name. */
  explicitOut?: boolean;
}

/** At most this many foreign files are named; the rest are counted. */
const LISTED = 10;

/** An output holds a few dozen entries; a folder past this many (a home folder given as --out) is not walked further. */
const MAX_WALKED = 10_000;

/** The entry at `path` (or, following links, what it points to), or null when there is none. */
function statOrNull(path: string, followLinks = false): Stats | null {
  try {
    return followLinks ? statSync(path) : lstatSync(path);
  } catch (error) {
    if (['ENOENT', 'ENOTDIR', 'ELOOP'].includes((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
}

/** Whether `path` is a run.json expansim wrote (before outputs carried a manifest). */
function isRunRecord(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { tool?: unknown }).tool === 'expansim';
  } catch {
    return false;
  }
}

function listPaths(paths: readonly string[], truncated: boolean): string {
  const shown = paths.slice(0, LISTED).join(', ');
  if (truncated) return `${shown} and more (the folder holds over ${MAX_WALKED.toLocaleString('en-US')} entries)`;
  return paths.length > LISTED ? `${shown} and ${paths.length - LISTED} more` : shown;
}

const errnoReason = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  return code ?? (error as Error).message;
};

/** Why nothing can be created in the folder that will hold `target` (its nearest existing ancestor), or null. */
export function creationProblem(target: string): string | null {
  let folder = dirname(target);
  for (;;) {
    const stats = statOrNull(folder);
    if (stats?.isSymbolicLink()) {
      const followed = statOrNull(folder, true);
      if (!followed) return `cannot create ${target}: ${folder} is a symbolic link to ${readlinkSync(folder)}, which does not exist`;
      if (!followed.isDirectory()) return `cannot create ${target}: ${folder} is not a folder`;
      break;
    }
    if (stats) {
      if (!stats.isDirectory()) return `cannot create ${target}: ${folder} is a file, not a folder`;
      break;
    }
    if (dirname(folder) === folder) return `cannot create ${target}: no such folder`;
    folder = dirname(folder);
  }
  // A real attempt, since access() says yes to root on a read-only mount.
  const probe = join(folder, `.expansim-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(probe);
  } catch (error) {
    return `cannot write into ${folder}: ${errnoReason(error)}`;
  }
  rmdirSync(probe);
  return null;
}

interface Walked {
  files: string[];
  folders: string[];
  others: string[];
  /** More entries than MAX_WALKED: the lists are incomplete. */
  truncated: boolean;
}

/** Every file and folder under `folder` (up to MAX_WALKED), relative, folders with a trailing `/`. */
function walk(folder: string, prefix = '', found: Walked = { files: [], folders: [], others: [], truncated: false }): Walked {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (found.files.length + found.folders.length + found.others.length >= MAX_WALKED) {
      found.truncated = true;
      return found;
    }
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      found.folders.push(`${relative}/`);
      walk(join(folder, entry.name), `${relative}/`, found);
    } else if (entry.isFile()) found.files.push(relative);
    else found.others.push(relative);
  }
  return found;
}

function changed(path: string, bytes: number, sha256: string): boolean {
  try {
    return statSync(path).size !== bytes || hashFile(path) !== sha256;
  } catch {
    return true;
  }
}

/** The folders holding `path`: `a/b/c` → `a/`, `a/b/`. */
const ancestors = (path: string) => path.split('/').slice(0, -1).map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`);

/**
 * The files of `folder` expansim did not write or that changed since (or
 * could not be read), each as it is to be named; `truncated` when the folder
 * was too large to walk whole.
 */
export function foreignFiles(folder: string, manifest: OutputManifest | null): string[] & { truncated: boolean } {
  const { files, folders, others, truncated } = walk(folder);
  const recorded = new Map((manifest?.files ?? []).map((entry) => [entry.path, entry]));
  const ownFolders = new Set([...recorded.keys()].flatMap(ancestors));
  const foreign: string[] = [];
  for (const path of files) {
    if (manifest && path === MANIFEST_FILE) continue;
    const entry = recorded.get(path);
    if (!entry) foreign.push(path);
    else if (changed(join(folder, path), entry.bytes, entry.sha256)) foreign.push(`${path} (changed since expansim wrote it)`);
  }
  const holding = new Set([...files, ...others].flatMap(ancestors));
  for (const path of folders) if (!ownFolders.has(path) && !holding.has(path)) foreign.push(path);
  for (const path of others) foreign.push(`${path} (not a regular file)`);
  return Object.assign(foreign, { truncated });
}

function symlinkProblem(target: string): string {
  const link = readlinkSync(target);
  if (!statOrNull(target, true)) return `${target} is a symbolic link to ${link}, which does not exist; give a real folder with --out`;
  return `${target} is a symbolic link (to ${link}); expansim replaces an output folder as a whole, so give the folder itself or another --out`;
}

/**
 * Why `target` may not be written or replaced by an output, or null if it
 * may: it must be absent (and creatable), empty, or an output whose manifest
 * accounts for every file in it, unchanged.
 */
export function outputTargetProblem(target: string, options: OutputTargetOptions = {}): string | null {
  const stats = statOrNull(target);
  if (stats === null) return creationProblem(target);
  if (stats.isSymbolicLink()) return symlinkProblem(target);
  if (!stats.isDirectory()) return `${target} exists and is not a folder`;
  if (readdirSync(target).length === 0) return creationProblem(target);
  const manifest = readManifest(join(target, MANIFEST_FILE));
  if (manifest === null && isRunRecord(join(target, 'run.json'))) {
    return `${target} holds an expansim output written before outputs carried a manifest (${MANIFEST_FILE}), so expansim cannot prove every file in it is its own; nothing was written (delete it yourself, or choose another folder with --out)`;
  }
  const foreign = foreignFiles(target, manifest);
  if (foreign.length > 0) {
    return `${target} holds files expansim did not write (or that changed since): ${listPaths(foreign, foreign.truncated)}; nothing was written (move them away, or choose another folder with --out)`;
  }
  if (!options.explicitOut && options.name !== undefined && manifest?.name != null && manifest.name !== options.name) {
    return `${target} holds the output of "${manifest.name}", not "${options.name}" (both names give this folder name); choose a folder with --out`;
  }
  try {
    accessSync(target, constants.W_OK | constants.X_OK);
  } catch (error) {
    return `cannot replace ${target}: ${errnoReason(error)}`;
  }
  return creationProblem(target);
}
