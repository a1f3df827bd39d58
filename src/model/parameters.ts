/**
 * A scenario compiled for the kernel: per-stream and per-type coefficients in
 * typed arrays indexed like MODEL.md's tables, checked once here so the hot
 * loop never checks anything.
 */
import { valuationRates } from './valuation-grid.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import {
  BARRIERS,
  PROJECT_TYPE_COUNT,
  PROJECT_TYPES,
  STREAM_COUNT,
  STREAMS,
  type OpeningRule,
} from '../scenario/vocabulary.ts';
import { strategyLabel, type PlanSection } from '../scenario/strategy-schema.ts';

/** A stream's opening rule in `StrategyParameters.open`. */
export const OPEN_START = 0;
export const OPEN_MIGRATE = 1;
export const OPEN_NEVER = 2;
const OPENING_CODES: Record<OpeningRule, number> = { start: OPEN_START, migrate: OPEN_MIGRATE, never: OPEN_NEVER };

/** One opening plan (MODEL.md §3.6), as the policy plays it. */
export interface StrategyParameters {
  /** The plan's key in the scenario (`beachhead`, `hold`, …) and the label it is shown under. */
  key: string;
  label: string;
  /** Per stream: OPEN_START, OPEN_MIGRATE or OPEN_NEVER (downstream is always OPEN_START). */
  open: Uint8Array;
  rampMonths: number;
  buildCost: number;
  /** Per stream: 1 when the stream is sold in product mode. */
  productMode: Uint8Array;
}

type ModelSection = Scenario['model'];

export interface ModelParameters {
  horizonMonths: number;
  discountRate: number;
  runRateTerminalValue: boolean;
  /** (1 + r)^(−t/12) for t = 0 … T−1. */
  discountFactors: Float64Array;
  /** The valuation check's discount rates (valuation-grid.ts) and their factors for t = 0 … T−1. */
  valuationRates: number[];
  valuationFactors: Float64Array[];

  walletMedian: number;
  walletSigma: number;
  /** Typical barrier levels in BARRIERS order. */
  barrierLevels: Float64Array;
  barrierJitter: number;
  barrierCorrelation: number;
  initialRelationship: number;

  walletShare: Float64Array;
  /** π[s][k] at index s·4 + k. */
  opportunityMix: Float64Array;
  /** v̄[s][k] at index s·4 + k. */
  dealSize: Float64Array;
  dealValueSigma: number;

  visibilityBase: Float64Array;
  earlyEntryBase: Float64Array;
  grossMargin: Float64Array;
  baseDiscount: Float64Array;
  purchasingDiscount: Float64Array;
  coverageCost: Float64Array;
  pursuitCost: Float64Array;
  relationshipGain: Float64Array;
  annuityRate: Float64Array;
  annuityMargin: Float64Array;

  baseWinProbability: Float64Array;
  meanCycleMonths: Float64Array;
  stages: Int32Array;
  wallDecisionMakers: Float64Array;

  visibility: ModelSection['visibility'];
  earlyEntry: ModelSection['earlyEntry'];
  winProbability: ModelSection['winProbability'];
  cycle: ModelSection['cycle'];
  discount: ModelSection['discount'];
  deliveryFailure: ModelSection['deliveryFailure'];
  annuityMonths: number;
  relationship: ModelSection['relationship'];
  image: ModelSection['image'];
  pullThroughMonths: number;
  churn: ModelSection['churn'];
  migration: ModelSection['migration'];

  capacity: number;
  fte: Float64Array;
  competencyRatio: Float64Array;

  /** The plans compared, in the scenario's order (the default plans first). */
  strategies: readonly StrategyParameters[];
  /** Index in `strategies` of the baseline every other plan is compared with. */
  baseline: number;
}

function perStream(read: (stream: (typeof STREAMS)[number]) => number): Float64Array {
  return Float64Array.from(STREAMS, read);
}

function perProjectType(read: (type: (typeof PROJECT_TYPES)[number]) => number): Float64Array {
  return Float64Array.from(PROJECT_TYPES, read);
}

