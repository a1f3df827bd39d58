/**
 * One strategy on one world: MODEL.md §3.3's monthly order of events, one
 * function per step. Deterministic: everything random was drawn into the world.
 */
import { competencyMatch, downstreamTrap, hazardDownToMid, hazardMidToUp, hazardProbability } from '../model/hazards.ts';
import {
  alwaysEarly,
  dealDiscount,
  earlyEntryProbability,
  matchWinFactor,
  stagesPassed,
  stagesReached,
  streamWinFactor,
  winProbability,
} from '../model/opportunity.ts';
import { OPEN_MIGRATE, OPEN_START, type ModelParameters, type StrategyParameters } from '../model/parameters.ts';
import { terminalValueFor } from '../model/valuation.ts';
import { addCashAtRates, terminalValuesAtRates } from '../model/valuation-grid.ts';
import {
  DOWNSTREAM,
  MAX_STAGES,
  MIDSTREAM,
  PROJECT_TYPE_COUNT,
  PURCHASING_CONTROL,
  STREAM_COUNT,
  UPSTREAM,
} from '../scenario/vocabulary.ts';
import { activeStreamCount, setUpTrial, type PolicyState } from './policy-state.ts';
import type { PolicyTrace } from './policy-trace.ts';
import {
  FUNNEL_ARRIVED,
  FUNNEL_CLOSED,
  FUNNEL_CLOSED_WON,
  FUNNEL_EARLY,
  FUNNEL_SEEN,
  FUNNEL_STEP_COUNT,
  FUNNEL_WON,
  completeFunnel,
  resetTrialOutcome,
  type TrialOutcome,
} from './trial-outcome.ts';
import {
  CELLS_PER_MONTH,
  OPP_CYCLE_GAMMA,
  OPP_DISCOUNT_NORMAL,
  OPP_EARLY_UNIFORM,
  OPP_FAILURE_UNIFORM,
  OPP_STAGE_UNIFORMS,
  OPP_VALUE,
  OPP_VISIBILITY_UNIFORM,
  OPPORTUNITY_STRIDE,
  type World,
} from './world.ts';

function bookMargin(state: PolicyState, outcome: TrialOutcome, stream: number, amount: number): void {
  state.monthMargin += amount;
  outcome.grossMargin += amount;
  outcome.marginByStream[stream]! += amount;
}

function payCost(state: PolicyState, outcome: TrialOutcome, stream: number, amount: number): void {
  state.monthCost += amount;
  outcome.costOfSale += amount;
  outcome.costByStream[stream]! += amount;
}

function bookRevenue(outcome: TrialOutcome, stream: number, amount: number): void {
  outcome.revenue += amount;
  outcome.revenueByStream[stream]! += amount;
}

/** K is paid once, in the month of the plan's first opening (start or migration). */
function payBuildCostOnce(state: PolicyState, outcome: TrialOutcome, strategy: StrategyParameters, month: number): void {
  if (state.buildPaid) return;
  state.buildPaid = true;
  state.monthCost += strategy.buildCost;
  outcome.costOfSale += strategy.buildCost;
  outcome.buildCost += strategy.buildCost;
  state.trace?.events.push({ month, kind: 'build', amount: strategy.buildCost });
}

