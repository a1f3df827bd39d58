/**
 * One plan on one world (src/engine/run-policy.ts): MODEL.md §3.3's monthly
 * order of events, one function per step, writing the outcome at `O` in the
 * layout of outcome-layout.ts.
 */
import { addF64, CELLS_PER_MONTH, f64At, i32At, OPP_CYCLE_GAMMA, OPP_DISCOUNT_NORMAL, OPP_EARLY_UNIFORM, OPP_FAILURE_UNIFORM, OPP_STAGE_UNIFORMS, OPP_VALUE, OPP_VISIBILITY_UNIFORM, OPPORTUNITY_BYTES, setF64, setI32 } from './buffers';
import {
  alwaysEarly, competencyMatch, downstreamTrap, earlyEntryProbability, hazardDownToMid, hazardMidToUp, hazardProbability,
  matchWinFactor, stagesPassed, stagesReached, streamWinFactor, terminalValue, winProbability,
} from './model';
import * as O_ from './outcome-layout';
import * as L from './parameter-layout';
import * as S_ from './policy-state';
import { addLostWallet, cellStart, churnUniforms, migrationUniforms, opportunities, opportunityCount, prepareSeen } from './world';

const DOWNSTREAM = 0;
const MIDSTREAM = 1;
const UPSTREAM = 2;
const OPEN_START = 0;
const OPEN_MIGRATE = 1;
const FUNNEL_STEPS = 11;
const FUNNEL_ARRIVED = 0;
const FUNNEL_SEEN = 1;
const FUNNEL_EARLY = 2;
const FUNNEL_STAGE1 = 3;
const FUNNEL_WON = 8;
const FUNNEL_CLOSED = 9;
const FUNNEL_CLOSED_WON = 10;

let P: usize = 0;
let S: usize = 0;
let O: usize = 0;
let T: i32 = 0;

@inline function p(index: i32): f64 {
  return f64At(P, index);
}
@inline function firstWin(stream: i32): i32 {
  return load<i32>(O + O_.MONTHS_BYTE + (<usize>stream << 2));
}
@inline function opened(stream: i32): i32 {
  return load<i32>(O + O_.MONTHS_BYTE + 12 + (<usize>stream << 2));
}
@inline function opportunityAt(deal: i32, field: i32): f64 {
  return load<f64>(opportunities + <usize>deal * OPPORTUNITY_BYTES + (<usize>field << 3));
}
@inline function countFunnel(type: i32, step: i32): void {
  addF64(O, O_.FUNNEL + type * FUNNEL_STEPS + step, 1);
}

function bookMargin(stream: i32, amount: f64): void {
  S_.addMonthMargin(amount);
  addF64(O, O_.GROSS_MARGIN_TOTAL, amount);
  addF64(O, O_.MARGIN_BY_STREAM + stream, amount);
}

function payCost(stream: i32, amount: f64): void {
  S_.addMonthCost(amount);
  addF64(O, O_.COST_OF_SALE, amount);
  addF64(O, O_.COST_BY_STREAM + stream, amount);
}

function bookRevenue(stream: i32, amount: f64): void {
  addF64(O, O_.REVENUE, amount);
  addF64(O, O_.REVENUE_BY_STREAM + stream, amount);
}

function payBuildCostOnce(): void {
  if (S_.buildPaid) return;
  S_.setBuildPaid();
  const cost = f64At(S, L.STRATEGY_BUILD_COST);
  S_.addMonthCost(cost);
  addF64(O, O_.COST_OF_SALE, cost);
  addF64(O, O_.BUILD_COST_PAID, cost);
}

