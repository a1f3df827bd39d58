/**
 * The one way a user's input file is read (scenarios, run records, deal
 * histories): regular files only, never more than a byte limit, so a device
 * such as /dev/zero cannot grow memory and a named pipe cannot block.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { groupDigits } from './group-digits.ts';
import { readProblem } from './read-problem.ts';

export type InputFileRead = { ok: true; bytes: Buffer } | { ok: false; problem: string };

export interface InputFileLimits {
  maxBytes: number;
  /** What the file should be, for messages: 'a scenario file', 'a CSV file'. */
  expected: string;
}

const CHUNK_BYTES = 64 * 1024;

/** 1,048,576 bytes → "1 MiB"; 209,715,200 → "200 MiB". */
export function formatByteLimit(bytes: number): string {
  if (bytes >= 2 ** 20 && bytes % 2 ** 20 === 0) return `${groupDigits(bytes / 2 ** 20)} MiB`;
  if (bytes >= 2 ** 10 && bytes % 2 ** 10 === 0) return `${groupDigits(bytes / 2 ** 10)} KiB`;
  return `${groupDigits(bytes)} bytes`;
}

function kindProblem(stats: Stats, expected: string): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return `is a directory, not ${expected}`;
  if (stats.isFIFO()) return `is a named pipe, not ${expected} (only regular files are read)`;
  if (stats.isSocket()) return `is a socket, not ${expected} (only regular files are read)`;
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return `is a device, not ${expected} (only regular files are read)`;
  return `is not a regular file, not ${expected}`;
}

/**
 * Reads the regular file at `path`, refusing anything else and anything past
 * `maxBytes` (counted as read, not trusted from its size). Opening does not
 * block on a named pipe: the file is opened non-blocking and checked before
 * any read.
 */
export function readInputFile(path: string, limits: InputFileLimits): InputFileRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, problem: readProblem(error as NodeJS.ErrnoException, limits.expected) };
  }
  const tooLarge = `is too large for ${limits.expected} (the limit is ${formatByteLimit(limits.maxBytes)})`;
  try {
    const kind = kindProblem(fstatSync(fd), limits.expected);
    if (kind) return { ok: false, problem: kind };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limits.maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > limits.maxBytes) return { ok: false, problem: tooLarge };
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, problem: readProblem(error as NodeJS.ErrnoException, limits.expected) };
  } finally {
    closeSync(fd);
  }
}

/** Strict UTF-8 decoding (a leading byte-order mark dropped), or null for other bytes. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}
