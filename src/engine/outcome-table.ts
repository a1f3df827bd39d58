/**
 * Per-trial outcomes as columns of typed arrays (no per-trial objects), plus
 * exact sums for everything only its mean is needed of. Tables from chunks,
 * workers or shards concatenate in trial order; sums merge exactly.
 */
import { FUNNEL_STEP_COUNT, type TrialOutcome } from './trial-outcome.ts';
import { addExact, mergeExact, type ExactSumState } from './exact-sum.ts';
import { createVariantSums, mergeVariantSums, type VariantSums } from './variants.ts';
import {
  BARRIERS,
  DOWNSTREAM,
  MIDSTREAM,
  PROJECT_TYPE_COUNT,
  STREAM_COUNT,
  UPSTREAM,
} from '../scenario/vocabulary.ts';

type ColumnArray = Float64Array | Float32Array | Int32Array | Int16Array;
type ColumnType = 'f64' | 'f32' | 'i32' | 'i16';

const ARRAYS = { f64: Float64Array, f32: Float32Array, i32: Int32Array, i16: Int16Array } as const;

interface ColumnSpec<Name extends string = string> {
  name: Name;
  type: ColumnType;
  read: (outcome: TrialOutcome) => number;
  /** Kept only for the per-trial CSV and shard partials: no statistic reads it. */
  csvOnly?: boolean;
}

/**
 * Which per-trial columns a table keeps: `all`, or `summary` — only those the
 * statistics read, leaving out the CSV-only ones (each strategy's cost of
 * sale and valuation grid, 112 bytes a trial with two) when no per-trial CSV
 * is wanted.
 */
export type ColumnSet = 'all' | 'summary';

/** Per-trial columns kept for each strategy, in CSV order. Months are −1 for "never". */
export const STRATEGY_COLUMNS = [
  { name: 'npv', type: 'f64', read: (o) => o.npv },
  { name: 'revenue', type: 'f64', read: (o) => o.revenue },
  { name: 'grossMargin', type: 'f64', read: (o) => o.grossMargin },
  { name: 'costOfSale', type: 'f64', read: (o) => o.costOfSale, csvOnly: true },
  { name: 'firstDownstreamWin', type: 'i16', read: (o) => o.firstWinMonth[DOWNSTREAM]! },
  { name: 'firstMidstreamWin', type: 'i16', read: (o) => o.firstWinMonth[MIDSTREAM]! },
  { name: 'firstUpstreamWin', type: 'i16', read: (o) => o.firstWinMonth[UPSTREAM]! },
  { name: 'midstreamOpened', type: 'i16', read: (o) => o.openedMonth[MIDSTREAM]! },
  { name: 'upstreamOpened', type: 'i16', read: (o) => o.openedMonth[UPSTREAM]! },
  { name: 'churnMonth', type: 'i16', read: (o) => o.churnMonth },
  { name: 'deliveryFailures', type: 'i32', read: (o) => o.deliveryFailures },
  { name: 'dealsWon', type: 'i32', read: (o) => o.dealsWon },
  { name: 'trapMonths', type: 'i16', read: (o) => o.trapMonths },
  // The valuation check's grid (model/valuation-grid.ts): NPV without terminal value, and the run-rate terminal value, at its three rates.
  // The check itself reads the run's grid sums (variants.ts, RUN_GRID_KEY), so these 48 bytes a trial per strategy are kept for the CSV only.
  { name: 'cashValueRate0', type: 'f64', read: (o) => o.cashValueAtRate[0]!, csvOnly: true },
  { name: 'cashValueRate1', type: 'f64', read: (o) => o.cashValueAtRate[1]!, csvOnly: true },
  { name: 'cashValueRate2', type: 'f64', read: (o) => o.cashValueAtRate[2]!, csvOnly: true },
  { name: 'terminalValueRate0', type: 'f64', read: (o) => o.terminalValueAtRate[0]!, csvOnly: true },
  { name: 'terminalValueRate1', type: 'f64', read: (o) => o.terminalValueAtRate[1]!, csvOnly: true },
  { name: 'terminalValueRate2', type: 'f64', read: (o) => o.terminalValueAtRate[2]!, csvOnly: true },
] as const satisfies readonly ColumnSpec[];

