/**
 * The world of one trial (src/engine/world.ts): the account, each month's own
 * uniforms, and every opportunity's twelve uniforms, drawn four Philox blocks
 * at a time (philoxBlocks4): the months first, which fixes every cell's
 * arrival count, then the opportunities in index order. An opportunity's
 * value and discount normal are computed here (every plan that sees it or
 * loses it needs the value), its duration gamma the first time a policy sees
 * it (prepareSeen). Every uniform is the keyed uniform of the same purpose as
 * the reference's.
 */
import { exp } from './fdlibm';
import { philoxBlock, philoxBlocks4 } from './philox';
import { exp2, normalFromUniform2 } from './vector-math';
import { gammaShapeTwo, normalFromUniform, poissonFromUniform, SMALL_MEAN } from './sampling';
import {
  addF64, CELLS_PER_MONTH, f64At, grow, OPP_CYCLE_GAMMA, OPP_DISCOUNT_NORMAL, OPP_DURATION_FIRST, OPP_DURATION_SECOND,
  OPP_EARLY_UNIFORM, OPP_FAILURE_UNIFORM, OPP_GAMMA_READY, OPP_STAGE_UNIFORMS, OPP_VALUE, OPP_VISIBILITY_UNIFORM, OPPORTUNITY_BYTES, setF64, setI32,
} from './buffers';
import { DEAL_SIZE, DEAL_VALUE_SIGMA, HORIZON, OPPORTUNITY_MIX, WALLET_MEDIAN, WALLET_SHARE, WALLET_SIGMA } from './parameter-layout';
import * as U from './uniform-layout';

const TO_UNIT: f64 = 2.3283064365386963e-10; // 2^-32
export const MAX_OPPORTUNITIES_PER_TRIAL: i32 = 2_000_000;
const BARRIER_COUNT = 5;

export let keyWord0: u32 = 0;
export let keyWord1: u32 = 0;
export let trialIndex: u32 = 0;
export let wallet: f64 = 0;
export let barrierCommonNormal: f64 = 0;
export let opportunityCount: i32 = 0;
/** The horizon the world was last generated for. */
export let worldHorizon: i32 = 0;

// Two blocks of scratch for the account, four lanes of three blocks (lane-major) for the rest.
const accountWords: usize = heap.alloc(32);
const laneWords: usize = heap.alloc(3 * 64);
const values: usize = heap.alloc(4 * 8);
const discountNormals: usize = heap.alloc(4 * 8);
export const barrierNormals: usize = heap.alloc(BARRIER_COUNT * 8);
const rates: usize = heap.alloc(CELLS_PER_MONTH * 8);
const expMinusRates: usize = heap.alloc(CELLS_PER_MONTH * 8);
const counts: usize = heap.alloc(CELLS_PER_MONTH * 4);

/**
 * Each cell's Poisson CDF for the trial's rate, as poissonFromUniform's loop
 * accumulates it (so a lookup returns what the loop would, to the bit): entry
 * k is the probability of 0 … k arrivals, +∞ where the loop would stop
 * because the probability underflowed. A draw past the table continues the
 * loop from its last entry; a rate of 0 or of SMALL_MEAN and more is not tabled.
 */
const POISSON_TABLE = 16;
const poissonCdf: usize = heap.alloc(CELLS_PER_MONTH * POISSON_TABLE * 8);
const poissonLastProbability: usize = heap.alloc(CELLS_PER_MONTH * 8);
const poissonTabled: usize = heap.alloc(CELLS_PER_MONTH * 4);

export let churnUniforms: usize = heap.alloc(8);
export let migrationUniforms: usize = heap.alloc(8);
export let cellStart: usize = heap.alloc(8);
export let cellValue: usize = heap.alloc(8);
let horizonCapacity: i32 = 0;
export let opportunities: usize = heap.alloc(OPPORTUNITY_BYTES);
/** Per opportunity, its cell t·12 + s·4 + k (its counter words follow from it and cellStart). */
let cellOf: usize = heap.alloc(4);
export let opportunityCapacity: i32 = 1;

export function ensureHorizon(horizon: i32): void {
  if (horizon <= horizonCapacity) return;
  const old = <usize>horizonCapacity;
  const next = <usize>horizon;
  churnUniforms = grow(churnUniforms, old * 8, next * 8);
  migrationUniforms = grow(migrationUniforms, old * 8, next * 8);
  cellStart = grow(cellStart, (old * CELLS_PER_MONTH + 1) * 4, (next * CELLS_PER_MONTH + 1) * 4);
  cellValue = grow(cellValue, old * CELLS_PER_MONTH * 8, next * CELLS_PER_MONTH * 8);
  horizonCapacity = horizon;
}

