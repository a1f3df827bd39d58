/**
 * The per-trial outcomes as CSV (`--trials-csv`): one row per trial, the
 * account first, then each strategy's columns prefixed `ato_` / `fitd_`, then
 * the paired NPV difference. Months are −1 where the event never happened.
 */
import { ACCOUNT_COLUMNS, columnSetOf, STRATEGY_COLUMNS, type OutcomeTable } from '../engine/outcome-table.ts';
import { STRATEGIES } from '../scenario/vocabulary.ts';

function formatCell(value: number, single: boolean): string {
  return single ? String(Number(value.toPrecision(7))) : String(value);
}

/** CSV of a table in chunks of about `rows` lines (header first, `\n` line ends), for files of any size. */
export function* trialsCsvChunks(table: OutcomeTable, rows = 5000): Generator<string> {
  if (columnSetOf(table) !== 'all') throw new Error('trialsCsvChunks: the table was run without its CSV columns (columns: "all")');
  const columns = [
    ...ACCOUNT_COLUMNS.map((c) => ({ header: c.name, data: table.columns[c.name]!, single: c.type === 'f32' })),
    ...STRATEGIES.flatMap((strategy) =>
      STRATEGY_COLUMNS.map((c) => ({ header: `${strategy}_${c.name}`, data: table.columns[`${strategy}.${c.name}`]!, single: c.type === 'f32' })),
    ),
  ];
  const ato = table.columns['ato.npv']!;
  const fitd = table.columns['fitd.npv']!;
  let lines = [['trial', ...columns.map((c) => c.header), 'npvDiff'].join(',')];
  for (let row = 0; row < table.count; row++) {
    const cells = [String(table.start + row)];
    for (const column of columns) cells.push(formatCell(column.data[row]!, column.single));
    cells.push(String(ato[row]! - fitd[row]!));
    lines.push(cells.join(','));
    if (lines.length >= rows) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

/** CSV text of a (small) table. */
export function formatTrialsCsv(table: OutcomeTable): string {
  return [...trialsCsvChunks(table)].join('');
}
