/**
 * A literal, deliberately slow reference implementation of one strategy on one
 * trial's world, written from MODEL.md alone (§3.3–§3.6, §5, §7) so the
 * optimized engine can be checked against it trial by trial.
 *
 * Plain objects and arrays, one function per MODEL.md step, no caching. It
 * consumes the same World as the engine (src/engine/world.ts) so both see the
 * same randomness. It does not import anything from the engine's policy or
 * model code other than the World layout and the compiled parameters.
 *
 * Reading choices (the project's, where MODEL.md could be read two ways):
 *  (1) "plus PUR months for s≠D" is part of the mean m of the Gamma(2) duration.
 *  (2) ATO opens M and U and pays K in month 0 before anything else.
 *  (3) FITD step 5 uses one u_mig[t]: test H_DM if M is not opened; then, same
 *      month and same uniform, if M is opened and active and U is not opened,
 *      test H_MU. K is paid once, in the month M is opened.
 *  (4) Pull-through window: t ≤ PT, PT = (month of a U win) + 12, none initially.
 *  (5) Lost wallet: Σ V over opportunities arriving in a stream that is not
 *      active, or in any stream in or after the churn month.
 *  (6) Funnel per project type: arrived (covered stream), seen, early, stage j
 *      passed, won, closed (close month < T), closedWon.
 *  (7) Cash = margin − cost of sale; NPV = Σ cash_t (1+r)^(−t/12) + TV.
 *  (8) h_c = min(1, …).
 *  (9) q_s uses Σ fte over the streams active that month.
 */
import type { ModelParameters, StrategyParameters } from '../../src/model/parameters.ts';
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
} from '../../src/engine/world.ts';

// Index conventions (MODEL.md §1 tables, src/scenario/vocabulary.ts).
const D = 0;
const M = 1;
const U = 2;
const STREAMS = [D, M, U];
const INN = 3;
const PROJECT_TYPES = [0, 1, 2, 3];
const FW = 0;
const IMG = 1;
const PUR = 2;
const ITC = 3;
const EXR = 4;

export const NONE = -1;

/** Funnel steps, same order as the engine's FUNNEL_STEPS. */
export const REFERENCE_FUNNEL_STEPS = [
  'arrived',
  'seen',
  'early',
  'stage1',
  'stage2',
  'stage3',
  'stage4',
  'stage5',
  'won',
  'closed',
  'closedWon',
] as const;
type FunnelStep = (typeof REFERENCE_FUNNEL_STEPS)[number];
type FunnelRow = Record<FunnelStep, number>;

export interface ReferenceOutcome {
  npv: number;
  terminalValue: number;
  revenue: number;
  grossMargin: number;
  costOfSale: number;
  buildCost: number;
  failureLoss: number;
  lostWallet: number;
  revenueByStream: number[];
  dealRevenueByStream: number[];
  marginByStream: number[];
  costByStream: number[];
  firstWinMonth: number[];
  openedMonth: number[];
  churnMonth: number;
  deliveryFailures: number;
  dealsWon: number;
  trapMonths: number;
  /** Discounted cumulative cash at the end of each month (no TV). */
  cumulativeCash: number[];
  /** Undiscounted cash of each month. */
  cashByMonth: number[];
  /** funnel[k][step]. */
  funnel: FunnelRow[];
}

/** One opportunity as stored in the world. */
interface Opportunity {
  stream: number;
  type: number;
  value: number;
  visibilityUniform: number;
  earlyUniform: number;
  stageUniforms: number[];
  cycleGamma: number;
  discountNormal: number;
  failureUniform: number;
}

/** A decided opportunity waiting for its close month. */
interface ScheduledClose {
  closeMonth: number;
  stream: number;
  type: number;
  value: number;
  won: boolean;
  stagesReached: number;
  discount: number;
  /** q_s at decision, kept for the delivery-failure draw (§3.6). */
  match: number;
  failureUniform: number;
}

interface Annuity {
  stream: number;
  firstMonth: number;
  lastMonth: number;
  monthlyRevenue: number;
  monthlyMargin: number;
}