/** A per-strategy column's name: `npv`, `churnMonth`, … (a typo is a compile error). */
export type StrategyColumnName = (typeof STRATEGY_COLUMNS)[number]['name'];
/** The per-strategy columns every table keeps (the CSV-only ones aside). */
export type SummaryColumnName = Exclude<StrategyColumnName, Extract<(typeof STRATEGY_COLUMNS)[number], { csvOnly: true }>['name']>;

/** Per-trial columns of the account itself (the same under both strategies); who-wins-where reads them. */
export const ACCOUNT_COLUMNS: readonly { name: string; type: ColumnType; csvOnly?: boolean }[] = [
  { name: 'wallet', type: 'f64' },
  ...BARRIERS.map((name) => ({ name, type: 'f32' as const })),
];

/** The column set a table was made with. */
export function columnSetOf(table: Pick<OutcomeTable, 'columns' | 'strategies'>): ColumnSet {
  return `${table.strategies[0]}.costOfSale` in table.columns ? 'all' : 'summary';
}

/** Sums kept exactly per strategy: name → how many values. */
export const STRATEGY_SUMS = {
  revenueByStream: STREAM_COUNT,
  dealRevenueByStream: STREAM_COUNT,
  marginByStream: STREAM_COUNT,
  costByStream: STREAM_COUNT,
  shareOfWallet: STREAM_COUNT,
  buildCost: 1,
  failureLoss: 1,
  lostWallet: 1,
  terminalValue: 1,
  funnel: PROJECT_TYPE_COUNT * FUNNEL_STEP_COUNT,
} as const;
export type StrategySumName = keyof typeof STRATEGY_SUMS;

export interface OutcomeTable {
  /** First trial index and number of trials held. */
  start: number;
  count: number;
  horizonMonths: number;
  /** The strategies' keys, in the scenario's order: the columns of each are `<key>.<column>`. */
  strategies: readonly string[];
  /** Columns by name: `wallet`, `functionalWalls`, …, `beachhead.npv`, `hold.churnMonth`, … (read a strategy's with strategyColumn). */
  columns: Record<string, ColumnArray>;
  /** Exact sums by name: `beachhead.funnel` holds one partials list per value. */
  sums: Record<string, ExactSumState[]>;
  /** Discounted cumulative cash per month for the first trials (the fan-chart sample), trial-major. */
  cashPaths: Record<string, Float32Array>;
  /** How many trials of this table are in the fan-chart sample. */
  cashPathCount: number;
  /** Sums of each variant run on this table's worlds (see variants.ts), by variant key. */
  variants: Record<string, VariantSums>;
}

/** Trials whose monthly cash path is kept for the fan chart (the first ones by index). */
export const CASH_PATH_SAMPLE = 10_000;

/** Where a table's columns live: ordinary memory, or memory shared with worker threads. */
export type TableMemory = 'private' | 'shared';

function allocate<T extends ColumnType>(type: T, length: number, memory: TableMemory): ColumnArray {
  const Array = ARRAYS[type];
  // (TypeScript's lib types the constructors with ArrayBuffer only; a SharedArrayBuffer is accepted at run time.)
  return memory === 'shared' ? new Array(new SharedArrayBuffer(length * Array.BYTES_PER_ELEMENT) as unknown as ArrayBuffer) : new Array(length);
}

function createSums(strategies: readonly string[]): Record<string, ExactSumState[]> {
  const sums: Record<string, ExactSumState[]> = {};
  for (const strategy of strategies) {
    for (const [name, size] of Object.entries(STRATEGY_SUMS)) sums[`${strategy}.${name}`] = Array.from({ length: size }, () => []);
  }
  return sums;
}

export interface TableLayout {
  /** Per-trial columns to keep (default all). */
  columns?: ColumnSet;
  /** Ordinary or shared memory (default ordinary). */
  memory?: TableMemory;
}

