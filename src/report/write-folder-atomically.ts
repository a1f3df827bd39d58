/**
 * Writes a run's files into a temporary folder beside the target and renames
 * it into place at the end, so a reader never sees a half-written report and
 * an interrupted run leaves the previous one intact. The folder gets a
 * manifest of what was written, so a later run may replace it.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { formatManifest, MANIFEST_FILE, manifestHasher, type ManifestEntry } from './output-manifest.ts';
import { outputTargetProblem, type OutputTargetOptions } from './output-target-problem.ts';
import { leftoverName } from './recover-interrupted-output.ts';

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
  if (relative === MANIFEST_FILE) throw new Error(`${MANIFEST_FILE} is written by writeFolderAtomically itself`);
}

/** A fresh temporary folder beside `target`, named for this process so a later run can tell a dead one's. */
export function createStagingFolder(target: string): string {
  mkdirSync(dirname(target), { recursive: true });
  const staging = leftoverName(target, 'partial', randomBytes(2).toString('hex'));
  mkdirSync(staging);
  return staging;
}

/** Writes files into a folder (creating sub-folders); returns what was written, for the manifest. */
export function writeFiles(folder: string, files: readonly OutputFile[]): ManifestEntry[] {
  return files.map((file) => {
    assertInside(file.path);
    const path = join(folder, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    const hasher = manifestHasher(file.path);
    const { content } = file;
    if (typeof content === 'string' || content instanceof Uint8Array) {
      writeFileSync(path, content);
      hasher.add(content);
      return hasher.entry();
    }
    const fd = openSync(path, 'w');
    try {
      for (const chunk of content) {
        writeSync(fd, chunk);
        hasher.add(chunk);
      }
    } finally {
      closeSync(fd);
    }
    return hasher.entry();
  });
}

/** Replaces `target` by `staging` (the old folder is removed only once the new one is in place). */
export function commitStagingFolder(staging: string, target: string, options: OutputTargetOptions = {}): void {
  const problem = outputTargetProblem(target, options);
  if (problem) throw new Error(problem);
  try {
    renameSync(staging, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
  const retired = leftoverName(target, 'previous', staging.slice(-4));
  renameSync(target, retired);
  renameSync(staging, target);
  rmSync(retired, { recursive: true, force: true });
}

export function discardStagingFolder(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/** What a writer may add to the target's checks: a last safe point before the rename. */
export interface WriteFolderOptions extends OutputTargetOptions {
  /**
   * Awaited once every file is staged, just before the rename that lands the
   * output; it throws to cancel (then nothing lands and the staging folder goes).
   */
  beforeCommit?: () => Promise<void>;
}

/** Writes `files` and their manifest into `target` atomically: all of them or none. */
export async function writeFolderAtomically(target: string, files: readonly OutputFile[], options: WriteFolderOptions = {}): Promise<void> {
  const { beforeCommit, ...targetOptions } = options;
  const staging = createStagingFolder(target);
  try {
    const written = writeFiles(staging, files);
    writeFileSync(join(staging, MANIFEST_FILE), formatManifest({ tool: 'expansim', format: 1, name: targetOptions.name ?? null, files: written }));
    if (beforeCommit) await beforeCommit();
    commitStagingFolder(staging, target, targetOptions);
  } catch (error) {
    discardStagingFolder(staging);
    throw error;
  }
}
