/**
 * The state one strategy carries through a trial, and the per-trial constants
 * derived once from the account so the monthly loop only multiplies. Buffers
 * are allocated once per worker and reused for every trial.
 */
import { drawBarriers } from '../model/account.ts';
import { churnHazard } from '../model/hazards.ts';
import { sellingModeFactor, visibilityProbability, wallPenalty } from '../model/opportunity.ts';
import type { ModelParameters, StrategyParameters } from '../model/parameters.ts';
import {
  BARRIER_COUNT,
  FUNCTIONAL_WALLS,
  HARDWARE_IMAGE,
  PROJECT_TYPE_COUNT,
  PURCHASING_CONTROL,
  STREAM_COUNT,
} from '../scenario/vocabulary.ts';
import type { PolicyTrace } from './policy-trace.ts';
import type { World } from './world.ts';

/** A month later than any horizon: "not active". */
export const NOT_YET = 1 << 30;

export interface PolicyState {
  // Per-trial constants.
  barriers: Float64Array;
  visibility: Float64Array;
  wallFactor: Float64Array;
  /** c̄_k·(1 + 0.5·FW)/n_k: the mean cycle per stage passed. */
  cyclePerStage: Float64Array;
  /** PUR months added to the mean cycle outside downstream. */
  purchasingDelay: number;
  monthlyCoverage: Float64Array;
  /** h_c by number of active streams (index 0 unused). */
  churnByActiveStreams: Float64Array;
  /** m_mode per (stream, type) at s·4 + k. */
  modeFactor: Float64Array;

  // Dynamic state.
  image: number;
  relationship: number;
  /** PT: last month of the pull-through window (−1: none yet). */
  pullThroughUntil: number;
  /** Month each stream becomes active (NOT_YET if not opened). */
  activeFrom: Int32Array;
  churned: boolean;
  /** Whether the plan's build cost K has been paid (at its first opening). */
  buildPaid: boolean;
  /** q_s and q_s^β per stream, for the Σ fte of active streams they were computed at. */
  match: Float64Array;
  matchFactor: Float64Array;
  matchComputedForFte: number;
  /** Margin and cost of sale booked in the current month. */
  monthMargin: number;
  monthCost: number;

  // Deals scheduled to close: a list per close month, in scheduling order, linked by opportunity index.
  closeHead: Int32Array;
  closeTail: Int32Array;
  closeNext: Int32Array;
  dealStream: Uint8Array;
  dealType: Uint8Array;
  dealWon: Uint8Array;
  dealStages: Uint8Array;
  dealDiscount: Float64Array;
  dealMatch: Float64Array;

  /** Annuity revenue changes per stream and month, at s·(T+1) + t, and the running monthly amounts. */
  annuityChange: Float64Array;
  annuityRunning: Float64Array;

  /** The story being recorded, when one was asked for (see policy-trace.ts). */
  trace: PolicyTrace | null;
  /** Whether the downstream trap held at this month's migration step (for the trace). */
  trappedThisMonth: boolean;
}

export function createPolicyState(horizonMonths: number, opportunityCapacity = 1024): PolicyState {
  return {
    barriers: new Float64Array(BARRIER_COUNT),
    visibility: new Float64Array(STREAM_COUNT),
    wallFactor: new Float64Array(PROJECT_TYPE_COUNT),
    cyclePerStage: new Float64Array(PROJECT_TYPE_COUNT),
    purchasingDelay: 0,
    monthlyCoverage: new Float64Array(STREAM_COUNT),
    churnByActiveStreams: new Float64Array(STREAM_COUNT + 1),
    modeFactor: new Float64Array(STREAM_COUNT * PROJECT_TYPE_COUNT),
    image: 0,
    relationship: 0,
    pullThroughUntil: -1,
    activeFrom: new Int32Array(STREAM_COUNT),
    churned: false,
    buildPaid: false,
    match: new Float64Array(STREAM_COUNT),
    matchFactor: new Float64Array(STREAM_COUNT),
    matchComputedForFte: -1,
    monthMargin: 0,
    monthCost: 0,
    closeHead: new Int32Array(horizonMonths),
    closeTail: new Int32Array(horizonMonths),
    closeNext: new Int32Array(opportunityCapacity),
    dealStream: new Uint8Array(opportunityCapacity),
    dealType: new Uint8Array(opportunityCapacity),
    dealWon: new Uint8Array(opportunityCapacity),
    dealStages: new Uint8Array(opportunityCapacity),
    dealDiscount: new Float64Array(opportunityCapacity),
    dealMatch: new Float64Array(opportunityCapacity),
    annuityChange: new Float64Array(STREAM_COUNT * (horizonMonths + 1)),
    annuityRunning: new Float64Array(STREAM_COUNT),
    trace: null,
    trappedThisMonth: false,
  };
}

function ensureDealCapacity(state: PolicyState, opportunities: number): void {
  if (state.closeNext.length >= opportunities) return;
  let capacity = state.closeNext.length;
  while (capacity < opportunities) capacity *= 2;
  state.closeNext = new Int32Array(capacity);
  state.dealStream = new Uint8Array(capacity);
  state.dealType = new Uint8Array(capacity);
  state.dealWon = new Uint8Array(capacity);
  state.dealStages = new Uint8Array(capacity);
  state.dealDiscount = new Float64Array(capacity);
  state.dealMatch = new Float64Array(capacity);
}

/** Derives the account and its per-trial constants, and resets the dynamic state. */
export function setUpTrial(params: ModelParameters, strategy: StrategyParameters, world: World, state: PolicyState): void {
  ensureDealCapacity(state, world.opportunityCount);
  const barriers = state.barriers;
  drawBarriers(params, world.barrierCommonNormal, world.barrierNormals, barriers);
  const walls = barriers[FUNCTIONAL_WALLS]!;
  for (let s = 0; s < STREAM_COUNT; s++) {
    state.visibility[s] = visibilityProbability(params, s, barriers);
    state.monthlyCoverage[s] = (params.coverageCost[s]! * params.walletShare[s]! * world.wallet) / 12;
    for (let k = 0; k < PROJECT_TYPE_COUNT; k++) {
      state.modeFactor[s * PROJECT_TYPE_COUNT + k] = sellingModeFactor(params, s, k, strategy.productMode[s] === 1);
    }
  }
  for (let k = 0; k < PROJECT_TYPE_COUNT; k++) {
    state.wallFactor[k] = wallPenalty(params, k, walls);
    state.cyclePerStage[k] = (params.meanCycleMonths[k]! * (1 + params.cycle.wallsEffect * walls)) / params.stages[k]!;
  }
  state.purchasingDelay = params.cycle.purchasingDelayMonths * barriers[PURCHASING_CONTROL]!;
  for (let active = 1; active <= STREAM_COUNT; active++) state.churnByActiveStreams[active] = churnHazard(params, barriers, active);

  state.image = barriers[HARDWARE_IMAGE]!;
  state.relationship = params.initialRelationship;
  state.pullThroughUntil = -1;
  state.activeFrom.fill(NOT_YET);
  state.churned = false;
  state.buildPaid = false;
  state.matchComputedForFte = -1;
  state.closeHead.fill(-1);
  state.closeTail.fill(-1);
  state.annuityChange.fill(0);
  state.annuityRunning.fill(0);
}

/** Streams active in month t (opening month + ramp ≤ t). */
export function activeStreamCount(state: PolicyState, month: number): number {
  let count = 0;
  for (let s = 0; s < STREAM_COUNT; s++) if (state.activeFrom[s]! <= month) count++;
  return count;
}
