/**
 * The deals a vendor's CRM would hold if the model were the world: every
 * opportunity the vendor saw and pursued (MODEL.md §3.3 step 8), with what was
 * decided about it, under one strategy. Used to make the synthetic sample, to
 * test calibration against known parameters, and to measure the average win
 * factors calibration divides out.
 */
import { createPolicyState } from '../engine/policy-state.ts';
import { createPolicyTrace } from '../engine/policy-trace.ts';
import { runPolicy } from '../engine/run-policy.ts';
import { createTrialOutcome } from '../engine/trial-outcome.ts';
import { createWorld, generateWorld } from '../engine/world.ts';
import { compileParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';

/** One pursued opportunity, with the model's own view of it (`early`, `winProbability`). */
export interface SimulatedDeal {
  /** The trial index: one simulated account. */
  account: number;
  stream: number;
  type: number;
  value: number;
  /** Month the opportunity arrived and was pursued. */
  openedMonth: number;
  /** Month it closed, or null if its close falls at or after the horizon (still open). */
  closedMonth: number | null;
  /** All stages passed (decided when pursued; booked only if it closes). */
  won: boolean;
  stagesPassed: number;
  early: boolean;
  /** p: the deal's win probability after every factor and the cap. */
  winProbability: number;
  discount: number;
}

export interface DealHistoryOptions {
  /** The strategy's key in the scenario (`beachhead`, `hold`, …). */
  strategy: string;
  /** Accounts (trials) to simulate, from trial `firstAccount` (default 0). */
  accounts: number;
  firstAccount?: number;
}

/**
 * Simulates `accounts` trials of `scenario` under one strategy and lists every
 * opportunity the vendor pursued, in account then month order: the engine
 * runs each trial with its story recorded, and the story holds each pursued
 * opportunity as step 8 decided it (one implementation of MODEL.md §3.4).
 *
 * Cost: somewhat more than a plain run of the same trials (the story is kept).
 */
export function simulateDealHistory(scenario: Scenario, options: DealHistoryOptions): SimulatedDeal[] {
  const params = compileParameters(scenario);
  const strategy = params.strategies.find((plan) => plan.key === options.strategy);
  if (!strategy) throw new Error(`simulateDealHistory: the scenario has no strategy ${options.strategy}`);
  const horizon = params.horizonMonths;
  const world = createWorld(horizon);
  const state = createPolicyState(horizon);
  const outcome = createTrialOutcome(horizon);
  const deals: SimulatedDeal[] = [];
  const first = options.firstAccount ?? 0;
  for (let trial = first; trial < first + options.accounts; trial++) {
    generateWorld(params, scenario.seed, trial, world);
    const trace = createPolicyTrace();
    runPolicy(params, strategy, world, state, outcome, trace);
    for (const deal of trace.pursued) {
      deals.push({
        account: trial,
        stream: deal.stream,
        type: deal.type,
        value: deal.value,
        openedMonth: deal.month,
        closedMonth: deal.closeMonth,
        won: deal.won,
        stagesPassed: deal.stagesPassed,
        early: deal.early,
        winProbability: deal.winProbability,
        discount: deal.discount,
      });
    }
  }
  return deals;
}
