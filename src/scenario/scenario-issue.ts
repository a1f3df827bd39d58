/** One problem found in a scenario: where it is and what is wrong, as plain data. */
export interface ScenarioIssue {
  /** Keys from the document root to the offending field; empty for the whole file. */
  path: PropertyKey[];
  message: string;
  /** 1-based line in the source file, when the parser knows it. */
  line?: number;
  column?: number;
}

/** Dotted form of an issue path: `account.barriers.functionalWalls`, `list[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/**
 * The one-line form a user sees for each issue:
 * `✖ scenarios/x.yaml:9 account.barriers.functionalWalls: must be between 0 and 1 (got 1.4)`.
 */
export function formatIssue(issue: ScenarioIssue, source: string): string {
  const where = issue.line !== undefined ? `${source}:${issue.line}` : source;
  const field = formatPath(issue.path);
  return `✖ ${where}${field ? ` ${field}` : ''}: ${issue.message}`;
}

/** Thrown by loaders when a scenario cannot be used; carries every issue found. */
export class ScenarioError extends Error {
  readonly source: string;
  readonly issues: ScenarioIssue[];
  constructor(source: string, issues: ScenarioIssue[]) {
    super(issues.map((issue) => formatIssue(issue, source)).join('\n'));
    this.name = 'ScenarioError';
    this.source = source;
    this.issues = issues;
  }
}