function perStreamAndType(read: (stream: (typeof STREAMS)[number], type: (typeof PROJECT_TYPES)[number]) => number): Float64Array {
  const table = new Float64Array(STREAM_COUNT * PROJECT_TYPE_COUNT);
  STREAMS.forEach((stream, s) => PROJECT_TYPES.forEach((type, k) => (table[s * PROJECT_TYPE_COUNT + k] = read(stream, type))));
  return table;
}

function compileStrategy(key: string, spec: PlanSection): StrategyParameters {
  return {
    key,
    label: strategyLabel(key, spec),
    open: Uint8Array.of(OPEN_START, OPENING_CODES[spec.open.midstream], OPENING_CODES[spec.open.upstream]),
    rampMonths: spec.rampMonths,
    buildCost: spec.buildCost,
    productMode: Uint8Array.from(STREAMS, (stream) => (spec.sellingMode[stream] === 'product' ? 1 : 0)),
  };
}

/** The discount factor of month t: (1 + r)^(−t/12). */
export function discountFactor(discountRate: number, month: number): number {
  return Math.pow(1 + discountRate, -month / 12);
}

/** Compiles a validated scenario into the kernel's parameters. */
export function compileParameters(scenario: Scenario): ModelParameters {
  const { model, account, resources } = scenario;
  const streams = model.streams;
  const horizonMonths = scenario.horizonMonths;
  const strategies = Object.entries(scenario.strategies).map(([key, plan]) => compileStrategy(key, plan));
  return {
    horizonMonths,
    discountRate: scenario.discountRate,
    runRateTerminalValue: scenario.terminalValue === 'runRate',
    discountFactors: Float64Array.from({ length: horizonMonths }, (_, t) => discountFactor(scenario.discountRate, t)),
    valuationRates: valuationRates(scenario.discountRate),
    valuationFactors: valuationRates(scenario.discountRate).map((rate) => Float64Array.from({ length: horizonMonths }, (_, t) => discountFactor(rate, t))),

    walletMedian: account.wallet.median,
    walletSigma: account.wallet.sigma,
    barrierLevels: Float64Array.from(BARRIERS, (barrier) => account.barriers[barrier]),
    barrierJitter: account.barrierJitter,
    barrierCorrelation: account.barrierCorrelation,
    initialRelationship: account.initialRelationship,

    walletShare: perStream((s) => streams[s].walletShare),
    opportunityMix: perStreamAndType((s, k) => streams[s].opportunityMix[k]),
    dealSize: perStreamAndType((s, k) => streams[s].dealSize[k]),
    dealValueSigma: model.dealValueSigma,

    visibilityBase: perStream((s) => streams[s].visibility),
    earlyEntryBase: perStream((s) => streams[s].earlyEntry),
    grossMargin: perStream((s) => streams[s].grossMargin),
    baseDiscount: perStream((s) => streams[s].baseDiscount),
    purchasingDiscount: perStream((s) => streams[s].purchasingDiscount),
    coverageCost: perStream((s) => streams[s].coverageCost),
    pursuitCost: perStream((s) => streams[s].pursuitCost),
    relationshipGain: perStream((s) => streams[s].relationshipGain),
    annuityRate: perStream((s) => streams[s].annuityRate),
    annuityMargin: perStream((s) => streams[s].annuityMargin),

    baseWinProbability: perProjectType((k) => model.projectTypes[k].baseWinProbability),
    meanCycleMonths: perProjectType((k) => model.projectTypes[k].meanCycleMonths),
    stages: Int32Array.from(PROJECT_TYPES, (k) => model.projectTypes[k].stages),
    wallDecisionMakers: perProjectType((k) => model.projectTypes[k].wallDecisionMakers),

    visibility: model.visibility,
    earlyEntry: model.earlyEntry,
    winProbability: model.winProbability,
    cycle: model.cycle,
    discount: model.discount,
    deliveryFailure: model.deliveryFailure,
    annuityMonths: model.annuityMonths,
    relationship: model.relationship,
    image: model.image,
    pullThroughMonths: model.pullThroughMonths,
    churn: model.churn,
    migration: model.migration,

    capacity: resources.capacity,
    fte: perStream((s) => resources.fte[s]),
    competencyRatio: perStream((s) => resources.competency[s]),

    strategies,
    baseline: strategies.findIndex((strategy) => strategy.key === scenario.baseline),
  };
}
