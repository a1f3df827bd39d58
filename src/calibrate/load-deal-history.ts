/**
 * The only place a deal file is read. A file that cannot be read at all is a
 * DealFileError; bad rows come back as issues with their lines.
 */
import { DealFileError } from './deal-history.ts';
import { parseDealHistory, type DealParseOptions, type DealParseResult } from './parse-deal-history.ts';
import { decodeUtf8, readInputFile } from '../scenario/read-input-file.ts';

/** Largest deal file read (a CRM export of a few hundred thousand deals fits easily). */
export const MAX_DEAL_FILE_BYTES = 200 * 1024 * 1024;

/** Reads the CSV at `path` as UTF-8 text, refusing anything but a regular file, huge files and other encodings. */
export function readDealsText(path: string): string {
  const read = readInputFile(path, { maxBytes: MAX_DEAL_FILE_BYTES, expected: 'a CSV file' });
  if (!read.ok) throw new DealFileError(path, [{ message: read.problem }]);
  const text = decodeUtf8(read.bytes);
  if (text === null) throw new DealFileError(path, [{ message: 'is not UTF-8 text (export the CSV as UTF-8)' }]);
  return text;
}

/** Reads and parses a deal history CSV; bad rows are in `issues`, a file that cannot be read throws DealFileError. */
export function loadDealHistory(path: string, options: Omit<DealParseOptions, 'source'> = {}): DealParseResult {
  return parseDealHistory(readDealsText(path), { ...options, source: path });
}
