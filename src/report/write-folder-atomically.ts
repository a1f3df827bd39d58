/**
 * Writes a run's files into a temporary folder beside the target and renames
 * it into place at the end, so a reader never sees a half-written report and
 * an interrupted run leaves the previous one intact.
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface OutputFile {
  /** Path inside the folder, with `/` separators (e.g. `charts/npv.svg`). */
  path: string;
  /** The content, or text chunks written one after the other (for files too large for one string). */
  content: string | Uint8Array | Iterable<string>;
}

function assertInside(relative: string): void {
  if (relative === '' || relative.startsWith('/') || relative.split('/').some((part) => part === '..' || part === '')) {
    throw new Error(`output file path ${JSON.stringify(relative)} is not inside the output folder`);
  }
}

/** A fresh temporary folder beside `target`, removed by `discard` if the run fails. */
export function createStagingFolder(target: string): string {
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging);
  return staging;
}

/** Writes files into a staging folder (creating sub-folders). */
export function writeFiles(folder: string, files: readonly OutputFile[]): void {
  for (const file of files) {
    assertInside(file.path);
    const path = join(folder, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    const { content } = file;
    if (typeof content === 'string' || content instanceof Uint8Array) {
      writeFileSync(path, content);
      continue;
    }
    const fd = openSync(path, 'w');
    try {
      for (const chunk of content) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
  }
}

/** The file that marks a folder as an expansim output, safe to replace. */
export const OUTPUT_MARKER = 'run.json';

/**
 * Why `target` may not be replaced by a run's output, or null if it may: it
 * must be absent, empty, or an earlier expansim output (it holds run.json).
 */
export function replaceProblem(target: string): string | null {
  if (!existsSync(target)) return null;
  if (!lstatSync(target).isDirectory()) return `${target} exists and is not a folder`;
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return null;
  return `${target} already holds files that are not an expansim output; choose a new or empty folder`;
}

/** Replaces `target` by `staging` (the old folder is removed only once the new one is in place). */
export function commitStagingFolder(staging: string, target: string): void {
  const problem = replaceProblem(target);
  if (problem) throw new Error(problem);
  if (existsSync(target)) {
    const retired = `${staging}.previous`;
    renameSync(target, retired);
    renameSync(staging, target);
    rmSync(retired, { recursive: true, force: true });
  } else {
    renameSync(staging, target);
  }
}

export function discardStagingFolder(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/** Writes `files` into `target` atomically: all of them or none. */
export function writeFolderAtomically(target: string, files: readonly OutputFile[]): void {
  const staging = createStagingFolder(target);
  try {
    writeFiles(staging, files);
    commitStagingFolder(staging, target);
  } catch (error) {
    discardStagingFolder(staging);
    throw error;
  }
}
