/**
 * The only place a deal file is read. A file that cannot be read at all is a
 * DealFileError; bad rows come back as issues with their lines.
 */
import { readFileSync, statSync } from 'node:fs';
import { DealFileError } from './deal-history.ts';
import { parseDealHistory, type DealParseOptions, type DealParseResult } from './parse-deal-history.ts';
import { readProblem } from '../scenario/read-problem.ts';

/** Largest deal file read (a CRM export of a few hundred thousand deals fits easily). */
export const MAX_DEAL_FILE_BYTES = 200 * 1024 * 1024;

/** Reads the CSV at `path` as UTF-8 text, refusing directories, huge files and other encodings. */
export function readDealsText(path: string): string {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (statSync(path).size > MAX_DEAL_FILE_BYTES) {
      throw new DealFileError(path, [{ message: `is too large (the limit is ${MAX_DEAL_FILE_BYTES / 1024 / 1024} MB)` }]);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof DealFileError) throw error;
    throw new DealFileError(path, [{ message: readProblem(error as NodeJS.ErrnoException, 'a CSV file') }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DealFileError(path, [{ message: 'is not UTF-8 text (export the CSV as UTF-8)' }]);
  }
}

/** Reads and parses a deal history CSV; bad rows are in `issues`, a file that cannot be read throws DealFileError. */
export function loadDealHistory(path: string, options: Omit<DealParseOptions, 'source'> = {}): DealParseResult {
  return parseDealHistory(readDealsText(path), { ...options, source: path });
}
