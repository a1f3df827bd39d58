/**
 * Accounts CSV text → one row per named account, every bad row reported with
 * its line and column. Columns named by a dotted scenario path
 * (`account.wallet.sigma`, `strategies.beachhead.buildCost`) set that number too.
 * Pure: the caller reads the file.
 */
import { parseCsvTable } from '../scenario/parse-csv-table.ts';
import type { ScenarioIssue } from '../scenario/scenario-issue.ts';
import { numericPathProblem } from '../scenario/scenario-paths.ts';
import { ACCOUNT_COLUMNS, normalizeHeader } from './account-columns.ts';

export interface AccountRow {
  line: number;
  name: string;
  team: string;
  segment?: string;
  /** Scenario paths → numbers set for this account. */
  values: Record<string, number>;
  /** Scenario path, `team` or `segment` → the column's header as written, for messages. */
  labels: Record<string, string>;
}

export interface AccountsParseResult {
  rows: AccountRow[];
  issues: ScenarioIssue[];
}

function matchColumns(header: readonly string[]): { targets: (string | null)[]; issues: string[] } {
  const issues: string[] = [];
  const targets = header.map((label) => {
    if (label.includes('.')) {
      const problem = numericPathProblem(label.trim());
      if (problem) issues.push(`column "${label}": ${problem}`);
      return problem ? null : label.trim();
    }
    const column = ACCOUNT_COLUMNS.find((candidate) => candidate.names.some((name) => normalizeHeader(name) === normalizeHeader(label)));
    if (!column) issues.push(`unknown column "${label}" (expected ${ACCOUNT_COLUMNS.map((c) => c.names[0]).join(', ')}, or a scenario path such as account.wallet.sigma)`);
    return column?.target ?? null;
  });
  targets.forEach((target, i) => {
    if (target !== null && targets.indexOf(target) !== i) issues.push(`columns "${header[targets.indexOf(target)]}" and "${header[i]}" both give ${target}: keep one`);
  });
  for (const column of ACCOUNT_COLUMNS.filter((c) => c.required && !targets.includes(c.target))) {
    issues.push(`no ${column.names[0]} column (accepted names: ${column.names.join(', ')})`);
  }
  return { targets, issues };
}

/** Parses an accounts CSV; see the README's "Portfolio" section for the columns. */
export function parseAccountsCsv(text: string): AccountsParseResult {
  const table = parseCsvTable(text);
  if (!table.header) return { rows: [], issues: [{ path: [], message: 'has no header row and no accounts' }] };
  const header = table.header.fields;
  const match = matchColumns(header);
  if (match.issues.length > 0) return { rows: [], issues: match.issues.map((message) => ({ path: [], line: table.header!.line, message })) };
  const issues: ScenarioIssue[] = table.problems.map((problem) => ({ path: [], ...problem }));
  if (table.rows.length === 0) issues.push({ path: [], message: 'has a header but no accounts' });
  const rows: AccountRow[] = [];
  const names = new Map<string, number>();
  for (const row of table.rows) {
    const rowIssues: ScenarioIssue[] = [];
    if (row.fields.length > header.length) rowIssues.push({ path: [], line: row.line, message: `has ${row.fields.length} fields but the header has ${header.length} (an unquoted comma in a value?)` });
    const account: AccountRow = { line: row.line, name: '', team: '', values: {}, labels: {} };
    match.targets.forEach((target, i) => {
      if (target === null) return;
      const label = header[i]!.trim();
      const text = (row.fields[i] ?? '').trim();
      const required = ACCOUNT_COLUMNS.find((column) => column.target === target)?.required ?? false;
      account.labels[target] = label;
      if (text === '') {
        if (required) rowIssues.push({ path: [label], line: row.line, message: 'is empty' });
        return;
      }
      if (target === 'name' || target === 'team') account[target] = text;
      else if (target === 'segment') account.segment = text;
      else if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) rowIssues.push({ path: [label], line: row.line, message: `"${text}" is not a number` });
      else account.values[target] = Number(text);
    });
    if (account.name !== '' && names.has(account.name)) rowIssues.push({ path: [account.labels.name!], line: row.line, message: `"${account.name}" is already the account of line ${names.get(account.name)}` });
    else if (account.name !== '') names.set(account.name, row.line);
    if (rowIssues.length > 0) issues.push(...rowIssues);
    else rows.push(account);
  }
  return { rows, issues };
}
