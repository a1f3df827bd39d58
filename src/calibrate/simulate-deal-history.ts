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
import {
  CELLS_PER_MONTH,
  createWorld,
  generateWorld,
  OPP_CYCLE_GAMMA,
  OPP_DISCOUNT_NORMAL,
  OPP_EARLY_UNIFORM,
  OPP_STAGE_UNIFORMS,
  OPP_VALUE,
  OPP_VISIBILITY_UNIFORM,
  OPPORTUNITY_STRIDE,
} from '../engine/world.ts';
import { competencyMatch } from '../model/hazards.ts';
import {
  alwaysEarly,
  dealDiscount,
  earlyEntryProbability,
  matchWinFactor,
  stagesPassed,
  streamWinFactor,
  winProbability,
} from '../model/opportunity.ts';
import { compileParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { PROJECT_TYPE_COUNT, PURCHASING_CONTROL, STRATEGIES, STREAM_COUNT, UPSTREAM, type StrategyName } from '../scenario/vocabulary.ts';

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
  strategy: StrategyName;
  /** Accounts (trials) to simulate, from trial `firstAccount` (default 0). */
  accounts: number;
  firstAccount?: number;
}

/**
 * Simulates `accounts` trials of `scenario` under one strategy and lists every
 * opportunity the vendor pursued, in account then month order. The engine runs
 * each trial (with its story recorded); the decisions of step 8 are then
 * replayed from the world's uniforms and the recorded monthly state, so each
 * deal carries its stages passed and win probability (a test checks that the
 * replay books exactly the engine's closes).
 *
 * Cost: about twice a plain run of the same trials.
 */
export function simulateDealHistory(scenario: Scenario, options: DealHistoryOptions): SimulatedDeal[] {
  const params = compileParameters(scenario);
  const strategy = params.strategies[STRATEGIES.indexOf(options.strategy)]!;
  const horizon = params.horizonMonths;
  const world = createWorld(horizon);
  const state = createPolicyState(horizon);
  const deals: SimulatedDeal[] = [];
  const first = options.firstAccount ?? 0;

  for (let trial = first; trial < first + options.accounts; trial++) {
    generateWorld(params, scenario.seed, trial, world);
    const trace = createPolicyTrace();
    const outcome = runPolicy(params, strategy, world, state, createTrialOutcome(horizon), trace);
    const upstreamWins = trace.events.filter((event) => event.kind === 'won' && event.stream === UPSTREAM).map((event) => event.month);
    const lastLiveMonth = outcome.churnMonth >= 0 ? outcome.churnMonth - 1 : horizon - 1;
    let pullThroughUntil = -1;

    for (let month = 0; month <= lastLiveMonth; month++) {
      // Step 1 of this month booked any upstream win closing now before step 8 ran.
      for (const won of upstreamWins) if (won === month) pullThroughUntil = month + params.pullThroughMonths;
      const inPullThrough = month <= pullThroughUntil;
      const { image, relationship } = trace.months[month]!;
      let activeFte = 0;
      for (let s = 0; s < STREAM_COUNT; s++) if (state.activeFrom[s]! <= month) activeFte += params.fte[s]!;

      for (let s = 0; s < STREAM_COUNT; s++) {
        if (state.activeFrom[s]! > month) continue;
        const matchFactor = matchWinFactor(params, competencyMatch(params, s, activeFte));
        const early = earlyEntryProbability(params, s, image, relationship, inPullThrough);
        const streamFactor = streamWinFactor(params, s, matchFactor, image, state.barriers, inPullThrough);
        const delay = s === 0 ? 0 : state.purchasingDelay;
        for (let k = 0; k < PROJECT_TYPE_COUNT; k++) {
          const cell = month * CELLS_PER_MONTH + s * PROJECT_TYPE_COUNT + k;
          for (let opportunity = world.cellStart[cell]!; opportunity < world.cellStart[cell + 1]!; opportunity++) {
            const base = opportunity * OPPORTUNITY_STRIDE;
            if (world.opportunities[base + OPP_VISIBILITY_UNIFORM]! >= state.visibility[s]!) continue;
            const isEarly = alwaysEarly(s, k) || world.opportunities[base + OPP_EARLY_UNIFORM]! < early;
            const p = winProbability(params, k, !isEarly, streamFactor, state.wallFactor[k]!, state.modeFactor[s * PROJECT_TYPE_COUNT + k]!);
            const passed = stagesPassed(world.opportunities, base + OPP_STAGE_UNIFORMS, params.stages[k]!, p);
            const meanCycle = state.cyclePerStage[k]! * Math.max(passed, 1) + delay;
            const closeMonth = month + 1 + Math.floor((meanCycle / 2) * world.opportunities[base + OPP_CYCLE_GAMMA]!);
            deals.push({
              account: trial,
              stream: s,
              type: k,
              value: world.opportunities[base + OPP_VALUE]!,
              openedMonth: month,
              closedMonth: closeMonth < horizon ? closeMonth : null,
              won: passed === params.stages[k],
              stagesPassed: passed,
              early: isEarly,
              winProbability: p,
              discount: dealDiscount(params, s, state.barriers[PURCHASING_CONTROL]!, world.opportunities[base + OPP_DISCOUNT_NORMAL]!),
            });
          }
        }
      }
    }
  }
  return deals;
}
