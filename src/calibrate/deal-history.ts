/**
 * A deal history as calibration reads it: one record per past opportunity,
 * in the model's vocabulary and units, and the problems found in the file.
 */
import type { DealColumn } from './deal-columns.ts';
import type { DealOutcome } from './parse-deal-fields.ts';

export interface Deal {
  /** 1-based line of the CSV row. */
  line: number;
  /** Account name, or '' when the file has no account column (one account). */
  account: string;
  /** Stream index in STREAMS order, project type index in PROJECT_TYPES order. */
  stream: number;
  type: number;
  /** List value, $M. */
  value: number;
  /** Calendar month indices (year·12 + month − 1); closed is null for open deals. */
  opened: number;
  closed: number | null;
  outcome: DealOutcome;
  /** The stage reached (a lost deal: the stage it was lost at), when given. */
  stageReached: number | null;
  /** Discount as a fraction of list value, when given. */
  discount: number | null;
}

export interface DealHistory {
  /** The file's name, for messages. */
  source: string;
  deals: Deal[];
  /** The optional columns the file has. */
  columns: Record<Exclude<DealColumn, 'stream' | 'type' | 'value' | 'opened'>, boolean>;
  /** Things worth knowing about how the file was read (ignored columns, percent discounts). */
  notes: string[];
}

/** One problem in a deal file: where, which column, what. */
export interface DealIssue {
  /** 1-based line; absent for problems with the whole file. */
  line?: number;
  /** The column's header as written in the file. */
  column?: string;
  message: string;
}

/**
 * The one-line form a user sees: `✖ deals.csv:12 value: "abc" is not a number`.
 *
 * @example formatDealIssue({ line: 12, column: 'value', message: 'is empty' }, 'deals.csv') // => '✖ deals.csv:12 value: is empty'
 */
export function formatDealIssue(issue: DealIssue, source: string): string {
  const where = issue.line !== undefined ? `${source}:${issue.line}` : source;
  return `✖ ${where}${issue.column ? ` ${issue.column}` : ''}: ${issue.message}`;
}

/** Thrown by the loader when a deal file cannot be used at all; carries every issue. */
export class DealFileError extends Error {
  readonly source: string;
  readonly issues: DealIssue[];
  constructor(source: string, issues: DealIssue[]) {
    super(issues.map((issue) => formatDealIssue(issue, source)).join('\n'));
    this.name = 'DealFileError';
    this.source = source;
    this.issues = issues;
  }
}
