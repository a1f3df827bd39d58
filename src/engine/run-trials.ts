/**
 * Runs a contiguous range of trials: for each trial, generate its world once
 * and evaluate every strategy on it (common random numbers), then every
 * variant on the same world for the compared pair, recording the outcomes in
 * a table. Pure and synchronous; workers and shards call this. The
 * WebAssembly kernel plays the trials where it is available
 * (run-trials-on-kernel.ts); this file's loop is the JavaScript reference.
 */
import { drawBarriers } from '../model/account.ts';
import { BARRIER_COUNT, STREAM_COUNT } from '../scenario/vocabulary.ts';
import { recordAccount, recordOutcome, type OutcomeTable } from './outcome-table.ts';
import { createPolicyState, type PolicyState } from './policy-state.ts';
import { runPolicy } from './run-policy.ts';
import { runTrialsOnKernel } from './run-trials-on-kernel.ts';
import { copyGrid, createGrid, planTrialRange, recordContrasts, recordGridCells, reportProgress, type TrialRange, type TrialRunOptions } from './trial-range.ts';
import { createTrialOutcome, type TrialOutcome } from './trial-outcome.ts';
import { recordVariant } from './variants.ts';
import { kernelModule } from './wasm-kernel.ts';
import { createWorld, generateWorld, type World } from './world.ts';
import type { ModelParameters } from '../model/parameters.ts';

export { defaultPair, type ProgressCallback, type TrialRunOptions } from './trial-range.ts';

/** Scratch for one horizon: a world, a policy state and an outcome, reused across trials. */
interface Scratch {
  world: World;
  state: PolicyState;
  outcome: TrialOutcome;
}

function createScratch(horizon: number): Scratch {
  return { world: createWorld(horizon), state: createPolicyState(horizon), outcome: createTrialOutcome(horizon) };
}

/** Runs trials `start … start + count − 1` of a scenario seeded `seed`. */
export function runTrials(params: ModelParameters, seed: number, start: number, count: number, options: TrialRunOptions = {}): OutcomeTable {
  const range = planTrialRange(params, seed, start, count, options);
  const kernel = options.engine === 'js' ? undefined : kernelModule();
  if (kernel !== undefined) runTrialsOnKernel(kernel, range);
  else runTrialsOnReference(range);
  return range.table;
}

/** The JavaScript reference: generateWorld and runPolicy for every plan and every variant's pair. */
export function runTrialsOnReference(range: TrialRange): void {
  const { params, seed, start, count, table, recorders, variants, variantTrials, first, second } = range;
  const horizon = params.horizonMonths;
  const variantA = new Float64Array(variants.length);
  const variantB = new Float64Array(variants.length);
  const base = createScratch(horizon);
  const variantScratch = variants.map((v) => (v.sharesBaseWorld ? base : createScratch(v.params.horizonMonths)));
  const barriers = new Float64Array(BARRIER_COUNT);
  const walletByStream = new Float64Array(STREAM_COUNT);
  const npv = new Float64Array(params.strategies.length);
  // The pair's valuation grids on the base world and a grid variant's (copied, since the next run reuses the outcome).
  const anyGrid = variants.some((v) => v.gridCells.length > 0);
  const grids = { baseA: createGrid(), baseB: createGrid(), variantA: createGrid(), variantB: createGrid() };

  for (let trial = start; trial < start + count; trial++) {
    const { world, state, outcome } = base;
    generateWorld(params, seed, trial, world);
    drawBarriers(params, world.barrierCommonNormal, world.barrierNormals, barriers);
    recordAccount(table, trial, world.wallet, barriers);
    for (let s = 0; s < STREAM_COUNT; s++) walletByStream[s] = (params.walletShare[s]! * world.wallet * horizon) / 12;
    for (let index = 0; index < params.strategies.length; index++) {
      runPolicy(params, params.strategies[index]!, world, state, outcome);
      recordOutcome(recorders[index]!, trial, outcome, walletByStream);
      npv[index] = outcome.npv;
      if (anyGrid && trial < variantTrials && index === first) copyGrid(outcome, grids.baseA);
      if (anyGrid && trial < variantTrials && index === second) copyGrid(outcome, grids.baseB);
    }
    if (trial < variantTrials) {
      for (let v = 0; v < variants.length; v++) {
        const variant = variants[v]!;
        const scratch = variantScratch[v]!;
        if (!variant.sharesBaseWorld) generateWorld(variant.params, seed, trial, scratch.world);
        const a = runPolicy(variant.params, variant.params.strategies[first]!, scratch.world, scratch.state, scratch.outcome).npv;
        if (variant.gridCells.length > 0) copyGrid(scratch.outcome, grids.variantA);
        const b = runPolicy(variant.params, variant.params.strategies[second]!, scratch.world, scratch.state, scratch.outcome).npv;
        recordVariant(table.variants[variant.key]!, a, b, npv[first]!, npv[second]!);
        if (variant.gridCells.length > 0) {
          copyGrid(scratch.outcome, grids.variantB);
          recordGridCells(range, variant, grids.variantA, grids.variantB, grids.baseA, grids.baseB);
        }
        variantA[v] = a;
        variantB[v] = b;
      }
      recordContrasts(range, variantA, variantB, npv);
    }
    reportProgress(range, trial);
  }
}
