/**
 * The columns a deal history may have and the spellings CRM exports use for
 * them. Header names are matched case-insensitively, with spaces, dashes and
 * dots read as underscores (`Close Date` = `close_date`).
 */

export const DEAL_COLUMNS = ['account', 'stream', 'type', 'value', 'opened', 'closed', 'outcome', 'stageReached', 'discount'] as const;
export type DealColumn = (typeof DEAL_COLUMNS)[number];

/** Columns without which no deal can be read. */
export const REQUIRED_COLUMNS: readonly DealColumn[] = ['stream', 'type', 'value', 'opened'];

/** Accepted header spellings per column (normalized: lower case, `_` between words). */
export const COLUMN_ALIASES: Record<DealColumn, readonly string[]> = {
  account: ['account', 'account_name', 'account_id', 'customer', 'client', 'company'],
  stream: ['stream', 'business_line', 'line_of_business', 'category', 'practice'],
  type: ['type', 'project_type', 'opportunity_type', 'deal_type'],
  value: ['value', 'amount', 'deal_value', 'deal_size', 'total_value', 'opportunity_amount'],
  opened: ['opened', 'created_date', 'open_date', 'opened_date', 'created', 'created_at', 'create_date', 'date_opened'],
  closed: ['closed', 'close_date', 'closed_date', 'closed_at', 'date_closed'],
  outcome: ['outcome', 'stage', 'status', 'result', 'deal_stage', 'won_lost'],
  stageReached: ['stage_reached', 'stages_reached', 'max_stage', 'furthest_stage', 'highest_stage', 'last_stage'],
  discount: ['discount', 'discount_pct', 'discount_percent', 'discount_rate'],
};

/**
 * A header cell in the form aliases are written in.
 *
 * @example normalizeHeader(' Close Date ') // => 'close_date'
 */
export function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/^_+|_+$/g, '');
}

export interface ColumnMatch {
  /** Field index of each column found. */
  index: Partial<Record<DealColumn, number>>;
  /** The header as written in the file, per column found (for messages). */
  label: Partial<Record<DealColumn, string>>;
  /** Header cells that are none of the columns (ignored). */
  ignored: string[];
  problems: string[];
}

/** Finds each deal column in a header row; a missing required column or two spellings of one column is a problem. */
export function matchDealColumns(header: readonly string[]): ColumnMatch {
  const match: ColumnMatch = { index: {}, label: {}, ignored: [], problems: [] };
  header.forEach((cell, i) => {
    const name = normalizeHeader(cell);
    const column = DEAL_COLUMNS.find((candidate) => COLUMN_ALIASES[candidate].includes(name));
    if (!column) {
      if (name !== '') match.ignored.push(cell.trim());
      return;
    }
    if (match.index[column] !== undefined) {
      match.problems.push(`columns "${match.label[column]}" and "${cell.trim()}" both give the ${column}: keep one`);
      return;
    }
    match.index[column] = i;
    match.label[column] = cell.trim();
  });
  for (const column of REQUIRED_COLUMNS) {
    if (match.index[column] === undefined) {
      match.problems.push(`no ${column} column (accepted names: ${COLUMN_ALIASES[column].join(', ')})`);
    }
  }
  return match;
}
