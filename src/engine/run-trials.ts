/**
 * Runs a contiguous range of trials: for each trial, generate its world once
 * and evaluate every strategy on it (common random numbers), then every
 * variant on the same world for the compared pair, recording the outcomes in
 * a table. Pure and synchronous;
 * workers and shards call this.
 */
import { drawBarriers } from '../model/account.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { BARRIER_COUNT, STREAM_COUNT } from '../scenario/vocabulary.ts';
import { createOutcomeTable, createStrategyRecorder, recordAccount, recordOutcome, type OutcomeTable } from './outcome-table.ts';
import { createPolicyState, type PolicyState } from './policy-state.ts';
import { runPolicy } from './run-policy.ts';
import { createTrialOutcome, type TrialOutcome } from './trial-outcome.ts';
import { gridValue, VALUATION_RATE_COUNT } from '../model/valuation-grid.ts';
import { recordVariant, variantSumKeys, type CompiledVariant, type Contrast } from './variants.ts';
import { createWorld, generateWorld, type World } from './world.ts';

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
}

const PROGRESS_EVERY = 256;

/** Scratch for one horizon: a world, a policy state and an outcome, reused across trials. */
interface Scratch {
  world: World;
  state: PolicyState;
  outcome: TrialOutcome;
}

function createScratch(horizon: number): Scratch {
  return { world: createWorld(horizon), state: createPolicyState(horizon), outcome: createTrialOutcome(horizon) };
}

/** A copy of one outcome's valuation grid. */
interface Grid {
  cash: Float64Array;
  terminal: Float64Array;
}

function grid(): Grid {
  return { cash: new Float64Array(VALUATION_RATE_COUNT), terminal: new Float64Array(VALUATION_RATE_COUNT) };
}

function copyGrid(outcome: TrialOutcome, into: Grid): void {
  into.cash.set(outcome.cashValueAtRate);
  into.terminal.set(outcome.terminalValueAtRate);
}

/** The pair compared by default: the first strategy that is not the baseline, and the baseline. */
export function defaultPair(params: Pick<ModelParameters, 'strategies' | 'baseline'>): [number, number] {
  const first = params.strategies.findIndex((_, index) => index !== params.baseline);
  return [first, params.baseline];
}

/** Runs trials `start … start + count − 1` of a scenario seeded `seed`. */
export function runTrials(params: ModelParameters, seed: number, start: number, count: number, options: TrialRunOptions = {}): OutcomeTable {
  const horizon = params.horizonMonths;
  const variants = options.variants ?? [];
  const variantTrials = options.variantTrials ?? Number.POSITIVE_INFINITY;
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
  const variantA = new Float64Array(variants.length);
  const variantB = new Float64Array(variants.length);
  const base = createScratch(horizon);
  const variantScratch = variants.map((v) => (v.sharesBaseWorld ? base : createScratch(v.params.horizonMonths)));
  const barriers = new Float64Array(BARRIER_COUNT);
  const walletByStream = new Float64Array(STREAM_COUNT);
  const recorders = keys.map((key) => createStrategyRecorder(table, key));
  const npv = new Float64Array(keys.length);
  // The pair's valuation grids, on the base world and on a grid variant's (A's is copied before B's run overwrites the outcome).
  const anyGrid = variants.some((v) => v.gridCells.length > 0);
  const baseGrid = { a: grid(), b: grid() };
  const variantGridA = grid();

  for (let trial = start; trial < start + count; trial++) {
    const { world, state, outcome } = base;
    generateWorld(params, seed, trial, world);
    drawBarriers(params, world.barrierCommonNormal, world.barrierNormals, barriers);
    recordAccount(table, trial, world.wallet, barriers);
    for (let s = 0; s < STREAM_COUNT; s++) walletByStream[s] = (params.walletShare[s]! * world.wallet * horizon) / 12;
    for (let index = 0; index < keys.length; index++) {
      runPolicy(params, params.strategies[index]!, world, state, outcome);
      recordOutcome(recorders[index]!, trial, outcome, walletByStream);
      npv[index] = outcome.npv;
      if (anyGrid && (index === first || index === second)) copyGrid(outcome, index === first ? baseGrid.a : baseGrid.b);
    }
    if (trial < variantTrials) {
      for (let v = 0; v < variants.length; v++) {
        const variant = variants[v]!;
        const scratch = variantScratch[v]!;
        if (!variant.sharesBaseWorld) generateWorld(variant.params, seed, trial, scratch.world);
        const a = runPolicy(variant.params, variant.params.strategies[first]!, scratch.world, scratch.state, scratch.outcome).npv;
        if (variant.gridCells.length > 0) copyGrid(scratch.outcome, variantGridA);
        const b = runPolicy(variant.params, variant.params.strategies[second]!, scratch.world, scratch.state, scratch.outcome).npv;
        recordVariant(table.variants[variant.key]!, a, b, npv[first]!, npv[second]!);
        for (const cell of variant.gridCells) {
          const at = (values: Grid) => gridValue(values.cash, values.terminal, cell.rate, cell.terminal);
          const b = gridValue(scratch.outcome.cashValueAtRate, scratch.outcome.terminalValueAtRate, cell.rate, cell.terminal);
          recordVariant(table.variants[cell.key]!, at(variantGridA), b, at(baseGrid.a), at(baseGrid.b));
        }
        variantA[v] = a;
        variantB[v] = b;
      }
      for (let c = 0; c < contrasts.length; c++) {
        let aChange = 0;
        let bChange = 0;
        for (const { index, weight } of contrastTerms[c]!) {
          aChange += weight * (variantA[index]! - npv[first]!);
          bChange += weight * (variantB[index]! - npv[second]!);
        }
        recordVariant(table.variants[contrasts[c]!.key]!, npv[first]! + aChange, npv[second]! + bChange, npv[first]!, npv[second]!);
      }
    }
    const done = trial - start + 1;
    if (options.onProgress && (done % PROGRESS_EVERY === 0 || done === count)) options.onProgress(done);
  }
  return table;
}