/** §3.5: delivery failure, annuity, relationship, image and pull-through after a won close. */
function applyWin(deal: i32, month: i32): void {
  const stream = <i32>load<u8>(S_.dealStream + <usize>deal);
  const value = opportunityAt(deal, OPP_VALUE);
  const discount = f64At(S_.dealDiscount, deal);

  bookRevenue(stream, value * (1 - discount));
  addF64(O, O_.DEAL_REVENUE_BY_STREAM + stream, value * (1 - discount));
  bookMargin(stream, value * (p(L.GROSS_MARGIN + stream) - discount));
  addF64(O, O_.DEALS_WON, 1);

  if (stream != DOWNSTREAM) {
    if (opportunityAt(deal, OPP_FAILURE_UNIFORM) < p(L.FAILURE_SCALE) * (1 - f64At(S_.dealMatch, deal))) {
      const marginLoss = p(L.FAILURE_MARGIN_LOSS);
      bookMargin(stream, -marginLoss * value);
      addF64(O, O_.FAILURE_LOSS, marginLoss * value);
      addF64(O, O_.DELIVERY_FAILURES, 1);
      S_.setImage(Math.min(1, S_.image + p(L.FAILURE_IMAGE_HIT)));
      S_.setRelationship(Math.max(0, S_.relationship - p(L.FAILURE_RELATIONSHIP_LOSS)));
    }
  }

  const start = month + 1;
  const annuityRate = p(L.ANNUITY_RATE + stream);
  const annuityMonths = <i32>p(L.ANNUITY_MONTHS);
  if (annuityRate > 0 && annuityMonths > 0 && start < T) {
    const monthly = (annuityRate * value) / 12;
    const row = stream * (T + 1);
    addF64(S_.annuityChange, row + start, monthly);
    addF64(S_.annuityChange, row + min(start + annuityMonths, T), -monthly);
  }

  S_.setRelationship(S_.relationship + p(L.RELATIONSHIP_GAIN + stream) * Math.min(value, p(L.RELATIONSHIP_DEAL_CAP)));
  if (stream != DOWNSTREAM) S_.setImage(Math.max(0, S_.image - p(L.IMAGE_REPAIR) * Math.min(value, p(L.IMAGE_DEAL_CAP))));
  if (stream == UPSTREAM) S_.setPullThroughUntil(month + <i32>p(L.PULL_THROUGH_MONTHS));
  if (firstWin(stream) < 0) store<i32>(O + O_.MONTHS_BYTE + (<usize>stream << 2), month);
}

/** Step 1: closes scheduled for this month, in the order they were scheduled. */
function processCloses(month: i32): void {
  for (let deal = i32At(S_.closeHead, month); deal >= 0; deal = i32At(S_.closeNext, deal)) {
    const stream = <i32>load<u8>(S_.dealStream + <usize>deal);
    const type = <i32>load<u8>(S_.dealType + <usize>deal);
    const value = opportunityAt(deal, OPP_VALUE);
    payCost(stream, p(L.PURSUIT_COST + stream) * value * <f64>load<u8>(S_.dealStages + <usize>deal));
    countFunnel(type, FUNNEL_CLOSED);
    if (load<u8>(S_.dealWon + <usize>deal) != 0) {
      countFunnel(type, FUNNEL_CLOSED_WON);
      applyWin(deal, month);
    }
  }
}

/** Step 2: annuities running this month book their revenue and margin. */
function bookAnnuities(month: i32): void {
  const row = T + 1;
  for (let s = 0; s < 3; s++) {
    const change = f64At(S_.annuityChange, s * row + month);
    if (change != 0) {
      const running = f64At(S_.annuityRunning, s) + change;
      setF64(S_.annuityRunning, s, Math.abs(running) < 1e-12 ? 0 : running);
    }
    const monthly = f64At(S_.annuityRunning, s);
    if (monthly != 0) {
      bookRevenue(s, monthly);
      bookMargin(s, monthly * p(L.ANNUITY_MARGIN + s));
    }
  }
}

/** Step 4: does the account drop the vendor this month? */
function churnStep(month: i32): void {
  const hazard = f64At(S_.churnByActiveStreams, S_.activeStreamCount(month));
  if (f64At(churnUniforms, month) < hazard) {
    S_.setChurned();
    setF64(O, O_.CHURN_MONTH, <f64>month);
  }
}

