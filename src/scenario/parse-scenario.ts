/**
 * Text → validated Scenario. YAML and JSON go through the same YAML parser so
 * every problem, syntax or schema, can be reported with its line.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { checkScenario } from './check-scenario.ts';
import { scenarioSchema, type Scenario } from './scenario-schema.ts';
import type { ScenarioIssue } from './scenario-issue.ts';
import { closestMatches, keysAt } from './schema-paths.ts';

/** Longest scenario text accepted; real scenarios are a few kilobytes. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/** YAML aliases allowed in one document (guards against alias bombs). */
const MAX_ALIASES = 100;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

type Located = { line?: number; column?: number };

function locate(doc: Document, counter: LineCounter, path: readonly PropertyKey[], atKey = false, missing = false): Located {
  // Walk as far down the path as the document goes and report the deepest node found;
  // a path absent from the document (a default) has no line, but a required key that is
  // missing is reported at the mapping it belongs in.
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const [depth, key] of path.entries()) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
    if (!pair) {
      if (missing && depth === path.length - 1) offset = node.range?.[0] ?? offset;
      break;
    }
    const keyNode = pair.key as Node;
    const valueNode = pair.value as Node | null;
    offset = (atKey && key === path[path.length - 1] ? keyNode.range?.[0] : (valueNode?.range?.[0] ?? keyNode.range?.[0])) ?? offset;
    node = valueNode;
  }
  if (offset === undefined) return {};
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}

type Locator = (path: readonly PropertyKey[], atKey?: boolean, missing?: boolean) => Located;

function issuesFromZod(error: z.ZodError, locateIssue: Locator): ScenarioIssue[] {
  return error.issues.flatMap((issue): ScenarioIssue[] => {
    if (issue.code !== 'unrecognized_keys') {
      return [{ path: [...issue.path], message: issue.message, ...locateIssue(issue.path, false, issue.message.startsWith('is required')) }];
    }
    const known = keysAt(issue.path);
    return issue.keys.map((key) => {
      const hint = closestMatches(key, known);
      const message = hint.length > 0 ? `unknown key (did you mean ${hint.join(' or ')}?)` : `unknown key (expected one of ${known.join(', ')})`;
      return { path: [...issue.path, key], message, ...locateIssue([...issue.path, key], true) };
    });
  });
}

function sortByLine(issues: ScenarioIssue[]): ScenarioIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Validates an already-parsed document (an object from YAML/JSON or built in code). */
export function validateScenario(document: unknown, locateIssue: Locator = () => ({})): ParseResult {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, issues: [{ path: [], message: 'a scenario must be a mapping of keys to values (name, seed, trials, account, …)' }] };
  }
  const result = scenarioSchema.safeParse(document);
  if (!result.success) return { ok: false, issues: sortByLine(issuesFromZod(result.error, locateIssue)) };
  const cross = checkScenario(result.data);
  if (cross.length > 0) {
    const located = cross.map(({ near, ...issue }) => {
      const at = locateIssue(issue.path);
      return { ...issue, ...(at.line === undefined && near ? locateIssue(near, true) : at) };
    });
    return { ok: false, issues: sortByLine(located) };
  }
  return { ok: true, scenario: result.data };
}

/**
 * Parses scenario text (YAML or JSON) and validates it, collecting every
 * problem with its line. Pure: the caller reads the file.
 */
export function parseScenario(text: string): ParseResult {
  if (text.length > MAX_SCENARIO_BYTES) {
    return { ok: false, issues: [{ path: [], message: `file is too large for a scenario (${text.length} characters; the limit is ${MAX_SCENARIO_BYTES})` }] };
  }
  if (text.includes('\u0000')) {
    return { ok: false, issues: [{ path: [], message: 'file is binary, not YAML or JSON text' }] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const { line, col } = counter.linePos(error.pos[0]);
        return { path: [], message: `YAML syntax: ${error.message.split('\n')[0]}`, line, column: col };
      }),
    };
  }
  let document: unknown;
  try {
    document = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return { ok: false, issues: [{ path: [], message: `YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  return validateScenario(document, (path, atKey, missing) => locate(doc, counter, path, atKey, missing));
}
