/**
 * Monthly hazards and the resource match (MODEL.md §3.3 step 4, §3.6): churn,
 * the migration hazards with the downstream trap, and q_s.
 */
import {
  EXECUTIVE_RELUCTANCE,
  FUNCTIONAL_WALLS,
  IT_VENDOR_CONTROL,
  PURCHASING_CONTROL,
} from '../scenario/vocabulary.ts';
import type { ModelParameters } from './parameters.ts';

/** h_c = churn0·exp(θ_churn·PUR − γ_multi·(activeStreams − 1)): monthly churn hazard. */
export function churnHazard(params: ModelParameters, barriers: Float64Array, activeStreams: number): number {
  const { base, purchasingEffect, multiStreamEffect } = params.churn;
  return Math.min(1, base * Math.exp(purchasingEffect * barriers[PURCHASING_CONTROL]! - multiStreamEffect * (activeStreams - 1)));
}

/**
 * Yearly churn rate from a monthly hazard: 1 − (1 − h)^12.
 *
 * @example annualChurnRate(0.004) // => 0.04695795408723624
 */
export function annualChurnRate(monthlyHazard: number): number {
  return 1 - Math.pow(1 - monthlyHazard, 12);
}

/** λ_lock: the downstream trap holds while IMG ≥ 0.85 and no upstream deal has been won. */
export function downstreamTrap(params: ModelParameters, image: number, upstreamWon: boolean): boolean {
  return image >= params.migration.trapImageThreshold && !upstreamWon;
}

function relationshipMultiplier(params: ModelParameters, relationship: number): number {
  const { relationshipEffect, relationshipCap } = params.migration;
  return Math.exp(relationshipEffect * Math.min(relationship, relationshipCap));
}

/** H_DM = 0.015·e^(0.35·min(R,6))·(1−0.6·FW)(1−0.3·ITC)(1−0.6·IMG)·λ_lock. */
export function hazardDownToMid(params: ModelParameters, barriers: Float64Array, image: number, relationship: number, trapped: boolean): number {
  const m = params.migration;
  return (
    m.downToMid.base *
    relationshipMultiplier(params, relationship) *
    (1 - m.wallsEffect * barriers[FUNCTIONAL_WALLS]!) *
    (1 - m.downToMid.itControlEffect * barriers[IT_VENDOR_CONTROL]!) *
    (1 - m.imageEffect * image) *
    (trapped ? m.trapFactor : 1)
  );
}

/** H_MU = 0.010·e^(0.35·min(R,6))·(1−0.6·FW)(1−0.6·ITC)(1−0.7·EXR)(1−0.6·IMG)·λ_lock. */
export function hazardMidToUp(params: ModelParameters, barriers: Float64Array, image: number, relationship: number, trapped: boolean): number {
  const m = params.migration;
  return (
    m.midToUp.base *
    relationshipMultiplier(params, relationship) *
    (1 - m.wallsEffect * barriers[FUNCTIONAL_WALLS]!) *
    (1 - m.midToUp.itControlEffect * barriers[IT_VENDOR_CONTROL]!) *
    (1 - m.midToUp.executiveEffect * barriers[EXECUTIVE_RELUCTANCE]!) *
    (1 - m.imageEffect * image) *
    (trapped ? m.trapFactor : 1)
  );
}

/** Probability a hazard H fires this month: 1 − e^(−H). */
export function hazardProbability(hazard: number): number {
  return 1 - Math.exp(-hazard);
}

/**
 * q_s = min(1, C_s/Req_s)·min(1, capacity/Σ fte over active streams): how well
 * the vendor's competencies and people match stream s this month. `activeFte`
 * is that Σ fte.
 */
export function competencyMatch(params: ModelParameters, stream: number, activeFte: number): number {
  const staffing = activeFte > 0 ? Math.min(1, params.capacity / activeFte) : 1;
  return Math.min(1, params.competencyRatio[stream]!) * staffing;
}