function ensureOpportunities(needed: i32): void {
  if (needed <= opportunityCapacity) return;
  let capacity = opportunityCapacity;
  while (capacity < needed) capacity = min(capacity * 2, MAX_OPPORTUNITIES_PER_TRIAL);
  opportunities = grow(opportunities, <usize>opportunityCapacity * OPPORTUNITY_BYTES, <usize>capacity * OPPORTUNITY_BYTES);
  cellOf = grow(cellOf, <usize>opportunityCapacity * 4, <usize>capacity * 4);
  opportunityCapacity = capacity;
}

@inline function p(parameters: usize, index: i32): f64 {
  return f64At(parameters, index);
}

/** Word `w` of lane `lane`'s block `block` in laneWords, as a uniform. */
@inline function laneUniform(block: i32, w: i32, lane: i32): f64 {
  return <f64>load<u32>(laneWords + (<usize>(block * 16 + w * 4 + lane) << 2)) * TO_UNIT;
}

/** Decision `decision` of lane `lane`, for purposes whose consecutive blocks are laneWords' blocks 0, 1, 2. */
@inline function decisionUniform(decision: i32, lane: i32): f64 {
  return laneUniform(decision >> 2, decision & 3, lane);
}

function tabulatePoisson(cell: i32, lambda: f64, expMinusLambda: f64): void {
  const usable = lambda > 0 && lambda < SMALL_MEAN;
  setI32(poissonTabled, cell, usable ? 1 : 0);
  if (!usable) return;
  const row = poissonCdf + <usize>(cell * POISSON_TABLE) * 8;
  let probability = expMinusLambda;
  let cumulative = probability;
  for (let k = 0; k < POISSON_TABLE; k++) {
    store<f64>(row + (<usize>k << 3), probability > 0 ? cumulative : Infinity);
    if (k + 1 == POISSON_TABLE) break;
    probability *= lambda / <f64>(k + 1);
    cumulative += probability;
  }
  setF64(poissonLastProbability, cell, probability);
}

/** poissonFromUniform(λ, e^−λ, u) for cell `cell`'s rate, through its table. */
@inline function poissonOfCell(cell: i32, u: f64): i32 {
  if (load<i32>(poissonTabled + (<usize>cell << 2)) == 0) return poissonFromUniform(f64At(rates, cell), f64At(expMinusRates, cell), u);
  const row = poissonCdf + <usize>(cell * POISSON_TABLE) * 8;
  for (let k = 0; k < POISSON_TABLE; k++) if (u < load<f64>(row + (<usize>k << 3))) return k;
  const lambda = f64At(rates, cell);
  let k = POISSON_TABLE - 1;
  let probability = f64At(poissonLastProbability, cell);
  let cumulative = load<f64>(row + (<usize>k << 3));
  while (u >= cumulative && probability > 0) {
    k++;
    probability *= lambda / <f64>k;
    cumulative += probability;
  }
  return k;
}

@inline function word(decision: i32): f64 {
  return <f64>load<u32>(accountWords + (<usize>decision << 2)) * TO_UNIT;
}

function drawAccount(parameters: usize): void {
  philoxBlock(trialIndex, U.ACCOUNT << 16, <u32>U.CELL, 0, keyWord0, keyWord1, accountWords);
  philoxBlock(trialIndex, U.ACCOUNT << 16, <u32>U.CELL, 1, keyWord0, keyWord1, accountWords + 16);
  wallet = p(parameters, WALLET_MEDIAN) * exp(p(parameters, WALLET_SIGMA) * normalFromUniform(word(U.ACCOUNT_WALLET_NORMAL)));
  barrierCommonNormal = normalFromUniform(word(U.ACCOUNT_BARRIER_COMMON_NORMAL));
  for (let x = 0; x < BARRIER_COUNT; x++) setF64(barrierNormals, x, normalFromUniform(word(U.ACCOUNT_FIRST_BARRIER_NORMAL + x)));
}

