/**
 * A compiled scenario (ModelParameters and every StrategyParameters) as the
 * one Float64Array the WebAssembly kernel reads, in the layout of
 * src/kernel/parameter-layout.ts (shared by both sides, documented there).
 * Integers (horizon, stages, months, opening rules) are stored as doubles;
 * flags as 0 or 1.
 */
import type { ModelParameters } from '../model/parameters.ts';
import * as L from '../kernel/parameter-layout.ts';

/** Doubles the parameter block of a scenario with horizon `horizonMonths` and `strategies` plans takes. */
export function kernelParameterLength(horizonMonths: number, strategies: number): number {
  return L.FIXED_LENGTH + (1 + L.RATE_COUNT) * horizonMonths + strategies * L.STRATEGY_STRIDE;
}

/** Offset of strategy `index`'s block. */
export function strategyOffset(horizonMonths: number, index: number): number {
  return L.FIXED_LENGTH + (1 + L.RATE_COUNT) * horizonMonths + index * L.STRATEGY_STRIDE;
}

/** The flat parameter block of `params`. */
export function kernelParameters(params: ModelParameters): Float64Array {
  const T = params.horizonMonths;
  const block = new Float64Array(kernelParameterLength(T, params.strategies.length));
  const m = params;
  const scalars: [number, number][] = [
    [L.HORIZON, T],
    [L.DISCOUNT_RATE, m.discountRate],
    [L.RUN_RATE_TERMINAL_VALUE, m.runRateTerminalValue ? 1 : 0],
    [L.WALLET_MEDIAN, m.walletMedian],
    [L.WALLET_SIGMA, m.walletSigma],
    [L.BARRIER_JITTER, m.barrierJitter],
    [L.BARRIER_CORRELATION, m.barrierCorrelation],
    [L.INITIAL_RELATIONSHIP, m.initialRelationship],
    [L.DEAL_VALUE_SIGMA, m.dealValueSigma],
    [L.ANNUITY_MONTHS, m.annuityMonths],
    [L.PULL_THROUGH_MONTHS, m.pullThroughMonths],
    [L.CAPACITY, m.capacity],
    [L.STRATEGY_COUNT, m.strategies.length],
    [L.VISIBILITY_WALLS, m.visibility.wallsEffect],
    [L.VISIBILITY_IT_CONTROL, m.visibility.itControlEffect],
    [L.VISIBILITY_EXECUTIVE, m.visibility.executiveEffect],
    [L.EARLY_IMAGE, m.earlyEntry.imageEffect],
    [L.EARLY_RELATIONSHIP, m.earlyEntry.relationshipEffect],
    [L.EARLY_RELATIONSHIP_CAP, m.earlyEntry.relationshipCap],
    [L.EARLY_PULL_THROUGH, m.earlyEntry.pullThroughBoost],
    [L.EARLY_MAX, m.earlyEntry.max],
    [L.WIN_COMPETENCY_EXPONENT, m.winProbability.competencyExponent],
    [L.WIN_IMAGE, m.winProbability.imageEffect],
    [L.WIN_EXECUTIVE, m.winProbability.executiveEffect],
    [L.WIN_PULL_THROUGH, m.winProbability.pullThroughBoost],
    [L.WIN_WALL_PENALTY, m.winProbability.wallDecisionMakerPenalty],
    [L.WIN_PRODUCT_MODE, m.winProbability.productModeFactor],
    [L.WIN_LATE_ENTRY, m.winProbability.lateEntryFactor],
    [L.WIN_MAX, m.winProbability.max],
    [L.CYCLE_WALLS, m.cycle.wallsEffect],
    [L.CYCLE_PURCHASING_DELAY, m.cycle.purchasingDelayMonths],
    [L.DISCOUNT_NOISE, m.discount.noise],
    [L.DISCOUNT_MAX, m.discount.max],
    [L.FAILURE_SCALE, m.deliveryFailure.scale],
    [L.FAILURE_MARGIN_LOSS, m.deliveryFailure.marginLoss],
    [L.FAILURE_IMAGE_HIT, m.deliveryFailure.imageHit],
    [L.FAILURE_RELATIONSHIP_LOSS, m.deliveryFailure.relationshipLoss],
    [L.RELATIONSHIP_DEAL_CAP, m.relationship.dealSizeCap],
    [L.RELATIONSHIP_DECAY, m.relationship.decay],
    [L.IMAGE_REPAIR, m.image.repairPerWin],
    [L.IMAGE_DEAL_CAP, m.image.dealSizeCap],
    [L.IMAGE_DRIFT, m.image.driftUp],
    [L.CHURN_BASE, m.churn.base],
    [L.CHURN_PURCHASING, m.churn.purchasingEffect],
    [L.CHURN_MULTI_STREAM, m.churn.multiStreamEffect],
    [L.MIGRATION_TRAP_THRESHOLD, m.migration.trapImageThreshold],
    [L.MIGRATION_RELATIONSHIP, m.migration.relationshipEffect],
    [L.MIGRATION_RELATIONSHIP_CAP, m.migration.relationshipCap],
    [L.MIGRATION_WALLS, m.migration.wallsEffect],
    [L.MIGRATION_IMAGE, m.migration.imageEffect],
    [L.MIGRATION_TRAP_FACTOR, m.migration.trapFactor],
    [L.DOWN_TO_MID_BASE, m.migration.downToMid.base],
    [L.DOWN_TO_MID_IT_CONTROL, m.migration.downToMid.itControlEffect],
    [L.MID_TO_UP_BASE, m.migration.midToUp.base],
    [L.MID_TO_UP_IT_CONTROL, m.migration.midToUp.itControlEffect],
    [L.MID_TO_UP_EXECUTIVE, m.migration.midToUp.executiveEffect],
  ];
  for (const [offset, value] of scalars) block[offset] = value;
  const tables: [number, ArrayLike<number>][] = [
    [L.BARRIER_LEVELS, m.barrierLevels],
    [L.WALLET_SHARE, m.walletShare],
    [L.OPPORTUNITY_MIX, m.opportunityMix],
    [L.DEAL_SIZE, m.dealSize],
    [L.VISIBILITY_BASE, m.visibilityBase],
    [L.EARLY_ENTRY_BASE, m.earlyEntryBase],
    [L.GROSS_MARGIN, m.grossMargin],
    [L.BASE_DISCOUNT, m.baseDiscount],
    [L.PURCHASING_DISCOUNT, m.purchasingDiscount],
    [L.COVERAGE_COST, m.coverageCost],
    [L.PURSUIT_COST, m.pursuitCost],
    [L.RELATIONSHIP_GAIN, m.relationshipGain],
    [L.ANNUITY_RATE, m.annuityRate],
    [L.ANNUITY_MARGIN, m.annuityMargin],
    [L.FTE, m.fte],
    [L.COMPETENCY_RATIO, m.competencyRatio],
    [L.BASE_WIN_PROBABILITY, m.baseWinProbability],
    [L.MEAN_CYCLE_MONTHS, m.meanCycleMonths],
    [L.STAGES, m.stages],
    [L.WALL_DECISION_MAKERS, m.wallDecisionMakers],
    [L.VALUATION_RATES, m.valuationRates],
    [L.FIXED_LENGTH, m.discountFactors],
  ];
  for (const [offset, values] of tables) block.set(values, offset);
  if (m.valuationRates.length !== L.RATE_COUNT || m.valuationFactors.length !== L.RATE_COUNT) throw new Error(`the kernel holds ${L.RATE_COUNT} valuation rates`);
  m.valuationFactors.forEach((factors, r) => block.set(factors, L.FIXED_LENGTH + (1 + r) * T));
  m.strategies.forEach((strategy, index) => {
    const offset = strategyOffset(T, index);
    block.set(strategy.open, offset + L.STRATEGY_OPEN);
    block[offset + L.STRATEGY_RAMP_MONTHS] = strategy.rampMonths;
    block[offset + L.STRATEGY_BUILD_COST] = strategy.buildCost;
    block.set(strategy.productMode, offset + L.STRATEGY_PRODUCT_MODE);
  });
  return block;
}