/** §3.5: delivery failure, annuity, relationship, image and pull-through after a won close. */
function applyWin(params: ModelParameters, world: World, state: PolicyState, outcome: TrialOutcome, deal: number, month: number): void {
  const stream = state.dealStream[deal]!;
  const base = deal * OPPORTUNITY_STRIDE;
  const value = world.opportunities[base + OPP_VALUE]!;
  const discount = state.dealDiscount[deal]!;
  const horizon = params.horizonMonths;

  bookRevenue(outcome, stream, value * (1 - discount));
  outcome.dealRevenueByStream[stream]! += value * (1 - discount);
  bookMargin(state, outcome, stream, value * (params.grossMargin[stream]! - discount));
  outcome.dealsWon++;

  if (stream !== DOWNSTREAM) {
    const failure = params.deliveryFailure;
    if (world.opportunities[base + OPP_FAILURE_UNIFORM]! < failure.scale * (1 - state.dealMatch[deal]!)) {
      bookMargin(state, outcome, stream, -failure.marginLoss * value);
      outcome.failureLoss += failure.marginLoss * value;
      outcome.deliveryFailures++;
      state.trace?.events.push({ month, kind: 'deliveryFailed', stream, type: state.dealType[deal]!, value, marginLost: failure.marginLoss * value });
      state.image = Math.min(1, state.image + failure.imageHit);
      state.relationship = Math.max(0, state.relationship - failure.relationshipLoss);
    }
  }

  const start = month + 1;
  if (params.annuityRate[stream]! > 0 && params.annuityMonths > 0 && start < horizon) {
    const monthly = (params.annuityRate[stream]! * value) / 12;
    const row = stream * (horizon + 1);
    state.annuityChange[row + start]! += monthly;
    state.annuityChange[row + Math.min(start + params.annuityMonths, horizon)]! -= monthly;
  }

  state.relationship += params.relationshipGain[stream]! * Math.min(value, params.relationship.dealSizeCap);
  if (stream !== DOWNSTREAM) {
    state.image = Math.max(0, state.image - params.image.repairPerWin * Math.min(value, params.image.dealSizeCap));
  }
  if (stream === UPSTREAM) state.pullThroughUntil = month + params.pullThroughMonths;
  if (outcome.firstWinMonth[stream]! < 0) outcome.firstWinMonth[stream] = month;
}

/** Step 1: closes scheduled for this month, in the order they were scheduled. */
function processCloses(params: ModelParameters, world: World, state: PolicyState, outcome: TrialOutcome, month: number): void {
  for (let deal = state.closeHead[month]!; deal >= 0; deal = state.closeNext[deal]!) {
    const stream = state.dealStream[deal]!;
    const type = state.dealType[deal]!;
    const value = world.opportunities[deal * OPPORTUNITY_STRIDE + OPP_VALUE]!;
    payCost(state, outcome, stream, params.pursuitCost[stream]! * value * state.dealStages[deal]!);
    outcome.funnel[type * FUNNEL_STEP_COUNT + FUNNEL_CLOSED]!++;
    if (state.trace) {
      const kind = state.dealWon[deal] ? 'won' : 'lost';
      state.trace.events.push({ month, kind, stream, type, value, stages: state.dealStages[deal]!, discount: state.dealDiscount[deal]! });
    }
    if (state.dealWon[deal]) {
      outcome.funnel[type * FUNNEL_STEP_COUNT + FUNNEL_CLOSED_WON]!++;
      applyWin(params, world, state, outcome, deal, month);
    }
  }
}

/** Step 2: annuities running this month book their revenue and margin. */
function bookAnnuities(params: ModelParameters, state: PolicyState, outcome: TrialOutcome, month: number): void {
  const row = params.horizonMonths + 1;
  for (let s = 0; s < STREAM_COUNT; s++) {
    const change = state.annuityChange[s * row + month]!;
    if (change !== 0) {
      // Annuities end by subtracting what they added; clear the rounding residue when none is left.
      const running = state.annuityRunning[s]! + change;
      state.annuityRunning[s] = Math.abs(running) < 1e-12 ? 0 : running;
    }
    const monthly = state.annuityRunning[s]!;
    if (monthly !== 0) {
      bookRevenue(outcome, s, monthly);
      bookMargin(state, outcome, s, monthly * params.annuityMargin[s]!);
    }
  }
}

/** Step 4: does the account drop the vendor this month? */
function churnStep(world: World, state: PolicyState, outcome: TrialOutcome, month: number): void {
  const hazard = state.churnByActiveStreams[activeStreamCount(state, month)]!;
  if (world.churnUniforms[month]! < hazard) {
    state.churned = true;
    outcome.churnMonth = month;
    state.trace?.events.push({ month, kind: 'churned' });
  }
}

