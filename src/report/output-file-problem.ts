/**
 * The rule for a single file a command writes (a shard partial, a calibrated
 * scenario): it may replace only a file expansim wrote, told apart by its
 * first bytes, unless the user asked for it.
 */
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { creationProblem } from './output-target-problem.ts';

const HEAD_BYTES = 4096;

function head(path: string): Buffer {
  const buffer = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer));
  } finally {
    closeSync(fd);
  }
}

/**
 * Why `file` may not be written, or null if it may: absent (and creatable),
 * or a regular file whose first bytes `isOwn` recognises (any file when
 * `overwrite` is set; `overwriteFlag` is the option that sets it, for the message).
 */
export function outputFileProblem(file: string, isOwn: (head: Buffer) => boolean, options: { overwrite?: boolean; overwriteFlag?: string } = {}): string | null {
  let stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return creationProblem(file);
    throw error;
  }
  if (stats.isSymbolicLink()) return `${file} is a symbolic link; give the file itself or another --out`;
  if (!stats.isFile()) return `${file} exists and is not a file`;
  if (!options.overwrite && !isOwn(head(file))) {
    const remedy = options.overwriteFlag ? `${options.overwriteFlag} to overwrite it, or choose another --out` : 'move it away, or choose another --out';
    return `${file} exists and was not written by expansim; nothing was written (${remedy})`;
  }
  return creationProblem(file);
}