/** Month `t`'s churn and migration uniforms and arrival counts, its cells' starts, and its opportunities' cells; −1 past the size limit. */
function drawMonth(t: i32, count: i32): i32 {
  philoxBlocks4(trialIndex, i32x4.splat(<i32>((<u32>t << 16) | (U.MONTH_LEVEL << 8) | U.MONTH_LEVEL)), i32x4.splat(<i32>U.CELL), i32x4(0, 1, 2, 3), keyWord0, keyWord1, laneWords);
  // The month's four blocks are its four lanes: decision d is lane d / 4, word d % 4.
  setF64(churnUniforms, t, laneUniform(0, U.MONTH_CHURN & 3, U.MONTH_CHURN >> 2));
  setF64(migrationUniforms, t, laneUniform(0, U.MONTH_MIGRATION & 3, U.MONTH_MIGRATION >> 2));
  let arrivingThisMonth = 0;
  for (let cell = 0; cell < CELLS_PER_MONTH; cell++) {
    const decision = U.MONTH_FIRST_ARRIVAL_COUNT + cell;
    const arrivals = poissonOfCell(cell, laneUniform(0, decision & 3, decision >> 2));
    setI32(counts, cell, arrivals);
    arrivingThisMonth += arrivals;
    // (Counts past the limit stop here, before they can overflow the sum.)
    if (arrivals > MAX_OPPORTUNITIES_PER_TRIAL) return -1;
  }
  if (count + arrivingThisMonth > MAX_OPPORTUNITIES_PER_TRIAL) return -1;
  ensureOpportunities(count + arrivingThisMonth);
  for (let cell = 0; cell < CELLS_PER_MONTH; cell++) {
    const global = t * CELLS_PER_MONTH + cell;
    setI32(cellStart, global, count);
    const arrivals = load<i32>(counts + (<usize>cell << 2));
    if (arrivals == 0) continue;
    for (let j = 0; j < arrivals; j++, count++) store<i32>(cellOf + (<usize>count << 2), global);
  }
  return count;
}

/** Opportunity `deal`'s counter word c1: month << 16 | stream << 8 | type. */
@inline function counterOne(deal: i32): i32 {
  const cell = load<i32>(cellOf + (<usize>deal << 2));
  const within = cell % CELLS_PER_MONTH;
  return ((cell / CELLS_PER_MONTH) << 16) | ((within >> 2) << 8) | (within & 3);
}

/** Opportunity `deal`'s counter word c2: its index in its cell. */
@inline function counterTwo(deal: i32): i32 {
  return deal - load<i32>(cellStart + (<usize>load<i32>(cellOf + (<usize>deal << 2)) << 2));
}

/** Opportunities `first` … `first + lanes − 1`: their three blocks, value and stored uniforms. */
function drawOpportunities(parameters: usize, first: i32, lanes: i32, sigma: f64, logMeanShift: f64): void {
  // Lanes past the last opportunity repeat it (their draws are not stored).
  const last = first + lanes - 1;
  const d0 = first;
  const d1 = min(first + 1, last);
  const d2 = min(first + 2, last);
  const d3 = min(first + 3, last);
  const c1 = i32x4(counterOne(d0), counterOne(d1), counterOne(d2), counterOne(d3));
  const c2 = i32x4(counterTwo(d0), counterTwo(d1), counterTwo(d2), counterTwo(d3));
  for (let block = 0; block < U.OPP_BLOCKS; block++) philoxBlocks4(trialIndex, c1, c2, i32x4.splat(block), keyWord0, keyWord1, laneWords + (<usize>block << 6));
  // The four values, two lanes at a time: v̄ · exp(σ·z − σ²/2), as the reference computes each.
  const words = laneWords + (<usize>(U.OPP_VALUE_NORMAL >> 2) << 6) + (<usize>(U.OPP_VALUE_NORMAL & 3) << 4);
  const discountWords = laneWords + (<usize>(U.OPP_DISCOUNT_NORMAL >> 2) << 6) + (<usize>(U.OPP_DISCOUNT_NORMAL & 3) << 4);
  for (let pair = 0; pair < 2; pair++) {
    const u = f64x2.mul(f64x2.convert_low_i32x4_u(v128.load(words + (<usize>pair << 3))), f64x2.splat(TO_UNIT));
    const exponent = f64x2.sub(f64x2.mul(f64x2.splat(sigma), normalFromUniform2(u)), f64x2.splat(logMeanShift));
    v128.store(values + (<usize>pair << 4), exp2(exponent));
    const discount = f64x2.mul(f64x2.convert_low_i32x4_u(v128.load(discountWords + (<usize>pair << 3))), f64x2.splat(TO_UNIT));
    v128.store(discountNormals + (<usize>pair << 4), normalFromUniform2(discount));
  }
  for (let lane = 0; lane < lanes; lane++) {
    const deal = first + lane;
    const base = opportunities + <usize>deal * OPPORTUNITY_BYTES;
    const cell = load<i32>(cellOf + (<usize>deal << 2));
    const value = p(parameters, DEAL_SIZE + cell % CELLS_PER_MONTH) * f64At(values, lane);
    store<f64>(base, value, OPP_VALUE << 3);
    addF64(cellValue, cell, value);
    store<f64>(base, decisionUniform(U.OPP_VISIBILITY, lane), OPP_VISIBILITY_UNIFORM << 3);
    store<f64>(base, decisionUniform(U.OPP_ENTRY, lane), OPP_EARLY_UNIFORM << 3);
    store<f64>(base, decisionUniform(U.OPP_DURATION_FIRST, lane), OPP_DURATION_FIRST << 3);
    store<f64>(base, decisionUniform(U.OPP_DURATION_SECOND, lane), OPP_DURATION_SECOND << 3);
    store<f64>(base, f64At(discountNormals, lane), OPP_DISCOUNT_NORMAL << 3);
    for (let stage = 0; stage < 5; stage++) store<f64>(base + (<usize>stage << 3), decisionUniform(U.OPP_FIRST_STAGE + stage, lane), OPP_STAGE_UNIFORMS << 3);
    store<f64>(base, decisionUniform(U.OPP_DELIVERY_FAILURE, lane), OPP_FAILURE_UNIFORM << 3);
    store<f64>(base, 0, OPP_GAMMA_READY << 3);
  }
}

