/**
 * CSV text → a deal history, collecting every bad row with its line and
 * column instead of stopping at the first. Pure: the caller reads the file.
 */
import { matchDealColumns, type DealColumn } from './deal-columns.ts';
import type { Deal, DealHistory, DealIssue } from './deal-history.ts';
import { parseCsvTable } from '../scenario/parse-csv-table.ts';
import {
  discountColumnInPercent,
  isProblem,
  parseDealValue,
  parseDiscount,
  parseMonth,
  parseOutcome,
  parseProjectType,
  parseStageReached,
  parseStream,
  type Parsed,
  type ValueUnit,
} from './parse-deal-fields.ts';

export interface DealParseOptions {
  /** The file's name, for messages (default `deals.csv`). */
  source?: string;
  /** Unit of the value column: M ($M, the default), k ($k) or 1 ($). */
  valueUnit?: ValueUnit;
}

export interface DealParseResult {
  /** The rows that could be read (bad rows are left out). */
  history: DealHistory;
  /** Every problem found, in line order; file-level ones first. */
  issues: DealIssue[];
}

/** Median deal value ($M) above which the value column is surely not in $M. */
const IMPLAUSIBLE_MEDIAN_VALUE = 1000;

/** Parses a deal history CSV; see the README's "Calibration" section for the columns. */
export function parseDealHistory(text: string, options: DealParseOptions = {}): DealParseResult {
  const source = options.source ?? 'deals.csv';
  const unit = options.valueUnit ?? 'M';
  const table = parseCsvTable(text);
  const empty = (issues: DealIssue[]): DealParseResult => ({
    history: { source, deals: [], columns: { account: false, closed: false, outcome: false, stageReached: false, discount: false }, notes: [] },
    issues,
  });
  if (!table.header) return empty([{ message: 'has no header row and no deals' }]);
  const match = matchDealColumns(table.header.fields);
  if (match.problems.length > 0) return empty(match.problems.map((message) => ({ line: table.header!.line, message })));

  const issues: DealIssue[] = [];
  issues.push(...table.problems);
  const has = (column: DealColumn) => match.index[column] !== undefined;
  const cell = (fields: string[], column: DealColumn) => (has(column) ? (fields[match.index[column]!] ?? '').trim() : '');
  const percent = has('discount') && discountColumnInPercent(table.rows.map((row) => cell(row.fields, 'discount')));
  const notes: string[] = [];
  if (match.ignored.length > 0) notes.push(`columns ignored: ${match.ignored.join(', ')}`);
  if (percent) notes.push(`discounts read as percent (the ${match.label.discount} column has values above 1)`);

  const deals: Deal[] = [];
  for (const row of table.rows) {
    const rowIssues: DealIssue[] = [];
    if (row.fields.length > table.header.fields.length) {
      rowIssues.push({ line: row.line, message: `has ${row.fields.length} fields but the header has ${table.header.fields.length} (an unquoted comma in a value?)` });
    }
    const read = <T>(column: DealColumn, parse: (text: string) => Parsed<T>, required: boolean): T | null => {
      const text = cell(row.fields, column);
      if (text === '') {
        if (required) rowIssues.push({ line: row.line, column: match.label[column], message: 'is empty' });
        return null;
      }
      const parsed = parse(text);
      if (!isProblem(parsed)) return parsed;
      rowIssues.push({ line: row.line, column: match.label[column], message: parsed.problem });
      return null;
    };
    const stream = read('stream', parseStream, true);
    const type = read('type', parseProjectType, true);
    const value = read('value', (text) => parseDealValue(text, unit), true);
    const opened = read('opened', parseMonth, true);
    const outcome = has('outcome') ? (read('outcome', parseOutcome, false) ?? 'open') : 'open';
    let closed = read('closed', parseMonth, false);
    const stageReached = read('stageReached', parseStageReached, false);
    const discount = read('discount', (text) => parseDiscount(text, percent), false);

    if (outcome === 'open') {
      // An open deal's close date, if any, is an expected one.
      closed = null;
    } else if (has('closed') && closed === null && cell(row.fields, 'closed') === '') {
      rowIssues.push({ line: row.line, column: match.label.closed, message: `is empty, but a ${outcome} deal needs its close date` });
    } else if (closed !== null && opened !== null && closed < opened) {
      rowIssues.push({ line: row.line, column: match.label.closed, message: `is before the ${match.label.opened} date` });
    }

    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      continue;
    }
    deals.push({
      line: row.line,
      account: cell(row.fields, 'account'),
      stream: stream!,
      type: type!,
      value: value!,
      opened: opened!,
      closed,
      outcome,
      stageReached,
      discount,
    });
  }

  if (table.rows.length === 0) issues.unshift({ message: 'has a header but no deals' });
  const values = deals.map((deal) => deal.value).sort((a, b) => a - b);
  const median = values.length > 0 ? values[Math.floor(values.length / 2)]! : 0;
  if (median > IMPLAUSIBLE_MEDIAN_VALUE) {
    issues.unshift({
      column: match.label.value,
      message: `the median deal is ${median.toExponential(2)} $M: the values look like ${unit === 'M' ? 'dollars or thousands' : 'a smaller unit'} (use --value-unit ${unit === 'M' ? '1 or k' : '1'})`,
    });
  }
  return {
    history: {
      source,
      deals,
      columns: { account: has('account'), closed: has('closed'), outcome: has('outcome'), stageReached: has('stageReached'), discount: has('discount') },
      notes,
    },
    issues,
  };
}
