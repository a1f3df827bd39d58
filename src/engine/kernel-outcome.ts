/**
 * One plan's outcome as the kernel writes it (src/kernel/outcome-layout.ts),
 * read as a TrialOutcome whose arrays are views of the kernel's memory and
 * whose scalars are copied after each play, so the engine's recording code
 * reads it unchanged.
 */
import * as O from '../kernel/outcome-layout.ts';
import { MAX_STAGES, PROJECT_TYPE_COUNT, STREAM_COUNT } from '../scenario/vocabulary.ts';
import { createTrialOutcome, FUNNEL_STEP_COUNT, type TrialOutcome } from './trial-outcome.ts';

/** A plan's outcome in the kernel's memory: its doubles, and the TrialOutcome whose arrays are views of them. */
export interface OutcomeSlot {
  values: Float64Array;
  outcome: TrialOutcome;
}

/**
 * A TrialOutcome (of createTrialOutcome's shape, so the recording code sees
 * the objects it always sees) whose arrays are views of the kernel's outcome
 * at `pointer` and whose scalars copyScalars refreshes after each play.
 * Valid until the kernel's memory grows; the session remakes it then.
 */
export function outcomeSlot(buffer: ArrayBuffer, pointer: number, horizon: number): OutcomeSlot {
  const values = new Float64Array(buffer, pointer, O.OUTCOME_FIXED + horizon);
  const months = new Int32Array(buffer, pointer + O.MONTHS_BYTE, 2 * STREAM_COUNT);
  const span = (offset: number, length: number) => values.subarray(offset, offset + length);
  const outcome = createTrialOutcome(horizon);
  outcome.revenueByStream = span(O.REVENUE_BY_STREAM, STREAM_COUNT);
  outcome.dealRevenueByStream = span(O.DEAL_REVENUE_BY_STREAM, STREAM_COUNT);
  outcome.marginByStream = span(O.MARGIN_BY_STREAM, STREAM_COUNT);
  outcome.costByStream = span(O.COST_BY_STREAM, STREAM_COUNT);
  outcome.firstWinMonth = months.subarray(0, STREAM_COUNT);
  outcome.openedMonth = months.subarray(STREAM_COUNT);
  outcome.cumulativeCash = span(O.CUMULATIVE_CASH, horizon);
  outcome.cashValueAtRate = span(O.CASH_VALUE_AT_RATE, 3);
  outcome.terminalValueAtRate = span(O.TERMINAL_VALUE_AT_RATE, 3);
  outcome.funnel = span(O.FUNNEL, PROJECT_TYPE_COUNT * FUNNEL_STEP_COUNT);
  outcome.stagesPassed = span(O.STAGES_PASSED, PROJECT_TYPE_COUNT * (MAX_STAGES + 1));
  return { values, outcome };
}

/** Copies the scalars of the outcome the kernel last wrote into its view. */
export function copyScalars({ values, outcome }: OutcomeSlot): TrialOutcome {
  outcome.npv = values[O.NPV]!;
  outcome.terminalValue = values[O.TERMINAL_VALUE]!;
  outcome.revenue = values[O.REVENUE]!;
  outcome.grossMargin = values[O.GROSS_MARGIN_TOTAL]!;
  outcome.costOfSale = values[O.COST_OF_SALE]!;
  outcome.buildCost = values[O.BUILD_COST_PAID]!;
  outcome.failureLoss = values[O.FAILURE_LOSS]!;
  outcome.lostWallet = values[O.LOST_WALLET]!;
  outcome.churnMonth = values[O.CHURN_MONTH]!;
  outcome.deliveryFailures = values[O.DELIVERY_FAILURES]!;
  outcome.dealsWon = values[O.DEALS_WON]!;
  outcome.trapMonths = values[O.TRAP_MONTHS]!;
  return outcome;
}
