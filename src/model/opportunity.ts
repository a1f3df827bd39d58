/**
 * One opportunity (MODEL.md §3.4): visibility, entry, win probability,
 * stages, cycle length and discount, each as the formula it is.
 */
import {
  DOWNSTREAM,
  EXECUTIVE_RELUCTANCE,
  FUNCTIONAL_WALLS,
  INNOVATION,
  IT_VENDOR_CONTROL,
  PURCHASING_CONTROL,
  UPSTREAM,
} from '../scenario/vocabulary.ts';
import type { ModelParameters } from './parameters.ts';

/**
 * ν: probability the vendor sees an opportunity of stream s, given the
 * account's barriers: ν0_s·[s≠D]((1−0.5·FW)(1−0.6·ITC))·[s=U](1−0.6·EXR).
 */
export function visibilityProbability(params: ModelParameters, stream: number, barriers: Float64Array): number {
  const { wallsEffect, itControlEffect, executiveEffect } = params.visibility;
  let nu = params.visibilityBase[stream]!;
  if (stream !== DOWNSTREAM) nu *= (1 - wallsEffect * barriers[FUNCTIONAL_WALLS]!) * (1 - itControlEffect * barriers[IT_VENDOR_CONTROL]!);
  if (stream === UPSTREAM) nu *= 1 - executiveEffect * barriers[EXECUTIVE_RELUCTANCE]!;
  return nu;
}

/** Downstream non-innovation deals always count as early: the incumbent is invited. */
export function alwaysEarly(stream: number, type: number): boolean {
  return stream === DOWNSTREAM && type !== INNOVATION;
}

/**
 * e: probability of entering early,
 * min(0.95, e0_s·(1−0.7·IMG)·(1+0.3·min(R,5)) + 0.3·[pull-through and s≠U]).
 */
export function earlyEntryProbability(params: ModelParameters, stream: number, image: number, relationship: number, inPullThrough: boolean): number {
  const { imageEffect, relationshipEffect, relationshipCap, pullThroughBoost, max } = params.earlyEntry;
  const e =
    params.earlyEntryBase[stream]! * (1 - imageEffect * image) * (1 + relationshipEffect * Math.min(relationship, relationshipCap)) +
    (inPullThrough && stream !== UPSTREAM ? pullThroughBoost : 0);
  return Math.min(max, e);
}

/** q_s^β: how the resource and competency match scales the win probability. */
export function matchWinFactor(params: ModelParameters, match: number): number {
  return Math.pow(match, params.winProbability.competencyExponent);
}

/**
 * The part of the win probability shared by every deal of stream s this month:
 * q_s^β·(1−0.5·IMG)^[s≠D]·(1−0.5·EXR)^[s=U]·1.3^[pull-through and s≠U], from
 * `matchFactor` = q_s^β (matchWinFactor).
 */
export function streamWinFactor(params: ModelParameters, stream: number, matchFactor: number, image: number, barriers: Float64Array, inPullThrough: boolean): number {
  const { imageEffect, executiveEffect, pullThroughBoost } = params.winProbability;
  let factor = matchFactor;
  if (stream !== DOWNSTREAM) factor *= 1 - imageEffect * image;
  if (stream === UPSTREAM) factor *= 1 - executiveEffect * barriers[EXECUTIVE_RELUCTANCE]!;
  if (inPullThrough && stream !== UPSTREAM) factor *= pullThroughBoost;
  return factor;
}

/**
 * exp(−0.19·round(FW·Δn_k)): the decision-makers functional walls add to a
 * deal of type k (round half up).
 */
export function wallPenalty(params: ModelParameters, type: number, functionalWalls: number): number {
  return Math.exp(-params.winProbability.wallDecisionMakerPenalty * Math.floor(functionalWalls * params.wallDecisionMakers[type]! + 0.5));
}

/** m_mode: 0.5 when a stream sold in product mode meets an innovation or upstream deal, else 1. */
export function sellingModeFactor(params: ModelParameters, stream: number, type: number, productMode: boolean): number {
  return productMode && (type === INNOVATION || stream === UPSTREAM) ? params.winProbability.productModeFactor : 1;
}

/**
 * p: min(0.97, p0_k·L^[late]·streamFactor·wallPenalty·m_mode), from the
 * factors above.
 */
export function winProbability(params: ModelParameters, type: number, late: boolean, streamFactor: number, wallFactor: number, modeFactor: number): number {
  const p = params.baseWinProbability[type]! * (late ? params.winProbability.lateEntryFactor : 1) * streamFactor * wallFactor * modeFactor;
  return Math.min(params.winProbability.max, p);
}

/**
 * Stages passed, counted in order up to the first failure: stage j passes if
 * its uniform is below p^(1/n), tested as u^n < p (the same event, without a
 * power function). `stageUniforms[offset + j]` holds stage j's uniform.
 */
export function stagesPassed(stageUniforms: Float64Array, offset: number, stages: number, p: number): number {
  // A fixed number of steps and no early exit: the count stops growing at the first failure.
  let passed = 0;
  let alive = 1;
  for (let stage = 0; stage < stages; stage++) {
    const u = stageUniforms[offset + stage]!;
    let power = u;
    for (let i = 1; i < stages; i++) power *= u;
    alive &= +(power < p);
    passed += alive;
  }
  return passed;
}

/** Stages the vendor pays pursuit for: max(passed, 1) early, max(passed − 1, 1) late. */
export function stagesReached(passed: number, early: boolean): number {
  return Math.max(early ? passed : passed - 1, 1);
}

/**
 * m: mean cycle in months, c̄_k·(1+0.5·FW)·max(passed,1)/n_k, plus PUR months
 * outside downstream. The duration is Gamma(2) with this mean (MODEL.md §3.4;
 * the PUR months are part of the mean, see README "Readings").
 */
export function meanCycleMonths(params: ModelParameters, stream: number, type: number, passed: number, barriers: Float64Array): number {
  const base = (params.meanCycleMonths[type]! * (1 + params.cycle.wallsEffect * barriers[FUNCTIONAL_WALLS]!) * Math.max(passed, 1)) / params.stages[type]!;
  return stream === DOWNSTREAM ? base : base + params.cycle.purchasingDelayMonths * barriers[PURCHASING_CONTROL]!;
}

/** d: clip(d0_s + θ_s·PUR + 0.03·z, 0, 0.6). */
export function dealDiscount(params: ModelParameters, stream: number, purchasingControl: number, z: number): number {
  const d = params.baseDiscount[stream]! + params.purchasingDiscount[stream]! * purchasingControl + params.discount.noise * z;
  return d < 0 ? 0 : d > params.discount.max ? params.discount.max : d;
}