function openStream(state: PolicyState, outcome: TrialOutcome, strategy: StrategyParameters, stream: number, month: number): void {
  outcome.openedMonth[stream] = month;
  state.activeFrom[stream] = month + strategy.rampMonths;
  state.trace?.events.push({ month, kind: 'opened', stream, activeFrom: month + strategy.rampMonths });
}

/** Month 0: the plan opens every stream it starts with (a plan that starts them all: midstream and upstream). */
function openingStep(state: PolicyState, outcome: TrialOutcome, strategy: StrategyParameters): void {
  for (let s = MIDSTREAM; s < STREAM_COUNT; s++) if (strategy.open[s] === OPEN_START) openStream(state, outcome, strategy, s, 0);
  if (outcome.openedMonth[MIDSTREAM]! >= 0 || outcome.openedMonth[UPSTREAM]! >= 0) payBuildCostOnce(state, outcome, strategy, 0);
}

/** Step 5: a stream the plan migrates to opens when its hazard fires; upstream only once midstream is active. */
function migrationStep(params: ModelParameters, world: World, state: PolicyState, outcome: TrialOutcome, strategy: StrategyParameters, month: number): void {
  const opened = outcome.openedMonth;
  const midstreamToMigrate = strategy.open[MIDSTREAM] === OPEN_MIGRATE && opened[MIDSTREAM]! < 0;
  const upstreamToMigrate = strategy.open[UPSTREAM] === OPEN_MIGRATE && opened[UPSTREAM]! < 0;
  if (!midstreamToMigrate && !upstreamToMigrate) return;
  const trapped = downstreamTrap(params, state.image, outcome.firstWinMonth[UPSTREAM]! >= 0);
  state.trappedThisMonth = trapped;
  if (trapped) outcome.trapMonths++;
  const u = world.migrationUniforms[month]!;
  if (midstreamToMigrate) {
    const hazard = hazardDownToMid(params, state.barriers, state.image, state.relationship, trapped);
    if (u < hazardProbability(hazard)) {
      openStream(state, outcome, strategy, MIDSTREAM, month);
      payBuildCostOnce(state, outcome, strategy, month);
    }
  }
  if (upstreamToMigrate && opened[MIDSTREAM]! >= 0 && state.activeFrom[MIDSTREAM]! <= month) {
    const hazard = hazardMidToUp(params, state.barriers, state.image, state.relationship, trapped);
    if (u < hazardProbability(hazard)) {
      openStream(state, outcome, strategy, UPSTREAM, month);
      payBuildCostOnce(state, outcome, strategy, month);
    }
  }
}

/** Step 6: while only downstream has been opened, the hardware image drifts up. */
function imageDrift(params: ModelParameters, state: PolicyState, outcome: TrialOutcome): void {
  if (outcome.openedMonth[MIDSTREAM]! < 0 && outcome.openedMonth[UPSTREAM]! < 0) {
    state.image = Math.min(1, state.image + params.image.driftUp * (1 - state.image));
  }
}

/** Step 7: relationship capital decays. */
function relationshipDecay(params: ModelParameters, state: PolicyState): void {
  state.relationship *= 1 - params.relationship.decay;
}

function loseWallet(world: World, outcome: TrialOutcome, firstCell: number, endCell: number): void {
  for (let cell = firstCell; cell < endCell; cell++) outcome.lostWallet += world.cellValue[cell]!;
}

/** q_s and q_s^β for every stream, recomputed only when the active streams change. */
function updateMatch(params: ModelParameters, state: PolicyState, activeFte: number): void {
  if (state.matchComputedForFte === activeFte) return;
  for (let s = 0; s < STREAM_COUNT; s++) {
    state.match[s] = competencyMatch(params, s, activeFte);
    state.matchFactor[s] = matchWinFactor(params, state.match[s]!);
  }
  state.matchComputedForFte = activeFte;
}