function openStream(stream: i32, month: i32): void {
  store<i32>(O + O_.MONTHS_BYTE + 12 + (<usize>stream << 2), month);
  setI32(S_.activeFrom, stream, month + <i32>f64At(S, L.STRATEGY_RAMP_MONTHS));
}

/** Month 0: the plan opens every stream it starts with. */
function openingStep(): void {
  for (let s = MIDSTREAM; s < 3; s++) if (<i32>f64At(S, L.STRATEGY_OPEN + s) == OPEN_START) openStream(s, 0);
  if (opened(MIDSTREAM) >= 0 || opened(UPSTREAM) >= 0) payBuildCostOnce();
}

/** Step 5: a stream the plan migrates to opens when its hazard fires; upstream only once midstream is active. */
function migrationStep(month: i32): void {
  const midstreamToMigrate = <i32>f64At(S, L.STRATEGY_OPEN + MIDSTREAM) == OPEN_MIGRATE && opened(MIDSTREAM) < 0;
  const upstreamToMigrate = <i32>f64At(S, L.STRATEGY_OPEN + UPSTREAM) == OPEN_MIGRATE && opened(UPSTREAM) < 0;
  if (!midstreamToMigrate && !upstreamToMigrate) return;
  const trapped = downstreamTrap(P, S_.image, firstWin(UPSTREAM) >= 0);
  if (trapped) addF64(O, O_.TRAP_MONTHS, 1);
  const u = f64At(migrationUniforms, month);
  if (midstreamToMigrate) {
    if (u < hazardProbability(hazardDownToMid(P, S_.barriers, S_.image, S_.relationship, trapped))) {
      openStream(MIDSTREAM, month);
      payBuildCostOnce();
    }
  }
  if (upstreamToMigrate && opened(MIDSTREAM) >= 0 && i32At(S_.activeFrom, MIDSTREAM) <= month) {
    if (u < hazardProbability(hazardMidToUp(P, S_.barriers, S_.image, S_.relationship, trapped))) {
      openStream(UPSTREAM, month);
      payBuildCostOnce();
    }
  }
}

/** Step 6: while only downstream has been opened, the hardware image drifts up. */
function imageDrift(): void {
  if (opened(MIDSTREAM) < 0 && opened(UPSTREAM) < 0) S_.setImage(Math.min(1, S_.image + p(L.IMAGE_DRIFT) * (1 - S_.image)));
}

/** Step 7: relationship capital decays. */
function relationshipDecay(): void {
  S_.setRelationship(S_.relationship * (1 - p(L.RELATIONSHIP_DECAY)));
}

function updateMatch(activeFte: f64): void {
  if (S_.matchComputedForFte == activeFte) return;
  for (let s = 0; s < 3; s++) {
    const match = competencyMatch(P, s, activeFte);
    setF64(S_.match, s, match);
    setF64(S_.matchFactor, s, matchWinFactor(P, match));
  }
  S_.setMatchComputedForFte(activeFte);
}

function scheduleClose(deal: i32, month: i32): void {
  setI32(S_.closeNext, deal, -1);
  const tail = i32At(S_.closeTail, month);
  if (tail < 0) setI32(S_.closeHead, month, deal);
  else setI32(S_.closeNext, tail, deal);
  setI32(S_.closeTail, month, deal);
}

/**
 * Step 8, one cell with arrivals: decide every opportunity arriving in (month, s, k) (§3.4).
 * What is the same for every opportunity of the cell (the win probability early and late, the
 * discount before its noise) is computed once, with the reference's operations in its order, and
 * the funnel's counts are added once (whole numbers, so the sums are the same).
 */