/** Everything that evolves along the trial. */
interface State {
  t: number;
  barriers: number[]; // FW, IMG(initial), PUR, ITC, EXR — IMG here is the starting level only
  image: number; // IMG_t
  relationship: number; // R
  pullThroughUntil: number; // PT (NONE = no window)
  openedMonth: number[];
  ramp: number[]; // ramp per stream (D: 0)
  buildPaid: boolean;
  churned: boolean;
  scheduled: ScheduledClose[]; // in scheduling order
  annuities: Annuity[];
  cash: number[]; // per month
  out: ReferenceOutcome;
}

// ---------------------------------------------------------------- the world

function opportunityAt(world: World, index: number, stream: number, type: number): Opportunity {
  const o = world.opportunities;
  const base = index * OPPORTUNITY_STRIDE;
  const stageUniforms: number[] = [];
  for (let j = 0; j < 5; j++) stageUniforms.push(o[base + OPP_STAGE_UNIFORMS + j]!);
  return {
    stream,
    type,
    value: o[base + OPP_VALUE]!,
    visibilityUniform: o[base + OPP_VISIBILITY_UNIFORM]!,
    earlyUniform: o[base + OPP_EARLY_UNIFORM]!,
    stageUniforms,
    cycleGamma: o[base + OPP_CYCLE_GAMMA]!,
    discountNormal: o[base + OPP_DISCOUNT_NORMAL]!,
    failureUniform: o[base + OPP_FAILURE_UNIFORM]!,
  };
}

/** The opportunities arriving in month t, stream s, type k, in index order (§3.2). */
function arrivals(world: World, t: number, s: number, k: number): Opportunity[] {
  const cell = t * CELLS_PER_MONTH + s * 4 + k;
  const list: Opportunity[] = [];
  for (let i = world.cellStart[cell]!; i < world.cellStart[cell + 1]!; i++) list.push(opportunityAt(world, i, s, k));
  return list;
}

