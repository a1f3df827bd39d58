/**
 * src/model's formulas (account, hazards, opportunity, valuation) on the
 * flat parameters at `P`, each with the reference's order of operations.
 */
import { exp } from './fdlibm';
import { pow } from './host-math';
import { f64At } from './buffers';
import * as L from './parameter-layout';

const DOWNSTREAM = 0;
const UPSTREAM = 2;
const INNOVATION = 3;
const FUNCTIONAL_WALLS = 0;
const PURCHASING_CONTROL = 2;
const IT_VENDOR_CONTROL = 3;
const EXECUTIVE_RELUCTANCE = 4;

@inline function p(parameters: usize, index: i32): f64 {
  return f64At(parameters, index);
}

export function jitteredBarrier(level: f64, jitter: f64, correlation: f64, zCommon: f64, zOwn: f64): f64 {
  const value = level + jitter * (Math.sqrt(correlation) * zCommon + Math.sqrt(1 - correlation) * zOwn);
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

export function churnHazard(P: usize, barriers: usize, activeStreams: i32): f64 {
  return Math.min(1, p(P, L.CHURN_BASE) * exp(p(P, L.CHURN_PURCHASING) * f64At(barriers, PURCHASING_CONTROL) - p(P, L.CHURN_MULTI_STREAM) * <f64>(activeStreams - 1)));
}

export function downstreamTrap(P: usize, image: f64, upstreamWon: bool): bool {
  return image >= p(P, L.MIGRATION_TRAP_THRESHOLD) && !upstreamWon;
}

function relationshipMultiplier(P: usize, relationship: f64): f64 {
  return exp(p(P, L.MIGRATION_RELATIONSHIP) * Math.min(relationship, p(P, L.MIGRATION_RELATIONSHIP_CAP)));
}

export function hazardDownToMid(P: usize, barriers: usize, image: f64, relationship: f64, trapped: bool): f64 {
  return (
    p(P, L.DOWN_TO_MID_BASE) *
    relationshipMultiplier(P, relationship) *
    (1 - p(P, L.MIGRATION_WALLS) * f64At(barriers, FUNCTIONAL_WALLS)) *
    (1 - p(P, L.DOWN_TO_MID_IT_CONTROL) * f64At(barriers, IT_VENDOR_CONTROL)) *
    (1 - p(P, L.MIGRATION_IMAGE) * image) *
    (trapped ? p(P, L.MIGRATION_TRAP_FACTOR) : 1)
  );
}

export function hazardMidToUp(P: usize, barriers: usize, image: f64, relationship: f64, trapped: bool): f64 {
  return (
    p(P, L.MID_TO_UP_BASE) *
    relationshipMultiplier(P, relationship) *
    (1 - p(P, L.MIGRATION_WALLS) * f64At(barriers, FUNCTIONAL_WALLS)) *
    (1 - p(P, L.MID_TO_UP_IT_CONTROL) * f64At(barriers, IT_VENDOR_CONTROL)) *
    (1 - p(P, L.MID_TO_UP_EXECUTIVE) * f64At(barriers, EXECUTIVE_RELUCTANCE)) *
    (1 - p(P, L.MIGRATION_IMAGE) * image) *
    (trapped ? p(P, L.MIGRATION_TRAP_FACTOR) : 1)
  );
}

export function hazardProbability(hazard: f64): f64 {
  return 1 - exp(-hazard);
}

export function competencyMatch(P: usize, stream: i32, activeFte: f64): f64 {
  const staffing = activeFte > 0 ? Math.min(1, p(P, L.CAPACITY) / activeFte) : 1;
  return Math.min(1, p(P, L.COMPETENCY_RATIO + stream)) * staffing;
}

export function visibilityProbability(P: usize, stream: i32, barriers: usize): f64 {
  let nu = p(P, L.VISIBILITY_BASE + stream);
  if (stream != DOWNSTREAM) nu *= (1 - p(P, L.VISIBILITY_WALLS) * f64At(barriers, FUNCTIONAL_WALLS)) * (1 - p(P, L.VISIBILITY_IT_CONTROL) * f64At(barriers, IT_VENDOR_CONTROL));
  if (stream == UPSTREAM) nu *= 1 - p(P, L.VISIBILITY_EXECUTIVE) * f64At(barriers, EXECUTIVE_RELUCTANCE);
  return nu;
}

export function alwaysEarly(stream: i32, type: i32): bool {
  return stream == DOWNSTREAM && type != INNOVATION;
}

export function earlyEntryProbability(P: usize, stream: i32, image: f64, relationship: f64, inPullThrough: bool): f64 {
  const e =
    p(P, L.EARLY_ENTRY_BASE + stream) * (1 - p(P, L.EARLY_IMAGE) * image) * (1 + p(P, L.EARLY_RELATIONSHIP) * Math.min(relationship, p(P, L.EARLY_RELATIONSHIP_CAP))) +
    (inPullThrough && stream != UPSTREAM ? p(P, L.EARLY_PULL_THROUGH) : 0);
  return Math.min(p(P, L.EARLY_MAX), e);
}

export function matchWinFactor(P: usize, match: f64): f64 {
  return pow(match, p(P, L.WIN_COMPETENCY_EXPONENT));
}

export function streamWinFactor(P: usize, stream: i32, matchFactor: f64, image: f64, barriers: usize, inPullThrough: bool): f64 {
  let factor = matchFactor;
  if (stream != DOWNSTREAM) factor *= 1 - p(P, L.WIN_IMAGE) * image;
  if (stream == UPSTREAM) factor *= 1 - p(P, L.WIN_EXECUTIVE) * f64At(barriers, EXECUTIVE_RELUCTANCE);
  if (inPullThrough && stream != UPSTREAM) factor *= p(P, L.WIN_PULL_THROUGH);
  return factor;
}

export function wallPenalty(P: usize, type: i32, functionalWalls: f64): f64 {
  return exp(-p(P, L.WIN_WALL_PENALTY) * Math.floor(functionalWalls * p(P, L.WALL_DECISION_MAKERS + type) + 0.5));
}

export function sellingModeFactor(P: usize, stream: i32, type: i32, productMode: bool): f64 {
  return productMode && (type == INNOVATION || stream == UPSTREAM) ? p(P, L.WIN_PRODUCT_MODE) : 1;
}

export function winProbability(P: usize, type: i32, late: bool, streamFactor: f64, wallFactor: f64, modeFactor: f64): f64 {
  const probability = p(P, L.BASE_WIN_PROBABILITY + type) * (late ? p(P, L.WIN_LATE_ENTRY) : 1) * streamFactor * wallFactor * modeFactor;
  return Math.min(p(P, L.WIN_MAX), probability);
}

/** Stages passed in order up to the first failure, stage j passing when u_j^n < p. */
export function stagesPassed(stageUniforms: usize, stages: i32, probability: f64): i32 {
  let passed = 0;
  for (let stage = 0; stage < stages; stage++) {
    const u = f64At(stageUniforms, stage);
    let power = u;
    for (let i = 1; i < stages; i++) power *= u;
    if (!(power < probability)) break;
    passed++;
  }
  return passed;
}

export function stagesReached(passed: i32, early: bool): i32 {
  return max(early ? passed : passed - 1, 1);
}

export function annualChurnRate(monthlyHazard: f64): f64 {
  return 1 - pow(1 - monthlyHazard, 12);
}

export function terminalValue(discountRate: f64, horizonMonths: i32, runRate: bool, lastYearCash: f64, lastMonthlyChurnHazard: f64, churned: bool): f64 {
  if (!runRate || churned) return 0;
  const capitalisation = discountRate + annualChurnRate(lastMonthlyChurnHazard);
  return (lastYearCash / capitalisation) * pow(1 + discountRate, -(<f64>(horizonMonths - 1)) / 12);
}
