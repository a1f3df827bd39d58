/**
 * What one strategy achieved on one trial's world (MODEL.md §5), as a record
 * the policy fills in place and the engine copies into its tables.
 */
import { VALUATION_RATE_COUNT } from '../model/valuation-grid.ts';
import { MAX_STAGES, PROJECT_TYPE_COUNT, STREAM_COUNT } from '../scenario/vocabulary.ts';

/** Steps of the funnel per project type, counted per opportunity. */
export const FUNNEL_STEPS = [
  'arrived', // arrived in a covered stream
  'seen',
  'early',
  'stage1',
  'stage2',
  'stage3',
  'stage4',
  'stage5',
  'won', // all stages passed (decided)
  'closed', // close fell inside the horizon
  'closedWon',
] as const;
export const FUNNEL_ARRIVED = 0;
export const FUNNEL_SEEN = 1;
export const FUNNEL_EARLY = 2;
export const FUNNEL_STAGE1 = 3;
export const FUNNEL_WON = 8;
export const FUNNEL_CLOSED = 9;
export const FUNNEL_CLOSED_WON = 10;
export const FUNNEL_STEP_COUNT = FUNNEL_STEPS.length;

/** A month index meaning "never" in month fields. */
export const NEVER = -1;

export interface TrialOutcome {
  npv: number;
  terminalValue: number;
  /** Closed-deal revenue V(1−d) plus annuity revenue, $M. */
  revenue: number;
  /** Deal and annuity margin, less delivery-failure losses, $M. */
  grossMargin: number;
  /** Build + coverage + pursuit, $M. */
  costOfSale: number;
  buildCost: number;
  failureLoss: number;
  /** Value of opportunities that arrived in a stream not covered (not active, or churned). */
  lostWallet: number;
  revenueByStream: Float64Array;
  /** Closed-deal revenue only (no annuities), for share of wallet. */
  dealRevenueByStream: Float64Array;
  marginByStream: Float64Array;
  /** Coverage plus pursuit per stream. */
  costByStream: Float64Array;
  /** Month of the first won close per stream, NEVER if none. */
  firstWinMonth: Int32Array;
  /** Month each stream was opened (downstream: 0), NEVER if never. */
  openedMonth: Int32Array;
  churnMonth: number;
  deliveryFailures: number;
  dealsWon: number;
  /** Months the downstream trap held while a migration was still pending. */
  trapMonths: number;
  /** Discounted cumulative cash at the end of each month (no terminal value). */
  cumulativeCash: Float64Array;
  /** The NPV without terminal value at each of the valuation check's rates (model/valuation-grid.ts). */
  cashValueAtRate: Float64Array;
  /** The run-rate terminal value at each of those rates, whatever the scenario's setting. */
  terminalValueAtRate: Float64Array;
  /** Counts per project type and funnel step, at index k·FUNNEL_STEP_COUNT + step. */
  funnel: Float64Array;
  /** Opportunities by stages passed (0 … MAX_STAGES) per project type, at k·(MAX_STAGES + 1) + passed; the funnel's stage steps derive from it. */
  stagesPassed: Float64Array;
}

export function createTrialOutcome(horizonMonths: number): TrialOutcome {
  return {
    npv: 0,
    terminalValue: 0,
    revenue: 0,
    grossMargin: 0,
    costOfSale: 0,
    buildCost: 0,
    failureLoss: 0,
    lostWallet: 0,
    revenueByStream: new Float64Array(STREAM_COUNT),
    dealRevenueByStream: new Float64Array(STREAM_COUNT),
    marginByStream: new Float64Array(STREAM_COUNT),
    costByStream: new Float64Array(STREAM_COUNT),
    firstWinMonth: new Int32Array(STREAM_COUNT),
    openedMonth: new Int32Array(STREAM_COUNT),
    churnMonth: NEVER,
    deliveryFailures: 0,
    dealsWon: 0,
    trapMonths: 0,
    cumulativeCash: new Float64Array(horizonMonths),
    cashValueAtRate: new Float64Array(VALUATION_RATE_COUNT),
    terminalValueAtRate: new Float64Array(VALUATION_RATE_COUNT),
    funnel: new Float64Array(PROJECT_TYPE_COUNT * FUNNEL_STEP_COUNT),
    stagesPassed: new Float64Array(PROJECT_TYPE_COUNT * (MAX_STAGES + 1)),
  };
}

export function resetTrialOutcome(outcome: TrialOutcome): void {
  outcome.npv = 0;
  outcome.terminalValue = 0;
  outcome.revenue = 0;
  outcome.grossMargin = 0;
  outcome.costOfSale = 0;
  outcome.buildCost = 0;
  outcome.failureLoss = 0;
  outcome.lostWallet = 0;
  outcome.revenueByStream.fill(0);
  outcome.dealRevenueByStream.fill(0);
  outcome.marginByStream.fill(0);
  outcome.costByStream.fill(0);
  outcome.firstWinMonth.fill(NEVER);
  outcome.openedMonth.fill(NEVER);
  outcome.churnMonth = NEVER;
  outcome.deliveryFailures = 0;
  outcome.dealsWon = 0;
  outcome.trapMonths = 0;
  outcome.cumulativeCash.fill(0);
  outcome.cashValueAtRate.fill(0);
  outcome.terminalValueAtRate.fill(0);
  outcome.funnel.fill(0);
  outcome.stagesPassed.fill(0);
}

/** Fills the funnel's stage steps from the stages-passed counts: stage j counts deals that passed j or more. */
export function completeFunnel(outcome: TrialOutcome): void {
  for (let k = 0; k < PROJECT_TYPE_COUNT; k++) {
    let atLeast = 0;
    for (let passed = MAX_STAGES; passed >= 1; passed--) {
      atLeast += outcome.stagesPassed[k * (MAX_STAGES + 1) + passed]!;
      outcome.funnel[k * FUNNEL_STEP_COUNT + FUNNEL_STAGE1 + passed - 1] = atLeast;
    }
  }
}