function clip(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** §3.1: b_x = clip(level_x + jitter·(√ρ·z_c + √(1−ρ)·z_x), 0, 1). */
function accountBarriers(params: ModelParameters, world: World): number[] {
  const rho = params.barrierCorrelation;
  const result: number[] = [];
  for (let x = 0; x < 5; x++) {
    const noise = Math.sqrt(rho) * world.barrierCommonNormal + Math.sqrt(1 - rho) * world.barrierNormals[x]!;
    result.push(clip(params.barrierLevels[x]! + params.barrierJitter * noise, 0, 1));
  }
  return result;
}

// ---------------------------------------------------------------- helpers of state

/** §7: active = opening month + ramp ≤ t; D is active from month 0. */
function isActive(state: State, s: number, t: number): boolean {
  if (s === D) return true;
  const opened = state.openedMonth[s]!;
  return opened !== NONE && opened + state.ramp[s]! <= t;
}

function isOpened(state: State, s: number): boolean {
  return state.openedMonth[s] !== NONE;
}

function activeStreams(state: State, t: number): number[] {
  return STREAMS.filter((s) => isActive(state, s, t));
}

function inPullThrough(state: State, t: number): boolean {
  return state.pullThroughUntil !== NONE && t <= state.pullThroughUntil;
}

/** Cost of sale paid in month t (build, coverage, pursuit). */
function payCost(state: State, t: number, amount: number, stream: number | null): void {
  state.cash[t] = state.cash[t]! - amount;
  state.out.costOfSale += amount;
  if (stream !== null) state.out.costByStream[stream] = state.out.costByStream[stream]! + amount;
}

/** Gross margin booked in month t (may be negative: delivery-failure loss). */
function bookMargin(state: State, t: number, amount: number, stream: number): void {
  state.cash[t] = state.cash[t]! + amount;
  state.out.grossMargin += amount;
  state.out.marginByStream[stream] = state.out.marginByStream[stream]! + amount;
}

function bookRevenue(state: State, amount: number, stream: number, isDeal: boolean): void {
  state.out.revenue += amount;
  state.out.revenueByStream[stream] = state.out.revenueByStream[stream]! + amount;
  if (isDeal) state.out.dealRevenueByStream[stream] = state.out.dealRevenueByStream[stream]! + amount;
}

// ---------------------------------------------------------------- §3.6 resources

/** q_s = min(1, C_s/Req_s) · min(1, capacity / Σ fte over active streams) (§3.6, reading 9). */
function competencyMatch(params: ModelParameters, state: State, s: number, t: number): number {
  let fteSum = 0;
  for (const a of activeStreams(state, t)) fteSum += params.fte[a]!;
  return Math.min(1, params.competencyRatio[s]!) * Math.min(1, params.capacity / fteSum);
}

// ---------------------------------------------------------------- §3.3 step 4, churn hazard

/** h_c = min(1, churn0 · exp(θ_churn·PUR − γ_multi·(activeStreams − 1))). */
function churnHazard(params: ModelParameters, state: State, t: number): number {
  const n = activeStreams(state, t).length;
  const c = params.churn;
  return Math.min(1, c.base * Math.exp(c.purchasingEffect * state.barriers[PUR]! - c.multiStreamEffect * (n - 1)));
}

// ---------------------------------------------------------------- §3.5 after a win

function afterWin(params: ModelParameters, state: State, close: ScheduledClose, T: number): void {
  const t = state.t;
  const s = close.stream;
  const V = close.value;
  const out = state.out;

  // Delivery failure (s ≠ D): if u_fail < 0.25·(1 − q_s): margin −0.3·V, IMG += 0.15 (cap 1), R = max(0, R − 1).
  if (s !== D) {
    const df = params.deliveryFailure;
    if (close.failureUniform < df.scale * (1 - close.match)) {
      const loss = df.marginLoss * V;
      bookMargin(state, t, -loss, s);
      out.failureLoss += loss;
      out.deliveryFailures += 1;
      state.image = Math.min(1, state.image + df.imageHit);
      state.relationship = Math.max(0, state.relationship - df.relationshipLoss);
    }
  }

  // Annuity: from t+1, for its term, cut at T−1; monthly rate·V/12 of list value (§7).
  const rate = params.annuityRate[s]!;
  if (rate > 0 && params.annuityMonths > 0) {
    const monthlyRevenue = (rate * V) / 12;
    state.annuities.push({
      stream: s,
      firstMonth: t + 1,
      lastMonth: Math.min(t + params.annuityMonths, T - 1),
      monthlyRevenue,
      monthlyMargin: monthlyRevenue * params.annuityMargin[s]!,
    });
  }

  // Relationship: R += κ_s · min(V, 3).
  state.relationship += params.relationshipGain[s]! * Math.min(V, params.relationship.dealSizeCap);

  // Image (s ≠ D): IMG ← max(0, IMG − 0.08·min(V, 3)).
  if (s !== D) state.image = Math.max(0, state.image - params.image.repairPerWin * Math.min(V, params.image.dealSizeCap));

  // Pull-through (s = U): PT = t + 12.
  if (s === U) state.pullThroughUntil = t + params.pullThroughMonths;

  // First-win months (τ_M, τ_U; and D for the record).
  if (out.firstWinMonth[s] === NONE) out.firstWinMonth[s] = t;
}

// ---------------------------------------------------------------- §3.3 step 1, closes

function stepCloses(params: ModelParameters, state: State, T: number): void {
  const t = state.t;
  const due = state.scheduled.filter((c) => c.closeMonth === t); // in scheduling order
  state.scheduled = state.scheduled.filter((c) => c.closeMonth !== t);
  for (const close of due) {
    const s = close.stream;
    // Pursuit cost pc_s · V · stagesReached.
    payCost(state, t, params.pursuitCost[s]! * close.value * close.stagesReached, s);
    if (!close.won) continue;
    // Revenue V(1−d), gross margin V(g_s − d).
    bookRevenue(state, close.value * (1 - close.discount), s, true);
    bookMargin(state, t, close.value * (params.grossMargin[s]! - close.discount), s);
    state.out.dealsWon += 1;
    afterWin(params, state, close, T);
  }
}

// ---------------------------------------------------------------- §3.3 step 2, annuities

function stepAnnuities(state: State): void {
  const t = state.t;
  for (const a of state.annuities) {
    if (t < a.firstMonth || t > a.lastMonth) continue;
    bookRevenue(state, a.monthlyRevenue, a.stream, false);
    bookMargin(state, t, a.monthlyMargin, a.stream);
  }
}

// ---------------------------------------------------------------- §3.6 migration hazards

function trapHolds(params: ModelParameters, state: State): boolean {
  return state.image >= params.migration.trapImageThreshold && state.out.firstWinMonth[U] === NONE;
}

function lockFactor(params: ModelParameters, state: State): number {
  return trapHolds(params, state) ? params.migration.trapFactor : 1;
}

/** H_DM = 0.015 · e^(0.35·min(R,6)) · (1−0.6·FW)(1−0.3·ITC)(1−0.6·IMG) · λ_lock. */
function hazardDownToMid(params: ModelParameters, state: State): number {
  const m = params.migration;
  const b = state.barriers;
  return (
    m.downToMid.base *
    Math.exp(m.relationshipEffect * Math.min(state.relationship, m.relationshipCap)) *
    (1 - m.wallsEffect * b[FW]!) *
    (1 - m.downToMid.itControlEffect * b[ITC]!) *
    (1 - m.imageEffect * state.image) *
    lockFactor(params, state)
  );
}

/** H_MU = 0.010 · e^(0.35·min(R,6)) · (1−0.6·FW)(1−0.6·ITC)(1−0.7·EXR)(1−0.6·IMG) · λ_lock. */
function hazardMidToUp(params: ModelParameters, state: State): number {
  const m = params.migration;
  const b = state.barriers;
  return (
    m.midToUp.base *
    Math.exp(m.relationshipEffect * Math.min(state.relationship, m.relationshipCap)) *
    (1 - m.wallsEffect * b[FW]!) *
    (1 - m.midToUp.itControlEffect * b[ITC]!) *
    (1 - m.midToUp.executiveEffect * b[EXR]!) *
    (1 - m.imageEffect * state.image) *
    lockFactor(params, state)
  );
}

/** §3.3 step 5 (FITD only), reading (3). */
type Rule = 'start' | 'migrate' | 'never';
/** The plan's rule for M and U, in MODEL.md's words (index: stream). */
function openingRules(strategy: StrategyParameters): Rule[] {
  const words: Rule[] = ['start', 'migrate', 'never'];
  return Array.from(strategy.open, (code) => words[code]!);
}

function payBuildOnce(state: State, t: number, buildCost: number): void {
  if (state.buildPaid) return;
  payCost(state, t, buildCost, null);
  state.out.buildCost += buildCost;
  state.buildPaid = true;
}

// §3.6: a stream whose rule is migrate opens when its hazard fires; U only once M is active.
function stepMigration(params: ModelParameters, state: State, world: World, rules: Rule[], buildCost: number): void {
  const t = state.t;
  const u = world.migrationUniforms[t]!;
  const wantsM = rules[M] === 'migrate' && !isOpened(state, M);
  const wantsU = rules[U] === 'migrate' && !isOpened(state, U);
  if (!wantsM && !wantsU) return;
  if (trapHolds(params, state)) state.out.trapMonths += 1;
  if (wantsM && u < 1 - Math.exp(-hazardDownToMid(params, state))) {
    state.openedMonth[M] = t;
    payBuildOnce(state, t, buildCost);
  }
  if (wantsU && isOpened(state, M) && isActive(state, M, t)) {
    if (u < 1 - Math.exp(-hazardMidToUp(params, state))) {
      state.openedMonth[U] = t;
      payBuildOnce(state, t, buildCost);
    }
  }
}

// ---------------------------------------------------------------- §3.3 steps 6 and 7

function stepImageDrift(params: ModelParameters, state: State): void {
  if (!isOpened(state, M) && !isOpened(state, U)) {
    state.image = Math.min(1, state.image + params.image.driftUp * (1 - state.image));
  }
}

function stepRelationshipDecay(params: ModelParameters, state: State): void {
  state.relationship = (1 - params.relationship.decay) * state.relationship;
}

// ---------------------------------------------------------------- §3.4 one opportunity

function visibility(params: ModelParameters, state: State, s: number): number {
  const b = state.barriers;
  const v = params.visibility;
  let nu = params.visibilityBase[s]!;
  if (s !== D) nu *= (1 - v.wallsEffect * b[FW]!) * (1 - v.itControlEffect * b[ITC]!);
  if (s === U) nu *= 1 - v.executiveEffect * b[EXR]!;
  return nu;
}

function earlyEntryProbability(params: ModelParameters, state: State, s: number, t: number): number {
  const e = params.earlyEntry;
  const boost = inPullThrough(state, t) && s !== U ? e.pullThroughBoost : 0;
  return Math.min(
    e.max,
    params.earlyEntryBase[s]! * (1 - e.imageEffect * state.image) * (1 + e.relationshipEffect * Math.min(state.relationship, e.relationshipCap)) + boost,
  );
}

function winProbability(params: ModelParameters, strategyProductMode: ArrayLike<number>, state: State, s: number, k: number, t: number, early: boolean, q: number): number {
  const w = params.winProbability;
  const b = state.barriers;
  let p = params.baseWinProbability[k]!;
  if (!early) p *= w.lateEntryFactor;
  p *= Math.pow(q, w.competencyExponent);
  if (s !== D) p *= 1 - w.imageEffect * state.image;
  if (s === U) p *= 1 - w.executiveEffect * b[EXR]!;
  if (inPullThrough(state, t) && s !== U) p *= w.pullThroughBoost;
  const productMode = strategyProductMode[s] === 1;
  if (productMode && (k === INN || s === U)) p *= w.productModeFactor;
  p *= Math.exp(-w.wallDecisionMakerPenalty * Math.floor(b[FW]! * params.wallDecisionMakers[k]! + 0.5));
  return Math.min(w.max, p);
}

function decideOpportunity(
  params: ModelParameters,
  productMode: ArrayLike<number>,
  state: State,
  opp: Opportunity,
  T: number,
): void {
  const t = state.t;
  const s = opp.stream;
  const k = opp.type;
  const row = state.out.funnel[k]!;
  const b = state.barriers;
  row.arrived += 1;

  // Visibility: unseen if u_vis ≥ ν (costs nothing).
  if (opp.visibilityUniform >= visibility(params, state, s)) return;
  row.seen += 1;

  // Entry: downstream non-INN always early; otherwise early if u_early < e.
  const early = s === D && k !== INN ? true : opp.earlyUniform < earlyEntryProbability(params, state, s, t);
  if (early) row.early += 1;

  // Win probability with q_s of this month.
  const q = competencyMatch(params, state, s, t);
  const p = winProbability(params, productMode, state, s, k, t, early, q);

  // Stages: in order, each passes if its uniform < p^(1/n); stop at the first failure (§7).
  const n = params.stages[k]!;
  const threshold = Math.pow(p, 1 / n);
  let passed = 0;
  for (let j = 0; j < n; j++) {
    if (opp.stageUniforms[j]! < threshold) passed += 1;
    else break;
  }
  const stageKeys: FunnelStep[] = ['stage1', 'stage2', 'stage3', 'stage4', 'stage5'];
  for (let j = 0; j < passed; j++) row[stageKeys[j]!] += 1;
  const won = passed === n;
  if (won) row.won += 1;
  const stagesReached = early ? Math.max(passed, 1) : Math.max(passed - 1, 1);

  // Duration: (m/2)·Gamma2, m = c̄_k (1 + 0.5 FW) max(passed,1)/n + PUR months for s ≠ D (reading 1).
  let mean = (params.meanCycleMonths[k]! * (1 + params.cycle.wallsEffect * b[FW]!) * Math.max(passed, 1)) / n;
  if (s !== D) mean += params.cycle.purchasingDelayMonths * b[PUR]!;
  const duration = (mean / 2) * opp.cycleGamma;

  // Discount d = clip(d0_s + θ_s·PUR + 0.03·z, 0, 0.6).
  const discount = clip(
    params.baseDiscount[s]! + params.purchasingDiscount[s]! * b[PUR]! + params.discount.noise * opp.discountNormal,
    0,
    params.discount.max,
  );

  // Close at t + 1 + ⌊duration⌋ if before T, else dropped.
  const closeMonth = t + 1 + Math.floor(duration);
  if (closeMonth >= T) return;
  row.closed += 1;
  if (won) row.closedWon += 1;
  state.scheduled.push({
    closeMonth,
    stream: s,
    type: k,
    value: opp.value,
    won,
    stagesReached,
    discount,
    match: q,
    failureUniform: opp.failureUniform,
  });
}

// ---------------------------------------------------------------- §3.3 step 8, coverage and pursuit

function stepCoverageAndPursuit(params: ModelParameters, productMode: ArrayLike<number>, state: State, world: World, T: number): void {
  const t = state.t;
  for (const s of STREAMS) {
    if (!isActive(state, s, t)) continue;
    payCost(state, t, (params.coverageCost[s]! * params.walletShare[s]! * world.wallet) / 12, s);
    for (const k of PROJECT_TYPES) {
      for (const opp of arrivals(world, t, s, k)) decideOpportunity(params, productMode, state, opp, T);
    }
  }
}

/** Reading (5): arrivals in a stream not active, or in any stream from the churn month on. */
function stepLostWallet(state: State, world: World): void {
  const t = state.t;
  for (const s of STREAMS) {
    if (!state.churned && isActive(state, s, t)) continue;
    for (const k of PROJECT_TYPES) for (const opp of arrivals(world, t, s, k)) state.out.lostWallet += opp.value;
  }
}

// ---------------------------------------------------------------- §5 NPV and terminal value

function discountFactor(params: ModelParameters, t: number): number {
  return Math.pow(1 + params.discountRate, -t / 12);
}

function terminalValue(params: ModelParameters, state: State, T: number): number {
  if (!params.runRateTerminalValue || state.churned) return 0;
  let last12 = 0;
  for (let t = Math.max(0, T - 12); t < T; t++) last12 += state.cash[t]!;
  const h = churnHazard(params, state, T - 1);
  const annualChurn = 1 - Math.pow(1 - h, 12);
  return (last12 / (params.discountRate + annualChurn)) * discountFactor(params, T - 1);
}

// ---------------------------------------------------------------- the trial

export function referencePolicy(params: ModelParameters, strategyIndex: number, world: World): ReferenceOutcome {
  const T = params.horizonMonths;
  const strategy = params.strategies[strategyIndex]!;
  const rules = openingRules(strategy);
  const funnel: FunnelRow[] = PROJECT_TYPES.map(() => {
    const row = {} as FunnelRow;
    for (const step of REFERENCE_FUNNEL_STEPS) row[step] = 0;
    return row;
  });
  const barriers = accountBarriers(params, world);
  const state: State = {
    t: 0,
    barriers,
    image: barriers[IMG]!,
    relationship: params.initialRelationship,
    pullThroughUntil: NONE,
    openedMonth: [0, NONE, NONE],
    ramp: [0, strategy.rampMonths, strategy.rampMonths],
    buildPaid: false,
    churned: false,
    scheduled: [],
    annuities: [],
    cash: new Array<number>(T).fill(0),
    out: {
      npv: 0,
      terminalValue: 0,
      revenue: 0,
      grossMargin: 0,
      costOfSale: 0,
      buildCost: 0,
      failureLoss: 0,
      lostWallet: 0,
      revenueByStream: [0, 0, 0],
      dealRevenueByStream: [0, 0, 0],
      marginByStream: [0, 0, 0],
      costByStream: [0, 0, 0],
      firstWinMonth: [NONE, NONE, NONE],
      openedMonth: [0, NONE, NONE],
      churnMonth: NONE,
      deliveryFailures: 0,
      dealsWon: 0,
      trapMonths: 0,
      cumulativeCash: new Array<number>(T).fill(0),
      cashByMonth: [],
      funnel,
    },
  };

  for (let t = 0; t < T; t++) {
    state.t = t;
    // Reading (2): the streams a plan starts with (ATO: M and U) open, and K is paid, at t = 0 before anything else.
    if (t === 0) {
      for (const s of [M, U]) if (rules[s] === 'start') state.openedMonth[s] = 0;
      if (isOpened(state, M) || isOpened(state, U)) payBuildOnce(state, 0, strategy.buildCost);
    }
    stepCloses(params, state, T); // 1
    stepAnnuities(state); // 2
    if (!state.churned) {
      // 3: a churned account stops here
      // 4: churn
      if (world.churnUniforms[t]! < churnHazard(params, state, t)) {
        state.churned = true;
        state.out.churnMonth = t;
      }
    }
    if (!state.churned) {
      stepMigration(params, state, world, rules, strategy.buildCost); // 5
      stepImageDrift(params, state); // 6
      stepRelationshipDecay(params, state); // 7
      stepCoverageAndPursuit(params, strategy.productMode, state, world, T); // 8
    }
    // After step 5, so a stream opened with ramp 0 this month counts as covered.
    stepLostWallet(state, world);
  }

  // §5: NPV = Σ cash_t (1+r)^(−t/12) + TV.
  let discounted = 0;
  for (let t = 0; t < T; t++) {
    discounted += state.cash[t]! * discountFactor(params, t);
    state.out.cumulativeCash[t] = discounted;
  }
  state.out.terminalValue = terminalValue(params, state, T);
  state.out.npv = discounted + state.out.terminalValue;
  state.out.openedMonth = [...state.openedMonth];
  state.out.cashByMonth = [...state.cash];
  return state.out;
}
