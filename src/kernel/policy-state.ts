/**
 * The state one plan carries through a trial (src/engine/policy-state.ts):
 * per-trial constants derived once from the account, the dynamic state, and
 * the deals scheduled to close, in buffers allocated once and grown.
 */
import { f64At, grow, setF64, setI32 } from './buffers';
import { churnHazard, jitteredBarrier, sellingModeFactor, visibilityProbability, wallPenalty } from './model';
import * as L from './parameter-layout';
import { barrierCommonNormal, barrierNormals, wallet } from './world';

export const NOT_YET: i32 = 1 << 30;

export const barriers: usize = heap.alloc(5 * 8);
export const visibility: usize = heap.alloc(3 * 8);
export const wallFactor: usize = heap.alloc(4 * 8);
export const cyclePerStage: usize = heap.alloc(4 * 8);
export const monthlyCoverage: usize = heap.alloc(3 * 8);
export const churnByActiveStreams: usize = heap.alloc(4 * 8);
export const modeFactor: usize = heap.alloc(12 * 8);
export const activeFrom: usize = heap.alloc(3 * 4);
export const match: usize = heap.alloc(3 * 8);
export const matchFactor: usize = heap.alloc(3 * 8);
export const annuityRunning: usize = heap.alloc(3 * 8);

export let purchasingDelay: f64 = 0;
export let image: f64 = 0;
export let relationship: f64 = 0;
export let pullThroughUntil: i32 = -1;
export let churned = false;
export let buildPaid = false;
export let matchComputedForFte: f64 = -1;
export let monthMargin: f64 = 0;
export let monthCost: f64 = 0;

export let closeHead: usize = heap.alloc(4);
export let closeTail: usize = heap.alloc(4);
export let annuityChange: usize = heap.alloc(8);
let horizonCapacity: i32 = 0;

export let closeNext: usize = heap.alloc(4);
export let dealStream: usize = heap.alloc(1);
export let dealType: usize = heap.alloc(1);
export let dealWon: usize = heap.alloc(1);
export let dealStages: usize = heap.alloc(1);
export let dealDiscount: usize = heap.alloc(8);
export let dealMatch: usize = heap.alloc(8);
let dealCapacity: i32 = 1;

function ensureHorizon(horizon: i32): void {
  if (horizon <= horizonCapacity) return;
  const old = <usize>horizonCapacity;
  const next = <usize>horizon;
  closeHead = grow(closeHead, old * 4, next * 4);
  closeTail = grow(closeTail, old * 4, next * 4);
  annuityChange = grow(annuityChange, 3 * (old + 1) * 8, 3 * (next + 1) * 8);
  horizonCapacity = horizon;
}

function ensureDealCapacity(opportunities: i32): void {
  if (opportunities <= dealCapacity) return;
  let capacity = dealCapacity;
  while (capacity < opportunities) capacity *= 2;
  const old = <usize>dealCapacity;
  const next = <usize>capacity;
  closeNext = grow(closeNext, old * 4, next * 4);
  dealStream = grow(dealStream, old, next);
  dealType = grow(dealType, old, next);
  dealWon = grow(dealWon, old, next);
  dealStages = grow(dealStages, old, next);
  dealDiscount = grow(dealDiscount, old * 8, next * 8);
  dealMatch = grow(dealMatch, old * 8, next * 8);
  dealCapacity = capacity;
}

/** setUpTrial: the account's barriers and per-trial constants under parameters `P` and the plan at `S`; the dynamic state reset. */
export function setUpTrial(P: usize, S: usize, horizon: i32, opportunityCount: i32): void {
  ensureHorizon(horizon);
  ensureDealCapacity(opportunityCount);
  const jitter = f64At(P, L.BARRIER_JITTER);
  const correlation = f64At(P, L.BARRIER_CORRELATION);
  for (let x = 0; x < 5; x++) setF64(barriers, x, jitteredBarrier(f64At(P, L.BARRIER_LEVELS + x), jitter, correlation, barrierCommonNormal, f64At(barrierNormals, x)));
  const walls = f64At(barriers, 0);
  for (let s = 0; s < 3; s++) {
    setF64(visibility, s, visibilityProbability(P, s, barriers));
    setF64(monthlyCoverage, s, (f64At(P, L.COVERAGE_COST + s) * f64At(P, L.WALLET_SHARE + s) * wallet) / 12);
    for (let k = 0; k < 4; k++) setF64(modeFactor, s * 4 + k, sellingModeFactor(P, s, k, f64At(S, L.STRATEGY_PRODUCT_MODE + s) == 1));
  }
  for (let k = 0; k < 4; k++) {
    setF64(wallFactor, k, wallPenalty(P, k, walls));
    setF64(cyclePerStage, k, (f64At(P, L.MEAN_CYCLE_MONTHS + k) * (1 + f64At(P, L.CYCLE_WALLS) * walls)) / f64At(P, L.STAGES + k));
  }
  purchasingDelay = f64At(P, L.CYCLE_PURCHASING_DELAY) * f64At(barriers, 2);
  for (let active = 1; active <= 3; active++) setF64(churnByActiveStreams, active, churnHazard(P, barriers, active));

  image = f64At(barriers, 1);
  relationship = f64At(P, L.INITIAL_RELATIONSHIP);
  pullThroughUntil = -1;
  for (let s = 0; s < 3; s++) {
    setI32(activeFrom, s, NOT_YET);
    setF64(annuityRunning, s, 0);
  }
  churned = false;
  buildPaid = false;
  matchComputedForFte = -1;
  memory.fill(closeHead, 0xff, <usize>horizon * 4);
  memory.fill(closeTail, 0xff, <usize>horizon * 4);
  memory.fill(annuityChange, 0, 3 * (<usize>horizon + 1) * 8);
}

export function activeStreamCount(month: i32): i32 {
  let count = 0;
  for (let s = 0; s < 3; s++) if (load<i32>(activeFrom + (<usize>s << 2)) <= month) count++;
  return count;
}

export function setImage(value: f64): void {
  image = value;
}
export function setRelationship(value: f64): void {
  relationship = value;
}
export function setPullThroughUntil(value: i32): void {
  pullThroughUntil = value;
}
export function setChurned(): void {
  churned = true;
}
export function setBuildPaid(): void {
  buildPaid = true;
}
export function setMatchComputedForFte(value: f64): void {
  matchComputedForFte = value;
}
export function addMonthMargin(amount: f64): void {
  monthMargin += amount;
}
export function addMonthCost(amount: f64): void {
  monthCost += amount;
}
export function resetMonth(): void {
  monthMargin = 0;
  monthCost = 0;
}
