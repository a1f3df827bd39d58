/**
 * The per-trial outcomes as CSV (`--trials-csv`): one row per trial, the
 * account first, then each strategy's columns prefixed with its key (`ato_`,
 * `fitd_`, …), then the paired NPV difference of each strategy against the
 * baseline: `npvDiff` with two strategies, `npvDiff_<key>` with more. A month
 * cell is empty where the event never happened (the table's −1 would pull a
 * spreadsheet's average of the column down).
 */
import { ACCOUNT_COLUMNS, columnSetOf, STRATEGY_COLUMNS, strategyColumn, type OutcomeTable, type StrategyColumnName } from '../engine/outcome-table.ts';

/** Columns that hold a month, −1 for "never". */
const MONTH_COLUMNS: ReadonlySet<StrategyColumnName> = new Set(['firstDownstreamWin', 'firstMidstreamWin', 'firstUpstreamWin', 'midstreamOpened', 'upstreamOpened', 'churnMonth']);

function formatCell(value: number, single: boolean, month: boolean): string {
  if (month && value < 0) return '';
  return single ? String(Number(value.toPrecision(7))) : String(value);
}

/** CSV of a table in chunks of about `rows` lines (header first, `\n` line ends), for files of any size. */
export function* trialsCsvChunks(table: OutcomeTable, baseline: string, rows = 5000): Generator<string> {
  if (columnSetOf(table) !== 'all') throw new Error('trialsCsvChunks: the table was run without its CSV columns (columns: "all")');
  const columns = [
    ...ACCOUNT_COLUMNS.map((c) => ({ header: c.name, data: table.columns[c.name]!, single: c.type === 'f32', month: false })),
    ...table.strategies.flatMap((strategy) =>
      STRATEGY_COLUMNS.map((c) => ({ header: `${strategy}_${c.name}`, data: strategyColumn(table, strategy, c.name), single: false, month: MONTH_COLUMNS.has(c.name) })),
    ),
  ];
  const base = strategyColumn(table, baseline, 'npv');
  const others = table.strategies.filter((strategy) => strategy !== baseline);
  const differences = others.map((strategy) => ({ header: others.length === 1 ? 'npvDiff' : `npvDiff_${strategy}`, npv: strategyColumn(table, strategy, 'npv') }));
  let lines = [['trial', ...columns.map((c) => c.header), ...differences.map((d) => d.header)].join(',')];
  for (let row = 0; row < table.count; row++) {
    const cells = [String(table.start + row)];
    for (const column of columns) cells.push(formatCell(column.data[row]!, column.single, column.month));
    for (const difference of differences) cells.push(String(difference.npv[row]! - base[row]!));
    lines.push(cells.join(','));
    if (lines.length >= rows) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

/** CSV text of a (small) table. */
export function formatTrialsCsv(table: OutcomeTable, baseline: string): string {
  return [...trialsCsvChunks(table, baseline)].join('');
}