function scheduleClose(state: PolicyState, deal: number, month: number): void {
  state.closeNext[deal] = -1;
  const tail = state.closeTail[month]!;
  if (tail < 0) state.closeHead[month] = deal;
  else state.closeNext[tail] = deal;
  state.closeTail[month] = deal;
}

/** The story's record of one pursued opportunity: what step 8 decided, for deal histories. */
function recordPursuit(
  params: ModelParameters,
  state: PolicyState,
  opportunities: Float64Array,
  base: number,
  month: number,
  stream: number,
  type: number,
  closeMonth: number,
  passed: number,
  early: boolean,
  winProbability: number,
): void {
  state.trace!.pursued.push({
    month,
    stream,
    type,
    value: opportunities[base + OPP_VALUE]!,
    closeMonth: closeMonth < params.horizonMonths ? closeMonth : null,
    won: passed === params.stages[type],
    stagesPassed: passed,
    early,
    winProbability,
    discount: dealDiscount(params, stream, state.barriers[PURCHASING_CONTROL]!, opportunities[base + OPP_DISCOUNT_NORMAL]!),
  });
}

/** Step 8: cover each active stream and decide every opportunity arriving in it (§3.4). */
function coverageAndPursuit(params: ModelParameters, world: World, state: PolicyState, outcome: TrialOutcome, month: number): void {
  const horizon = params.horizonMonths;
  const opportunities = world.opportunities;
  const inPullThrough = month <= state.pullThroughUntil;
  let activeFte = 0;
  for (let s = 0; s < STREAM_COUNT; s++) if (state.activeFrom[s]! <= month) activeFte += params.fte[s]!;
  updateMatch(params, state, activeFte);

  for (let s = 0; s < STREAM_COUNT; s++) {
    const firstCell = month * CELLS_PER_MONTH + s * PROJECT_TYPE_COUNT;
    if (state.activeFrom[s]! > month) {
      loseWallet(world, outcome, firstCell, firstCell + PROJECT_TYPE_COUNT);
      continue;
    }
    payCost(state, outcome, s, state.monthlyCoverage[s]!);
    const match = state.match[s]!;
    const early = earlyEntryProbability(params, s, state.image, state.relationship, inPullThrough);
    const streamFactor = streamWinFactor(params, s, state.matchFactor[s]!, state.image, state.barriers, inPullThrough);
    const purchasingControl = state.barriers[PURCHASING_CONTROL]!;
    const visibility = state.visibility[s]!;
    const delay = s === DOWNSTREAM ? 0 : state.purchasingDelay;

    for (let k = 0; k < PROJECT_TYPE_COUNT; k++) {
      const cell = firstCell + k;
      const funnel = k * FUNNEL_STEP_COUNT;
      const stages = params.stages[k]!;
      const cyclePerStage = state.cyclePerStage[k]!;
      const end = world.cellStart[cell + 1]!;
      outcome.funnel[funnel + FUNNEL_ARRIVED]! += end - world.cellStart[cell]!;
      for (let deal = world.cellStart[cell]!; deal < end; deal++) {
        const base = deal * OPPORTUNITY_STRIDE;
        if (opportunities[base + OPP_VISIBILITY_UNIFORM]! >= visibility) continue;
        outcome.funnel[funnel + FUNNEL_SEEN]!++;
        const isEarly = alwaysEarly(s, k) || opportunities[base + OPP_EARLY_UNIFORM]! < early;
        if (isEarly) outcome.funnel[funnel + FUNNEL_EARLY]!++;
        const p = winProbability(params, k, !isEarly, streamFactor, state.wallFactor[k]!, state.modeFactor[s * PROJECT_TYPE_COUNT + k]!);
        const passed = stagesPassed(opportunities, base + OPP_STAGE_UNIFORMS, stages, p);
        outcome.stagesPassed[k * (MAX_STAGES + 1) + passed]!++;
        const won = passed === stages;
        if (won) outcome.funnel[funnel + FUNNEL_WON]!++;

        const meanCycle = cyclePerStage * Math.max(passed, 1) + delay;
        const closeMonth = month + 1 + Math.floor((meanCycle / 2) * opportunities[base + OPP_CYCLE_GAMMA]!);
        if (state.trace) recordPursuit(params, state, opportunities, base, month, s, k, closeMonth, passed, isEarly, p);
        if (closeMonth >= horizon) continue;
        state.dealStream[deal] = s;
        state.dealType[deal] = k;
        state.dealWon[deal] = won ? 1 : 0;
        state.dealStages[deal] = stagesReached(passed, isEarly);
        state.dealDiscount[deal] = dealDiscount(params, s, purchasingControl, opportunities[base + OPP_DISCOUNT_NORMAL]!);
        state.dealMatch[deal] = match;
        scheduleClose(state, deal, closeMonth);
      }
    }
  }
}

