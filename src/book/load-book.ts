/**
 * The only place a book, its base scenario and its accounts CSV are read.
 * Every failure becomes a ScenarioError naming the file, line and field:
 * the book's for its own keys and overrides, the base's for the base, the
 * CSV's (line and column) for an account row.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadScenario, readScenarioText } from '../scenario/load-scenario.ts';
import { readProblem } from '../scenario/read-problem.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/scenario-issue.ts';
import { compileBook, type CompiledBook } from './compile-book.ts';
import { parseAccountsCsv, type AccountRow } from './parse-accounts-csv.ts';
import { parseBook, sortByLine } from './parse-book.ts';

/** Largest accounts CSV read (a CRM export of every account of a large vendor fits). */
export const MAX_ACCOUNTS_FILE_BYTES = 20 * 1024 * 1024;

export interface LoadedBook extends CompiledBook {
  source: string;
  /** The book's text, as read, and the base scenario's path and text (for provenance). */
  text: string;
  baseSource: string;
  baseText: string;
  accountsSource?: string;
  accountsText?: string;
}

function readAccountsText(path: string): string {
  const fail = (message: string) => new ScenarioError(path, [{ path: [], message }]);
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (stats.size > MAX_ACCOUNTS_FILE_BYTES) throw fail(`is too large for an accounts CSV (the limit is ${MAX_ACCOUNTS_FILE_BYTES / 1024 / 1024} MB)`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw fail(readProblem(error as NodeJS.ErrnoException, 'a CSV file'));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('is not UTF-8 text (export the CSV as UTF-8)');
  }
}

/** Reads a book (and an accounts CSV) and compiles its accounts; throws ScenarioError with every problem. */
export function loadBook(path: string, options: { accounts?: string } = {}): LoadedBook {
  const text = readScenarioText(path);
  const parsed = parseBook(text);
  if (!parsed.ok) throw new ScenarioError(path, parsed.issues);
  const { book, locate } = parsed;
  const baseSource = resolve(dirname(path), book.base);
  let base;
  try {
    base = loadScenario(baseSource);
  } catch (error) {
    // A base that is not there is the book's mistake; a base with bad fields is the base's.
    if (error instanceof ScenarioError && error.issues.length === 1 && error.issues[0]!.line === undefined) {
      throw new ScenarioError(path, [{ path: ['base'], line: locate(['base']), message: `${book.base}: ${error.issues[0]!.message}` }]);
    }
    throw error;
  }
  let rows: AccountRow[] = [];
  let rowIssues: ScenarioIssue[] = [];
  const accountsText = options.accounts === undefined ? undefined : readAccountsText(options.accounts);
  if (accountsText !== undefined) ({ rows, issues: rowIssues } = parseAccountsCsv(accountsText));
  const result = compileBook(book, base.scenario, locate, rows);
  if (!result.ok && result.bookIssues.length > 0) throw new ScenarioError(path, result.bookIssues);
  const accountIssues = sortByLine([...rowIssues, ...(result.ok ? [] : result.accountIssues)]);
  if (accountIssues.length > 0) throw new ScenarioError(options.accounts!, accountIssues);
  if (!result.ok) throw new ScenarioError(path, result.bookIssues);
  return { ...result.compiled, source: path, text, baseSource, baseText: base.text, ...(options.accounts !== undefined && accountsText !== undefined ? { accountsSource: options.accounts, accountsText } : {}) };
}