export function createOutcomeTable(
  start: number,
  count: number,
  horizonMonths: number,
  strategies: readonly string[],
  variantKeys: readonly string[] = [],
  layout: TableLayout = {},
): OutcomeTable {
  const { columns: set = 'all', memory = 'private' } = layout;
  const kept = (spec: { name: string; csvOnly?: boolean }) => set === 'all' || !spec.csvOnly;
  const columns: Record<string, ColumnArray> = {};
  for (const spec of ACCOUNT_COLUMNS.filter(kept)) columns[spec.name] = allocate(spec.type, count, memory);
  for (const strategy of strategies) {
    for (const spec of STRATEGY_COLUMNS.filter(kept)) columns[`${strategy}.${spec.name}`] = allocate(spec.type, count, memory);
  }
  const cashPathCount = Math.max(0, Math.min(start + count, CASH_PATH_SAMPLE) - start);
  return {
    start,
    count,
    horizonMonths,
    strategies,
    columns,
    sums: createSums(strategies),
    cashPaths: Object.fromEntries(strategies.map((strategy) => [strategy, allocate('f32', cashPathCount * horizonMonths, memory) as Float32Array])),
    cashPathCount,
    variants: Object.fromEntries(variantKeys.map((key) => [key, createVariantSums()])),
  };
}

/**
 * A table of trials `start … start + count − 1` whose columns are views into
 * `total`'s (no copy) and whose sums start empty: a chunk records into the
 * run's own columns, and only its sums are merged back (mergeOutcomeSums).
 */
export function outcomeTableView(total: Omit<OutcomeTable, 'sums' | 'variants'>, start: number, count: number, variantKeys: readonly string[] = []): OutcomeTable {
  if (start < total.start || start + count > total.start + total.count) {
    throw new Error(`outcomeTableView: trials ${start}…${start + count - 1} fall outside the table`);
  }
  const offset = start - total.start;
  const columns = Object.fromEntries(Object.entries(total.columns).map(([name, column]) => [name, column.subarray(offset, offset + count)]));
  const cashPathCount = Math.max(0, Math.min(offset + count, total.cashPathCount) - offset);
  const cashPath = (paths: Float32Array) => paths.subarray(offset * total.horizonMonths, (offset + cashPathCount) * total.horizonMonths);
  return {
    start,
    count,
    horizonMonths: total.horizonMonths,
    strategies: total.strategies,
    columns,
    sums: createSums(total.strategies),
    cashPaths: Object.fromEntries(total.strategies.map((strategy) => [strategy, cashPath(total.cashPaths[strategy]!)])),
    cashPathCount,
    variants: Object.fromEntries(variantKeys.map((key) => [key, createVariantSums()])),
  };
}

/** One strategy's column of a table; a column the table does not keep is a programmer error. */
export function strategyColumn(table: Pick<OutcomeTable, 'columns'>, strategy: string, name: StrategyColumnName): ColumnArray {
  const column = table.columns[`${strategy}.${name}`];
  if (column === undefined) throw new Error(`the outcome table has no column ${strategy}.${name}`);
  return column;
}

/** Records the account of trial `trial` (absolute index). */
export function recordAccount(table: OutcomeTable, trial: number, wallet: number, barriers: Float64Array): void {
  if (table.columns.wallet === undefined) return;
  const row = trial - table.start;
  table.columns.wallet[row] = wallet;
  BARRIERS.forEach((name, x) => (table.columns[name]![row] = barriers[x]!));
}

function addVector(sums: ExactSumState[], values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) addExact(sums[i]!, values[i]!);
}

/** Integer counts sum exactly in a double (below 2^53), so they keep a single partial. */
function addCounts(sums: ExactSumState[], counts: ArrayLike<number>): void {
  for (let i = 0; i < counts.length; i++) {
    const partials = sums[i]!;
    if (partials.length === 0) partials.push(counts[i]!);
    else partials[0]! += counts[i]!;
  }
}

function addScalar(sums: ExactSumState[], value: number): void {
  if (value !== 0) addExact(sums[0]!, value);
}

/** One strategy's columns and sums of a table, looked up once so recording does no name lookups. */
export interface StrategyRecorder {
  table: OutcomeTable;
  strategy: string;
  /** By STRATEGY_COLUMNS index; undefined where the table does not keep the column. */
  columns: (ColumnArray | undefined)[];
  sums: Record<StrategySumName, ExactSumState[]>;
  cashPaths: Float32Array;
}

export function createStrategyRecorder(table: OutcomeTable, strategy: string): StrategyRecorder {
  const sums = Object.fromEntries(Object.keys(STRATEGY_SUMS).map((name) => [name, table.sums[`${strategy}.${name}`]!])) as StrategyRecorder['sums'];
  return {
    table,
    strategy,
    columns: STRATEGY_COLUMNS.map((spec) => table.columns[`${strategy}.${spec.name}`]),
    sums,
    cashPaths: table.cashPaths[strategy]!,
  };
}