function pursueCell(month: i32, s: i32, k: i32, early: f64, streamFactor: f64, match: f64, delay: f64): void {
  const cell = month * CELLS_PER_MONTH + s * 4 + k;
  const stages = <i32>p(L.STAGES + k);
  const cyclePerStage = f64At(S_.cyclePerStage, k);
  const visibility = f64At(S_.visibility, s);
  const wallFactor = f64At(S_.wallFactor, k);
  const modeFactor = f64At(S_.modeFactor, s * 4 + k);
  const earlyProbability = winProbability(P, k, false, streamFactor, wallFactor, modeFactor);
  const lateProbability = winProbability(P, k, true, streamFactor, wallFactor, modeFactor);
  const discountBefore = p(L.BASE_DISCOUNT + s) + p(L.PURCHASING_DISCOUNT + s) * f64At(S_.barriers, 2);
  const discountNoise = p(L.DISCOUNT_NOISE);
  const discountMost = p(L.DISCOUNT_MAX);
  const incumbent = alwaysEarly(s, k);
  const first = i32At(cellStart, cell);
  const end = i32At(cellStart, cell + 1);
  let seen = 0;
  let entered = 0;
  let wins = 0;
  for (let deal = first; deal < end; deal++) {
    const base = opportunities + <usize>deal * OPPORTUNITY_BYTES;
    if (load<f64>(base, OPP_VISIBILITY_UNIFORM << 3) >= visibility) continue;
    prepareSeen(deal);
    seen++;
    const isEarly = incumbent || load<f64>(base, OPP_EARLY_UNIFORM << 3) < early;
    if (isEarly) entered++;
    const passed = stagesPassed(base + (<usize>OPP_STAGE_UNIFORMS << 3), stages, isEarly ? earlyProbability : lateProbability);
    addF64(O, O_.STAGES_PASSED + k * 6 + passed, 1);
    const won = passed == stages;
    if (won) wins++;

    const meanCycle = cyclePerStage * <f64>max(passed, 1) + delay;
    const closeMonth = <f64>(month + 1) + Math.floor((meanCycle / 2) * load<f64>(base, OPP_CYCLE_GAMMA << 3));
    if (closeMonth >= <f64>T) continue;
    store<u8>(S_.dealStream + <usize>deal, <u8>s);
    store<u8>(S_.dealType + <usize>deal, <u8>k);
    store<u8>(S_.dealWon + <usize>deal, won ? 1 : 0);
    store<u8>(S_.dealStages + <usize>deal, <u8>stagesReached(passed, isEarly));
    const discount = discountBefore + discountNoise * load<f64>(base, OPP_DISCOUNT_NORMAL << 3);
    setF64(S_.dealDiscount, deal, discount < 0 ? 0 : discount > discountMost ? discountMost : discount);
    setF64(S_.dealMatch, deal, match);
    scheduleClose(deal, <i32>closeMonth);
  }
  const funnel = O_.FUNNEL + k * FUNNEL_STEPS;
  addF64(O, funnel + FUNNEL_ARRIVED, <f64>(end - first));
  addF64(O, funnel + FUNNEL_SEEN, <f64>seen);
  addF64(O, funnel + FUNNEL_EARLY, <f64>entered);
  addF64(O, funnel + FUNNEL_WON, <f64>wins);
}

