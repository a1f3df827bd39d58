/**
 * The world of one trial (src/engine/world.ts), drawn lazily: the account,
 * each month's own uniforms and every opportunity's first Philox block
 * (value, visibility, entry, first duration uniform) are drawn here; the
 * rest of an opportunity only when a decision needs it (drawSecond, drawThird). Every
 * uniform is the keyed uniform of the same purpose as the reference's.
 */
import { exp } from './host-math';
import { philoxBlock } from './philox';
import { gammaShapeTwo, normalFromUniform, poissonFromUniform } from './sampling';
import {
  addF64, CELLS_PER_MONTH, f64At, grow, OPP_COUNTER_1, OPP_COUNTER_2, OPP_CYCLE_GAMMA, OPP_DISCOUNT_NORMAL, OPP_DRAWN, OPP_DURATION_FIRST,
  OPP_EARLY_UNIFORM, OPP_FAILURE_UNIFORM, OPP_STAGE_UNIFORMS, OPP_VALUE, OPP_VISIBILITY_UNIFORM, OPPORTUNITY_BYTES, setF64, setI32,
} from './buffers';
import { DEAL_SIZE, DEAL_VALUE_SIGMA, HORIZON, OPPORTUNITY_MIX, WALLET_MEDIAN, WALLET_SHARE, WALLET_SIGMA } from './parameter-layout';

const TO_UNIT: f64 = 2.3283064365386963e-10; // 2^-32
const ACCOUNT: u32 = 0xffff;
const CELL: u32 = 0xffffffff;
const MONTH_LEVEL: u32 = 0xff;
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

// Six blocks of scratch (24 words), then the world's fixed-size fields.
export const blocks: usize = heap.alloc(96);
export const barrierNormals: usize = heap.alloc(BARRIER_COUNT * 8);
const rates: usize = heap.alloc(CELLS_PER_MONTH * 8);
const expMinusRates: usize = heap.alloc(CELLS_PER_MONTH * 8);
const counts: usize = heap.alloc(CELLS_PER_MONTH * 4);

export let churnUniforms: usize = heap.alloc(8);
export let migrationUniforms: usize = heap.alloc(8);
export let cellStart: usize = heap.alloc(8);
export let cellValue: usize = heap.alloc(8);
let horizonCapacity: i32 = 0;
export let opportunities: usize = heap.alloc(OPPORTUNITY_BYTES);
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
  opportunityCapacity = capacity;
}

@inline function word(index: i32): f64 {
  return <f64>load<u32>(blocks + (<usize>index << 2)) * TO_UNIT;
}

function fillBlocks(c1: u32, c2: u32, first: u32, count: u32): void {
  for (let block: u32 = 0; block < count; block++) philoxBlock(trialIndex, c1, c2, first + block, keyWord0, keyWord1, blocks + ((<usize>(first + block)) << 4));
}

