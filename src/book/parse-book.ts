/**
 * Book text → validated Book, every problem with its line, exactly as
 * scenarios are read (the same YAML parser settings and message form). Pure.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ScenarioIssue } from '../scenario/scenario-issue.ts';
import { MAX_SCENARIO_BYTES } from '../scenario/parse-scenario.ts';
import { closestMatches } from '../scenario/schema-paths.ts';
import { bookSchema, type Book } from './book-schema.ts';
import { locateYamlPath } from './locate-yaml-path.ts';

/** Line of a key path in the book text, when it is there. */
export type BookLocator = (path: readonly PropertyKey[]) => number | undefined;

export type BookParseResult = { ok: true; book: Book; locate: BookLocator } | { ok: false; issues: ScenarioIssue[] };

const MAX_ALIASES = 100;
const TOP_KEYS = Object.keys(bookSchema.shape);

function issuesFromZod(error: z.ZodError, locate: BookLocator): ScenarioIssue[] {
  return error.issues.flatMap((issue): ScenarioIssue[] => {
    const located = (path: PropertyKey[]) => ({ path, line: locate(path) });
    if (issue.code !== 'unrecognized_keys') return [{ message: issue.message, ...located([...issue.path]) }];
    return issue.keys.map((key) => {
      const hint = issue.path.length === 0 ? closestMatches(key, TOP_KEYS) : [];
      return { message: hint.length > 0 ? `unknown key (did you mean ${hint.join(' or ')}?)` : 'unknown key', ...located([...issue.path, key]) };
    });
  });
}

export const sortByLine = (issues: ScenarioIssue[]) => [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

/** Parses and validates book text (YAML or JSON). */
export function parseBook(text: string): BookParseResult {
  if (text.length > MAX_SCENARIO_BYTES) return { ok: false, issues: [{ path: [], message: `file is too large for a book (the limit is ${MAX_SCENARIO_BYTES} characters)` }] };
  if (text.includes('\u0000')) return { ok: false, issues: [{ path: [], message: 'file is binary, not YAML or JSON text' }] };
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return { ok: false, issues: doc.errors.map((error) => ({ path: [], message: `YAML syntax: ${error.message.split('\n')[0]}`, line: counter.linePos(error.pos[0]).line })) };
  }
  let document: unknown;
  try {
    document = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return { ok: false, issues: [{ path: [], message: `YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, issues: [{ path: [], message: 'a book must be a mapping of keys to values (name, base, teams, groups, …)' }] };
  }
  const locate: BookLocator = (path) => locateYamlPath(doc, counter, path);
  const result = bookSchema.safeParse(document);
  if (!result.success) return { ok: false, issues: sortByLine(issuesFromZod(result.error, locate)) };
  return { ok: true, book: result.data, locate };
}
