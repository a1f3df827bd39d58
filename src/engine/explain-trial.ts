/**
 * One trial replayed with its story recorded, for `expansim explain`: the
 * account drawn, and what each strategy did month by month on that world.
 */
import { drawBarriers } from '../model/account.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { BARRIER_COUNT } from '../scenario/vocabulary.ts';
import { createPolicyState } from './policy-state.ts';
import { createPolicyTrace, type PolicyTrace } from './policy-trace.ts';
import { runPolicy } from './run-policy.ts';
import { createTrialOutcome, type TrialOutcome } from './trial-outcome.ts';
import { createWorld, generateWorld } from './world.ts';

export interface TrialStory {
  trial: number;
  wallet: number;
  barriers: number[];
  opportunities: number;
  /** By strategy key, in the scenario's order. */
  strategies: Record<string, { outcome: TrialOutcome; trace: PolicyTrace }>;
}

/** Replays trial `trial` of a scenario seeded `seed` under both strategies, recording their stories. */
export function explainTrial(params: ModelParameters, seed: number, trial: number): TrialStory {
  const world = generateWorld(params, seed, trial, createWorld(params.horizonMonths));
  const barriers = new Float64Array(BARRIER_COUNT);
  drawBarriers(params, world.barrierCommonNormal, world.barrierNormals, barriers);
  const state = createPolicyState(params.horizonMonths);
  const strategies = Object.fromEntries(
    params.strategies.map((strategy) => {
      const trace = createPolicyTrace();
      const outcome = runPolicy(params, strategy, world, state, createTrialOutcome(params.horizonMonths), trace);
      return [strategy.key, { outcome, trace }];
    }),
  );
  return { trial, wallet: world.wallet, barriers: Array.from(barriers), opportunities: world.opportunityCount, strategies };
}