/**
 * Generates trial `trial`'s world from the arrival parameters at
 * `parameters`. Returns 0, or 1 when the world would exceed the size limit
 * (the engine then lets the reference raise its error).
 */
export function generateWorld(parameters: usize, trial: u32): i32 {
  const horizon = <i32>p(parameters, HORIZON);
  ensureHorizon(horizon);
  worldHorizon = horizon;
  trialIndex = trial;
  drawAccount(parameters);

  let expected: f64 = 0;
  for (let cell = 0; cell < CELLS_PER_MONTH; cell++) {
    const stream = cell / 4;
    const rate = (p(parameters, WALLET_SHARE + stream) * wallet * p(parameters, OPPORTUNITY_MIX + cell)) / (12 * p(parameters, DEAL_SIZE + cell));
    setF64(rates, cell, rate);
    setF64(expMinusRates, cell, exp(-rate));
    tabulatePoisson(cell, rate, f64At(expMinusRates, cell));
    expected += rate;
  }
  expected *= <f64>horizon;
  if (!(expected < 2 * <f64>MAX_OPPORTUNITIES_PER_TRIAL)) return 1;

  let count = 0;
  for (let t = 0; t < horizon; t++) {
    count = drawMonth(t, count);
    if (count < 0) return 1;
  }
  setI32(cellStart, horizon * CELLS_PER_MONTH, count);
  opportunityCount = count;

  memory.fill(cellValue, 0, <usize>(horizon * CELLS_PER_MONTH) * 8);
  const sigma = p(parameters, DEAL_VALUE_SIGMA);
  const logMeanShift = (sigma * sigma) / 2;
  for (let first = 0; first < count; first += 4) drawOpportunities(parameters, first, min(4, count - first), sigma, logMeanShift);
  return 0;
}

/** The duration gamma of an opportunity a policy sees, computed the first time one does. */
export function prepareSeen(deal: i32): void {
  const base = opportunities + <usize>deal * OPPORTUNITY_BYTES;
  if (load<f64>(base, OPP_GAMMA_READY << 3) != 0) return;
  store<f64>(base, gammaShapeTwo(load<f64>(base, OPP_DURATION_FIRST << 3), load<f64>(base, OPP_DURATION_SECOND << 3)), OPP_CYCLE_GAMMA << 3);
  store<f64>(base, 1, OPP_GAMMA_READY << 3);
}

export function addLostWallet(outcome: usize, index: i32, firstCell: i32, endCell: i32): void {
  for (let cell = firstCell; cell < endCell; cell++) addF64(outcome, index, f64At(cellValue, cell));
}
