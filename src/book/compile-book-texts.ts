/**
 * A book compiled again from the texts it was read from (the book, its base
 * scenario, the accounts CSV), with no file system: what a portfolio partial
 * carries, so a merge can rebuild the accounts and check the partial's claims
 * against them. Pure.
 */
import { parseScenario } from '../scenario/parse-scenario.ts';
import { formatPath, type ScenarioIssue } from '../scenario/scenario-issue.ts';
import { compileBook, type CompiledBook } from './compile-book.ts';
import { parseAccountsCsv } from './parse-accounts-csv.ts';
import { parseBook } from './parse-book.ts';

export interface BookTexts {
  bookText: string;
  baseText: string;
  /** The accounts CSV's text, or null when the book was read without one. */
  accountsText: string | null;
}

export type BookTextsResult = { ok: true; compiled: CompiledBook } | { ok: false; problem: string };

const first = (what: string, issues: readonly ScenarioIssue[]) => {
  const issue = issues[0]!;
  const field = formatPath(issue.path);
  return { ok: false as const, problem: `${what}: ${field ? `${field}: ` : ''}${issue.message}${issue.line !== undefined ? ` (line ${issue.line})` : ''}` };
};

export function compileBookTexts(texts: BookTexts): BookTextsResult {
  const parsed = parseBook(texts.bookText);
  if (!parsed.ok) return first('the book text is not a valid book', parsed.issues);
  const base = parseScenario(texts.baseText);
  if (!base.ok) return first('the base scenario text is not a valid scenario', base.issues);
  const rows = texts.accountsText === null ? { rows: [], issues: [] } : parseAccountsCsv(texts.accountsText);
  if (rows.issues.length > 0) return first('the accounts CSV text does not hold valid accounts', rows.issues);
  const result = compileBook(parsed.book, base.scenario, parsed.locate, rows.rows);
  if (!result.ok) return first('the book does not compile', [...result.bookIssues, ...result.accountIssues]);
  return { ok: true, compiled: result.compiled };
}