@inline function p(parameters: usize, index: i32): f64 {
  return f64At(parameters, index);
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
  fillBlocks((ACCOUNT << 16), CELL, 0, 2);
  wallet = p(parameters, WALLET_MEDIAN) * exp(p(parameters, WALLET_SIGMA) * normalFromUniform(word(0)));
  barrierCommonNormal = normalFromUniform(word(1));
  for (let x = 0; x < BARRIER_COUNT; x++) setF64(barrierNormals, x, normalFromUniform(word(2 + x)));

  let expected: f64 = 0;
  for (let cell = 0; cell < CELLS_PER_MONTH; cell++) {
    const stream = cell / 4;
    const rate = (p(parameters, WALLET_SHARE + stream) * wallet * p(parameters, OPPORTUNITY_MIX + cell)) / (12 * p(parameters, DEAL_SIZE + cell));
    setF64(rates, cell, rate);
    setF64(expMinusRates, cell, exp(-rate));
    expected += rate;
  }
  expected *= <f64>horizon;
  if (!(expected < 2 * <f64>MAX_OPPORTUNITIES_PER_TRIAL)) return 1;

  const sigma = p(parameters, DEAL_VALUE_SIGMA);
  const logMeanShift = (sigma * sigma) / 2;
  let count = 0;
  for (let t = 0; t < horizon; t++) {
    fillBlocks((<u32>t << 16) | (MONTH_LEVEL << 8) | MONTH_LEVEL, CELL, 0, 4);
    setF64(churnUniforms, t, word(0));
    setF64(migrationUniforms, t, word(1));
    for (let cell = 0; cell < CELLS_PER_MONTH; cell++) setI32(counts, cell, poissonFromUniform(f64At(rates, cell), f64At(expMinusRates, cell), word(2 + cell)));
    for (let cell = 0; cell < CELLS_PER_MONTH; cell++) {
      setI32(cellStart, t * CELLS_PER_MONTH + cell, count);
      const arrivals = load<i32>(counts + (<usize>cell << 2));
      if (count + arrivals > MAX_OPPORTUNITIES_PER_TRIAL) return 1;
      ensureOpportunities(count + arrivals);
      const meanValue = p(parameters, DEAL_SIZE + cell);
      const c1 = (<u32>t << 16) | (<u32>(cell / 4) << 8) | <u32>(cell % 4);
      let valueSum: f64 = 0;
      for (let j = 0; j < arrivals; j++, count++) {
        fillBlocks(c1, <u32>j, 0, 1);
        const base = opportunities + <usize>count * OPPORTUNITY_BYTES;
        const value = meanValue * exp(sigma * normalFromUniform(word(0)) - logMeanShift);
        store<f64>(base, value, OPP_VALUE << 3);
        valueSum += value;
        store<f64>(base, word(1), OPP_VISIBILITY_UNIFORM << 3);
        store<f64>(base, word(2), OPP_EARLY_UNIFORM << 3);
        store<f64>(base, word(3), OPP_DURATION_FIRST << 3);
        store<f64>(base, 0, OPP_DRAWN << 3);
        store<f64>(base, <f64>c1, OPP_COUNTER_1 << 3);
        store<f64>(base, <f64>j, OPP_COUNTER_2 << 3);
      }
      setF64(cellValue, t * CELLS_PER_MONTH + cell, valueSum);
    }
  }
  setI32(cellStart, horizon * CELLS_PER_MONTH, count);
  opportunityCount = count;
  return 0;
}

/** Draws an opportunity's second block (second duration uniform, discount, stages 1–2) the first time a policy sees it. */
export function drawSecond(deal: i32): void {
  const base = opportunities + <usize>deal * OPPORTUNITY_BYTES;
  if (load<f64>(base, OPP_DRAWN << 3) != 0) return;
  fillBlocks(<u32>load<f64>(base, OPP_COUNTER_1 << 3), <u32>load<f64>(base, OPP_COUNTER_2 << 3), 1, 1);
  store<f64>(base, gammaShapeTwo(load<f64>(base, OPP_DURATION_FIRST << 3), word(4)), OPP_CYCLE_GAMMA << 3);
  store<f64>(base, normalFromUniform(word(5)), OPP_DISCOUNT_NORMAL << 3);
  store<f64>(base, word(6), OPP_STAGE_UNIFORMS << 3);
  store<f64>(base, word(7), (OPP_STAGE_UNIFORMS + 1) << 3);
  store<f64>(base, 1, OPP_DRAWN << 3);
}

/** Draws its third block (stages 3–5, delivery failure) the first time a decision needs it: a third stage reached, or a won deal's delivery. */
export function drawThird(deal: i32): void {
  const base = opportunities + <usize>deal * OPPORTUNITY_BYTES;
  const drawn = load<f64>(base, OPP_DRAWN << 3);
  if (drawn == 2) return;
  if (drawn == 0) drawSecond(deal);
  fillBlocks(<u32>load<f64>(base, OPP_COUNTER_1 << 3), <u32>load<f64>(base, OPP_COUNTER_2 << 3), 2, 1);
  for (let stage = 2; stage < 5; stage++) store<f64>(base + (<usize>stage << 3), word(6 + stage), OPP_STAGE_UNIFORMS << 3);
  store<f64>(base, word(11), OPP_FAILURE_UNIFORM << 3);
  store<f64>(base, 2, OPP_DRAWN << 3);
}

export function addLostWallet(outcome: usize, index: i32, firstCell: i32, endCell: i32): void {
  for (let cell = firstCell; cell < endCell; cell++) addF64(outcome, index, f64At(cellValue, cell));
}
