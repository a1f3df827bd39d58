/**
 * A compiled scenario (ModelParameters and every StrategyParameters) as the
 * one Float64Array the WebAssembly kernel reads, in the layout of
 * src/kernel/parameter-layout.ts (shared by both sides, documented there).
 * Integers (horizon, stages, months, opening rules) are stored as doubles;
 * flags as 0 or 1. The block is written field by field through a check that
 * every slot is written exactly once and none past the end, so a layout slip
 * (a field forgotten, two fields on one slot, a length out of step) fails
 * loudly here rather than as wrong figures in the kernel.
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

/** One field of the block: its offset, and its value or its table's values. */
export type ParameterField = readonly [offset: number, value: number | ArrayLike<number>];

/** The flat parameter block of `params`. */
export function kernelParameters(params: ModelParameters): Float64Array {
  return writeParameterBlock(kernelParameterLength(params.horizonMonths, params.strategies.length), kernelParameterFields(params), params.horizonMonths);
}

/** Every field of `params`'s block, where the layout puts it. */
export function kernelParameterFields(params: ModelParameters): ParameterField[] {
  const T = params.horizonMonths;
  const m = params;
  const scalars: ParameterField[] = [
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
  const tables: ParameterField[] = [
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
  if (m.valuationRates.length !== L.RATE_COUNT || m.valuationFactors.length !== L.RATE_COUNT) throw new Error(`the kernel holds ${L.RATE_COUNT} valuation rates`);
  const factors: ParameterField[] = m.valuationFactors.map((values, r) => [L.FIXED_LENGTH + (1 + r) * T, values]);
  const strategies = m.strategies.flatMap((strategy, index): ParameterField[] => {
    const offset = strategyOffset(T, index);
    return [
      [offset + L.STRATEGY_OPEN, strategy.open],
      [offset + L.STRATEGY_RAMP_MONTHS, strategy.rampMonths],
      [offset + L.STRATEGY_BUILD_COST, strategy.buildCost],
      [offset + L.STRATEGY_PRODUCT_MODE, strategy.productMode],
    ];
  });
  return [...scalars, ...tables, ...factors, ...strategies];
}

/** What the layout puts at `slot` of a block for horizon `horizonMonths`, for messages. */
function slotName(slot: number, horizonMonths: number): string {
  const factors = L.FIXED_LENGTH + (1 + L.RATE_COUNT) * horizonMonths;
  if (slot >= factors) return `strategy ${Math.floor((slot - factors) / L.STRATEGY_STRIDE)}'s slot ${(slot - factors) % L.STRATEGY_STRIDE}`;
  if (slot >= L.FIXED_LENGTH) return `month ${(slot - L.FIXED_LENGTH) % horizonMonths} of factor table ${Math.floor((slot - L.FIXED_LENGTH) / horizonMonths)}`;
  const [name, offset] = Object.entries(L)
    .filter(([key, value]) => !key.startsWith('STRATEGY_') && key !== 'RATE_COUNT' && key !== 'FIXED_LENGTH' && value <= slot)
    .reduce((best, entry) => (entry[1] > best[1] ? entry : best), ['HORIZON', 0]);
  return offset === slot ? name : `${name} + ${slot - offset}`;
}

/**
 * A block of `length` doubles holding `fields`; throws unless they cover every
 * slot exactly once, none past the end (a typed array would drop such a write
 * silently).
 */
export function writeParameterBlock(length: number, fields: readonly ParameterField[], horizonMonths = 0): Float64Array {
  const block = new Float64Array(length);
  const writes = new Uint8Array(length);
  const slip = (why: string) => new Error(`the kernel's parameter layout slipped: ${why} (src/kernel/parameter-layout.ts against src/engine/kernel-parameters.ts)`);
  for (const [offset, value] of fields) {
    const values = typeof value === 'number' ? [value] : value;
    if (!Number.isInteger(offset) || offset < 0 || offset + values.length > length) throw slip(`a field of ${values.length} at ${offset} runs past the block's ${length} doubles`);
    for (let i = 0; i < values.length; i++) {
      if (writes[offset + i]! > 0) throw slip(`${slotName(offset + i, horizonMonths)} (slot ${offset + i}) is written by two fields`);
      writes[offset + i] = 1;
      block[offset + i] = values[i]!;
    }
  }
  const unwritten = writes.indexOf(0);
  if (unwritten >= 0) throw slip(`${slotName(unwritten, horizonMonths)} (slot ${unwritten}) is never written`);
  return block;
}