function recordMonth(state: PolicyState, outcome: TrialOutcome, month: number): void {
  let seen = 0;
  for (let k = 0; k < PROJECT_TYPE_COUNT; k++) seen += outcome.funnel[k * FUNNEL_STEP_COUNT + FUNNEL_SEEN]!;
  state.trace!.months.push({
    month,
    image: state.image,
    relationship: state.relationship,
    margin: state.monthMargin,
    cost: state.monthCost,
    cumulativeCash: outcome.cumulativeCash[month]!,
    seen,
    trapped: state.trappedThisMonth,
  });
  state.trappedThisMonth = false;
}

/**
 * Runs `strategy` on `world` month by month (MODEL.md §3.3) and writes what
 * it achieved into `outcome`. `state` is scratch reused across calls.
 */
export function runPolicy(
  params: ModelParameters,
  strategy: StrategyParameters,
  world: World,
  state: PolicyState,
  outcome: TrialOutcome,
  trace?: PolicyTrace,
): TrialOutcome {
  setUpTrial(params, strategy, world, state);
  resetTrialOutcome(outcome);
  state.trace = trace ?? null;
  const horizon = params.horizonMonths;
  const discountFactors = params.discountFactors;

  outcome.openedMonth[DOWNSTREAM] = 0;
  state.activeFrom[DOWNSTREAM] = 0;
  state.monthMargin = 0;
  state.monthCost = 0;
  openingStep(state, outcome, strategy);
  let npv = 0;
  let lastYearCash = 0;
  for (let month = 0; month < horizon; month++) {
    processCloses(params, world, state, outcome, month);
    bookAnnuities(params, state, outcome, month);
    if (!state.churned) churnStep(world, state, outcome, month);
    if (state.churned) {
      const cells = month * CELLS_PER_MONTH;
      loseWallet(world, outcome, cells, cells + CELLS_PER_MONTH);
    } else {
      migrationStep(params, world, state, outcome, strategy, month);
      imageDrift(params, state, outcome);
      relationshipDecay(params, state);
      coverageAndPursuit(params, world, state, outcome, month);
    }
    const cash = state.monthMargin - state.monthCost;
    npv += cash * discountFactors[month]!;
    outcome.cumulativeCash[month] = npv;
    addCashAtRates(params.valuationFactors, month, cash, outcome.cashValueAtRate);
    if (month >= horizon - 12) lastYearCash += cash;
    if (state.trace) recordMonth(state, outcome, month);
    state.monthMargin = 0;
    state.monthCost = 0;
  }
  // Only an account still live at T − 1 has a terminal value, so its hazard is that month's.
  const lastHazard = state.churnByActiveStreams[activeStreamCount(state, horizon - 1)]!;
  outcome.terminalValue = terminalValueFor(params, lastYearCash, lastHazard, state.churned);
  terminalValuesAtRates(params.valuationRates, horizon, lastYearCash, lastHazard, state.churned, outcome.terminalValueAtRate);
  completeFunnel(outcome);
  outcome.npv = npv + outcome.terminalValue;
  return outcome;
}
