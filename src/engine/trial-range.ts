/**
 * What running a range of trials needs whichever engine plays them: the
 * table, the strategies' recorders, the variants and contrasts resolved, and
 * the contrasts' recording, for the trial loop (trial-loop.ts).
 */
import type { ModelParameters } from '../model/parameters.ts';
import { gridValue, VALUATION_RATE_COUNT } from '../model/valuation-grid.ts';
import { createOutcomeTable, createStrategyRecorder, type OutcomeTable, type StrategyRecorder } from './outcome-table.ts';
import type { TrialOutcome } from './trial-outcome.ts';
import { recordDifference, recordVariant, RUN_GRID_KEY, valuationGridCells, variantSumKeys, type CompiledVariant, type Contrast, type VariantSums } from './variants.ts';

/** Called every few hundred trials with the number done so far in this range. */
export type ProgressCallback = (trialsDone: number) => void;

export interface TrialRunOptions {
  onProgress?: ProgressCallback;
  /** Variants played on the same worlds (see variants.ts). */
  variants?: readonly CompiledVariant[];
  /** Variants run only on trials below this index (default: all). */
  variantTrials?: number;
  /** Weighted sums of variant changes, measured per trial (see variants.ts). */
  contrasts?: readonly Contrast[];
  /** The pair the variants compare, as indices into params.strategies: A and B (default: the first non-baseline strategy and the baseline). */
  pair?: readonly [number, number];
  /** Record into this table (e.g. a view into a run's shared columns) instead of a new one; it must hold exactly these trials. */
  table?: OutcomeTable;
  /** `js` plays the trials on the JavaScript reference even where the WebAssembly kernel is available (default: the kernel where available). */
  engine?: 'kernel' | 'js';
}

export const PROGRESS_EVERY = 256;

export interface TrialRange {
  params: ModelParameters;
  seed: number;
  start: number;
  count: number;
  table: OutcomeTable;
  recorders: StrategyRecorder[];
  variants: readonly CompiledVariant[];
  variantTrials: number;
  contrasts: readonly Contrast[];
  /** Each contrast's terms as indices into `variants`. */
  contrastTerms: { index: number; weight: number }[][];
  /** The compared pair's indices. */
  first: number;
  second: number;
  /** The run's own valuation grid: its cells and the table's sums of each, looked up once. */
  runGrid: { cell: ReturnType<typeof valuationGridCells>[number]; sums: VariantSums }[];
  onProgress?: ProgressCallback;
}

/** The pair compared by default: the first strategy that is not the baseline, and the baseline. */
export function defaultPair(params: Pick<ModelParameters, 'strategies' | 'baseline'>): [number, number] {
  const first = params.strategies.findIndex((_, index) => index !== params.baseline);
  return [first, params.baseline];
}

export function planTrialRange(params: ModelParameters, seed: number, start: number, count: number, options: TrialRunOptions): TrialRange {
  const horizon = params.horizonMonths;
  const variants = options.variants ?? [];
  const contrasts = options.contrasts ?? [];
  const keys = params.strategies.map((strategy) => strategy.key);
  const table = options.table ?? createOutcomeTable(start, count, horizon, keys, variantSumKeys(variants.map((v) => ({ key: v.key, valuationGrid: v.gridCells.length > 0 })), contrasts));
  if (table.start !== start || table.count !== count || table.horizonMonths !== horizon) throw new Error(`runTrials: the table holds trials ${table.start}… (${table.count}), not ${start}… (${count})`);
  const variantIndex = new Map(variants.map((v, i) => [v.key, i]));
  const contrastTerms = contrasts.map((c) =>
    c.terms.map((term) => {
      const index = variantIndex.get(term.variant);
      if (index === undefined) throw new Error(`contrast ${c.key} names an unknown variant ${term.variant}`);
      return { index, weight: term.weight };
    }),
  );
  const [first, second] = options.pair ?? defaultPair(params);
  return {
    params,
    seed,
    start,
    count,
    table,
    recorders: keys.map((key) => createStrategyRecorder(table, key)),
    variants,
    variantTrials: options.variantTrials ?? Number.POSITIVE_INFINITY,
    contrasts,
    contrastTerms,
    first,
    second,
    runGrid: valuationGridCells(RUN_GRID_KEY).map((cell) => {
      const sums = table.variants[cell.key];
      if (sums === undefined) throw new Error(`runTrials: the table keeps no sums for ${cell.key}`);
      return { cell, sums };
    }),
    onProgress: options.onProgress,
  };
}

/** Records each contrast of one trial from the variants' NPVs of the pair (variantA, variantB) and the base run's (npv). */
export function recordContrasts(range: TrialRange, variantA: Float64Array, variantB: Float64Array, npv: Float64Array): void {
  const { first, second } = range;
  for (let c = 0; c < range.contrasts.length; c++) {
    let aChange = 0;
    let bChange = 0;
    for (const { index, weight } of range.contrastTerms[c]!) {
      aChange += weight * (variantA[index]! - npv[first]!);
      bChange += weight * (variantB[index]! - npv[second]!);
    }
    recordVariant(range.table.variants[range.contrasts[c]!.key]!, npv[first]! + aChange, npv[second]! + bChange, npv[first]!, npv[second]!);
  }
}

/** Reports progress every PROGRESS_EVERY trials and at the end. */
export function reportProgress(range: TrialRange, trial: number): void {
  const done = trial - range.start + 1;
  if (range.onProgress && (done % PROGRESS_EVERY === 0 || done === range.count)) range.onProgress(done);
}

/** A copy of one outcome's valuation grid (its cash and run-rate terminal value at each grid rate). */
export interface Grid {
  cash: Float64Array;
  terminal: Float64Array;
}

export function createGrid(): Grid {
  return { cash: new Float64Array(VALUATION_RATE_COUNT), terminal: new Float64Array(VALUATION_RATE_COUNT) };
}

export function copyGrid(outcome: TrialOutcome, into: Grid): void {
  into.cash.set(outcome.cashValueAtRate);
  into.terminal.set(outcome.terminalValueAtRate);
}

/**
 * Records the pair's difference A − B on one trial in each cell of the run's
 * own valuation grid (variants.ts, RUN_GRID_KEY), and nothing else: the check
 * reads only the difference, and this runs on every trial.
 */
export function recordRunGrid(range: TrialRange, baseA: Grid, baseB: Grid): void {
  for (const { cell, sums } of range.runGrid) {
    recordDifference(sums, gridValue(baseA.cash, baseA.terminal, cell.rate, cell.terminal) - gridValue(baseB.cash, baseB.terminal, cell.rate, cell.terminal));
  }
}

/**
 * Records a grid variant's pair difference in each of its valuation-grid cells,
 * against the base run's pair valued in the same cell (variants.ts, valuationGrid).
 */
export function recordGridCells(range: TrialRange, variant: CompiledVariant, variantA: Grid, variantB: Grid, baseA: Grid, baseB: Grid): void {
  for (const cell of variant.gridCells) {
    const at = (values: Grid) => gridValue(values.cash, values.terminal, cell.rate, cell.terminal);
    recordVariant(range.table.variants[cell.key]!, at(variantA), at(variantB), at(baseA), at(baseB));
  }
}
