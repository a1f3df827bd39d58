/**
 * Runs a contiguous range of trials: for each trial, generate its world once
 * and evaluate ATO and FITD on it (common random numbers), recording the
 * outcomes in a table. Pure and synchronous; workers and shards call this.
 */
import { drawBarriers } from '../model/account.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { BARRIER_COUNT, STRATEGIES, STREAM_COUNT } from '../scenario/vocabulary.ts';
import { createOutcomeTable, createStrategyRecorder, recordAccount, recordOutcome, type OutcomeTable } from './outcome-table.ts';
import { createPolicyState } from './policy-state.ts';
import { runPolicy } from './run-policy.ts';
import { createTrialOutcome } from './trial-outcome.ts';
import { createWorld, generateWorld } from './world.ts';

/** Called every few hundred trials with the number done so far in this range. */
export type ProgressCallback = (trialsDone: number) => void;

const PROGRESS_EVERY = 256;

/** Runs trials `start … start + count − 1` of a scenario seeded `seed`. */
export function runTrials(params: ModelParameters, seed: number, start: number, count: number, onProgress?: ProgressCallback): OutcomeTable {
  const horizon = params.horizonMonths;
  const table = createOutcomeTable(start, count, horizon);
  const world = createWorld(horizon);
  const state = createPolicyState(horizon);
  const outcome = createTrialOutcome(horizon);
  const barriers = new Float64Array(BARRIER_COUNT);
  const walletByStream = new Float64Array(STREAM_COUNT);
  const recorders = STRATEGIES.map((name) => createStrategyRecorder(table, name));

  for (let trial = start; trial < start + count; trial++) {
    generateWorld(params, seed, trial, world);
    drawBarriers(params, world.barrierCommonNormal, world.barrierNormals, barriers);
    recordAccount(table, trial, world.wallet, barriers);
    for (let s = 0; s < STREAM_COUNT; s++) walletByStream[s] = (params.walletShare[s]! * world.wallet * horizon) / 12;
    for (let index = 0; index < STRATEGIES.length; index++) {
      runPolicy(params, params.strategies[index]!, world, state, outcome);
      recordOutcome(recorders[index]!, trial, outcome, walletByStream);
    }
    const done = trial - start + 1;
    if (onProgress && (done % PROGRESS_EVERY === 0 || done === count)) onProgress(done);
  }
  return table;
}