/** Records one strategy's outcome on trial `trial` (absolute index); `walletByStream` is ω_s·W·T/12. */
export function recordOutcome(recorder: StrategyRecorder, trial: number, outcome: TrialOutcome, walletByStream: Float64Array): void {
  const { table, sums } = recorder;
  const row = trial - table.start;
  for (let c = 0; c < STRATEGY_COLUMNS.length; c++) {
    const column = recorder.columns[c];
    if (column !== undefined) column[row] = STRATEGY_COLUMNS[c]!.read(outcome);
  }
  addVector(sums.revenueByStream, outcome.revenueByStream);
  addVector(sums.dealRevenueByStream, outcome.dealRevenueByStream);
  addVector(sums.marginByStream, outcome.marginByStream);
  addVector(sums.costByStream, outcome.costByStream);
  for (let s = 0; s < STREAM_COUNT; s++) {
    if (walletByStream[s]! > 0 && outcome.dealRevenueByStream[s] !== 0) addExact(sums.shareOfWallet[s]!, outcome.dealRevenueByStream[s]! / walletByStream[s]!);
  }
  addScalar(sums.buildCost, outcome.buildCost);
  addScalar(sums.failureLoss, outcome.failureLoss);
  addScalar(sums.lostWallet, outcome.lostWallet);
  addScalar(sums.terminalValue, outcome.terminalValue);
  addCounts(sums.funnel, outcome.funnel);
  if (row < table.cashPathCount) recorder.cashPaths.set(outcome.cumulativeCash, row * table.horizonMonths);
}

/** Merges a part's exact sums and variant sums into `total`'s (exact, so in any order). */
export function mergeOutcomeSums(total: Pick<OutcomeTable, 'sums' | 'variants'>, part: Pick<OutcomeTable, 'sums' | 'variants'>): void {
  for (const [name, partials] of Object.entries(part.sums)) partials.forEach((p, i) => mergeExact(total.sums[name]![i]!, p));
  for (const [key, sums] of Object.entries(part.variants)) {
    total.variants[key] ??= createVariantSums();
    mergeVariantSums(total.variants[key], sums);
  }
}

/** Copies a table of a sub-range into `total`, which covers it; sums are merged exactly. */
export function copyOutcomeTable(total: OutcomeTable, part: OutcomeTable): void {
  if (part.horizonMonths !== total.horizonMonths) throw new Error('copyOutcomeTable: tables have different horizons');
  if (part.start < total.start || part.start + part.count > total.start + total.count) {
    throw new Error(`copyOutcomeTable: trials ${part.start}…${part.start + part.count - 1} fall outside the table`);
  }
  const offset = part.start - total.start;
  for (const [name, column] of Object.entries(part.columns)) total.columns[name]!.set(column as never, offset);
  if (part.cashPathCount > 0) {
    for (const strategy of total.strategies) total.cashPaths[strategy]!.set(part.cashPaths[strategy]!, offset * total.horizonMonths);
  }
  mergeOutcomeSums(total, part);
}

/** Concatenates tables of adjacent trial ranges, in trial order; refuses gaps and overlaps. */
export function concatOutcomeTables(parts: readonly OutcomeTable[]): OutcomeTable {
  if (parts.length === 0) throw new Error('concatOutcomeTables requires at least one table');
  const ordered = [...parts].sort((a, b) => a.start - b.start);
  let expected = ordered[0]!.start;
  for (const part of ordered) {
    if (part.start !== expected) throw new Error(`concatOutcomeTables: trials from ${expected} are missing or overlap (next part starts at ${part.start})`);
    expected = part.start + part.count;
  }
  const set = columnSetOf(ordered[0]!);
  if (ordered.some((part) => columnSetOf(part) !== set)) throw new Error('concatOutcomeTables: tables keep different columns');
  const strategies = ordered[0]!.strategies;
  if (ordered.some((part) => part.strategies.join() !== strategies.join())) throw new Error('concatOutcomeTables: tables hold different strategies');
  const total = createOutcomeTable(ordered[0]!.start, expected - ordered[0]!.start, ordered[0]!.horizonMonths, strategies, Object.keys(ordered[0]!.variants), { columns: set });
  for (const part of ordered) copyOutcomeTable(total, part);
  return total;
}