/** Step 8: cover each active stream and decide every opportunity arriving in it. */
function coverageAndPursuit(month: i32): void {
  const inPullThrough = month <= S_.pullThroughUntil;
  let activeFte: f64 = 0;
  for (let s = 0; s < 3; s++) if (i32At(S_.activeFrom, s) <= month) activeFte += p(L.FTE + s);
  updateMatch(activeFte);
  for (let s = 0; s < 3; s++) {
    const firstCell = month * CELLS_PER_MONTH + s * 4;
    if (i32At(S_.activeFrom, s) > month) {
      addLostWallet(O, O_.LOST_WALLET, firstCell, firstCell + 4);
      continue;
    }
    payCost(s, f64At(S_.monthlyCoverage, s));
    // A stream with no arrivals this month has nothing to decide.
    if (i32At(cellStart, firstCell) == i32At(cellStart, firstCell + 4)) continue;
    const early = earlyEntryProbability(P, s, S_.image, S_.relationship, inPullThrough);
    const streamFactor = streamWinFactor(P, s, f64At(S_.matchFactor, s), S_.image, S_.barriers, inPullThrough);
    const delay = s == DOWNSTREAM ? 0 : S_.purchasingDelay;
    const match = f64At(S_.match, s);
    for (let k = 0; k < 4; k++) if (i32At(cellStart, firstCell + k) < i32At(cellStart, firstCell + k + 1)) pursueCell(month, s, k, early, streamFactor, match, delay);
  }
}

function resetOutcome(horizon: i32): void {
  memory.fill(O, 0, (<usize>O_.OUTCOME_FIXED + <usize>horizon) * 8);
  for (let s = 0; s < 6; s++) store<i32>(O + O_.MONTHS_BYTE + (<usize>s << 2), -1);
  setF64(O, O_.CHURN_MONTH, -1);
}

function completeFunnel(): void {
  for (let k = 0; k < 4; k++) {
    let atLeast: f64 = 0;
    for (let passed = 5; passed >= 1; passed--) {
      atLeast += f64At(O, O_.STAGES_PASSED + k * 6 + passed);
      setF64(O, O_.FUNNEL + k * FUNNEL_STEPS + FUNNEL_STAGE1 + passed - 1, atLeast);
    }
  }
}

/** runPolicy: plays the plan at `strategy` under parameters `parameters` on the current world into the outcome at `outcome`. */
export function runPolicy(parameters: usize, strategy: usize, outcome: usize): void {
  P = parameters;
  S = strategy;
  O = outcome;
  T = <i32>p(L.HORIZON);
  S_.setUpTrial(P, S, T, opportunityCount);
  resetOutcome(T);
  const rateOffset = L.FIXED_LENGTH + T;

  store<i32>(O + O_.MONTHS_BYTE + 12, 0);
  setI32(S_.activeFrom, DOWNSTREAM, 0);
  S_.resetMonth();
  openingStep();
  let npv: f64 = 0;
  let lastYearCash: f64 = 0;
  for (let month = 0; month < T; month++) {
    processCloses(month);
    bookAnnuities(month);
    if (!S_.churned) churnStep(month);
    if (S_.churned) {
      const cells = month * CELLS_PER_MONTH;
      addLostWallet(O, O_.LOST_WALLET, cells, cells + CELLS_PER_MONTH);
    } else {
      migrationStep(month);
      imageDrift();
      relationshipDecay();
      coverageAndPursuit(month);
    }
    const cash = S_.monthMargin - S_.monthCost;
    npv += cash * p(L.FIXED_LENGTH + month);
    setF64(O, O_.CUMULATIVE_CASH + month, npv);
    for (let r = 0; r < L.RATE_COUNT; r++) addF64(O, O_.CASH_VALUE_AT_RATE + r, cash * p(rateOffset + r * T + month));
    if (month >= T - 12) lastYearCash += cash;
    S_.resetMonth();
  }
  const lastHazard = f64At(S_.churnByActiveStreams, S_.activeStreamCount(T - 1));
  const tv = terminalValue(p(L.DISCOUNT_RATE), T, p(L.RUN_RATE_TERMINAL_VALUE) != 0, lastYearCash, lastHazard, S_.churned);
  setF64(O, O_.TERMINAL_VALUE, tv);
  for (let r = 0; r < L.RATE_COUNT; r++) setF64(O, O_.TERMINAL_VALUE_AT_RATE + r, terminalValue(p(L.VALUATION_RATES + r), T, true, lastYearCash, lastHazard, S_.churned));
  completeFunnel();
  setF64(O, O_.NPV, npv + tv);
}
