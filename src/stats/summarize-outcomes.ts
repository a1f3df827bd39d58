/**
 * Outcome table → the run's summary: each strategy's figures (MODEL.md §5)
 * and their paired comparison. Everything in it is a function of the trials
 * alone (no clock, no machine), so it can be diffed and re-derived.
 */
import { valueOfExact } from '../engine/exact-sum.ts';
import type { OutcomeTable } from '../engine/outcome-table.ts';
import { FUNNEL_CLOSED, FUNNEL_CLOSED_WON, FUNNEL_STEP_COUNT, FUNNEL_STEPS } from '../engine/trial-outcome.ts';
import {
  PROJECT_TYPES,
  STRATEGIES,
  STREAMS,
  type ProjectTypeName,
  type StrategyName,
  type StreamName,
} from '../scenario/vocabulary.ts';
import { compareStrategies, type Comparison } from './compare-strategies.ts';
import { meanOf, quantileOfSorted, summarizeSample, type SampleSummary } from './sample-statistics.ts';

/** The facts of a run that a summary repeats so it stands on its own. */
export interface RunFacts {
  scenario: string;
  description: string;
  currency: string;
  seed: number;
  trials: number;
  horizonMonths: number;
  discountRate: number;
  terminalValue: 'runRate' | 'none';
  /** sha256 of the validated scenario (defaults filled), trials and seed excluded. */
  scenarioHash: string;
}

export type StreamValues = Record<StreamName, number | null>;

export interface MonthsToFirstWin {
  /** Median month of the first win among trials that had one; null if none did. */
  median: number | null;
  /** Share of all trials with such a win by the horizon. */
  reached: number;
}

export interface StrategySummary {
  npv: SampleSummary;
  revenue: SampleSummary & { byStream: StreamValues };
  grossMargin: SampleSummary & { byStream: StreamValues };
  costOfSale: { mean: number; build: number; byStream: StreamValues };
  /** Total cost of sale over total revenue, over all trials; null without revenue. */
  costOfSaleShare: number | null;
  terminalValue: { mean: number };
  lostWallet: { mean: number };
  shareOfWallet: StreamValues;
  pLockedDownstream: number;
  pChurned: number;
  monthsToFirstMidstreamWin: MonthsToFirstWin;
  monthsToFirstUpstreamWin: MonthsToFirstWin;
  deliveryFailures: { mean: number; marginLost: number };
  dealsWon: { mean: number };
  /** Won over closed deals per project type; null where none closed. */
  winRate: Record<ProjectTypeName, number | null>;
  /** Mean count per trial at each funnel step, per project type. */
  funnel: Record<ProjectTypeName, Record<(typeof FUNNEL_STEPS)[number], number>>;
}

export interface Summary extends Omit<RunFacts, 'scenarioHash'> {
  scenarioHash: string;
  modelVersion: 1;
  strategies: Record<StrategyName, StrategySummary>;
  comparison: Comparison;
  /** Why a figure is null, by its dotted path. */
  notes: Record<string, string>;
}

type Notes = Record<string, string>;

function sumOf(table: OutcomeTable, strategy: StrategyName, name: string, index = 0): number {
  return valueOfExact(table.sums[`${strategy}.${name}`]![index]!);
}

function perStream(read: (s: number) => number | null): StreamValues {
  return Object.fromEntries(STREAMS.map((stream, s) => [stream, read(s)])) as StreamValues;
}

/**
 * The months ≥ 0 (a win reached), sorted, by counting: months are small
 * integers, so this needs 2 bytes a trial and no comparison sort.
 */
function sortedReachedMonths(months: ArrayLike<number>): Int16Array {
  let largest = -1;
  for (let i = 0; i < months.length; i++) if (months[i]! > largest) largest = months[i]!;
  const counts = new Int32Array(largest + 1);
  for (let i = 0; i < months.length; i++) if (months[i]! >= 0) counts[months[i]!]!++;
  let reached = 0;
  for (const count of counts) reached += count;
  const sorted = new Int16Array(reached);
  for (let month = 0, at = 0; month <= largest; month++) sorted.fill(month, at, (at += counts[month]!));
  return sorted;
}

function monthsToFirstWin(months: ArrayLike<number>, path: string, notes: Notes): MonthsToFirstWin {
  const reachedMonths = sortedReachedMonths(months);
  if (reachedMonths.length === 0) notes[`${path}.median`] = 'no trial had such a win within the horizon';
  return {
    median: reachedMonths.length > 0 ? quantileOfSorted(reachedMonths, 0.5) : null,
    reached: reachedMonths.length / months.length,
  };
}

function share(values: ArrayLike<number>, test: (value: number) => boolean): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (test(values[i]!)) count++;
  return count / values.length;
}

function summarizeStrategy(table: OutcomeTable, strategy: StrategyName, walletShare: Float64Array, notes: Notes): StrategySummary {
  const n = table.count;
  const column = (name: string) => table.columns[`${strategy}.${name}`]!;
  const mean = (name: string, index = 0) => sumOf(table, strategy, name, index) / n;
  const path = `strategies.${strategy}`;

  const revenueTotal = STREAMS.reduce((total, _, s) => total + sumOf(table, strategy, 'revenueByStream', s), 0);
  const costTotal = STREAMS.reduce((total, _, s) => total + sumOf(table, strategy, 'costByStream', s), 0) + sumOf(table, strategy, 'buildCost');
  if (revenueTotal === 0) notes[`${path}.costOfSaleShare`] = 'no revenue in any trial';

  const winRate = {} as StrategySummary['winRate'];
  const funnel = {} as StrategySummary['funnel'];
  PROJECT_TYPES.forEach((type, k) => {
    const closed = sumOf(table, strategy, 'funnel', k * FUNNEL_STEP_COUNT + FUNNEL_CLOSED);
    const won = sumOf(table, strategy, 'funnel', k * FUNNEL_STEP_COUNT + FUNNEL_CLOSED_WON);
    winRate[type] = closed > 0 ? won / closed : null;
    if (closed === 0) notes[`${path}.winRate.${type}`] = `no ${type} deal closed within the horizon`;
    funnel[type] = Object.fromEntries(
      FUNNEL_STEPS.map((step, i) => [step, sumOf(table, strategy, 'funnel', k * FUNNEL_STEP_COUNT + i) / n]),
    ) as StrategySummary['funnel'][ProjectTypeName];
  });

  return {
    npv: summarizeSample(column('npv')),
    revenue: { ...summarizeSample(column('revenue')), byStream: perStream((s) => mean('revenueByStream', s)) },
    grossMargin: { ...summarizeSample(column('grossMargin')), byStream: perStream((s) => mean('marginByStream', s)) },
    costOfSale: { mean: costTotal / n, build: mean('buildCost'), byStream: perStream((s) => mean('costByStream', s)) },
    costOfSaleShare: revenueTotal !== 0 ? costTotal / revenueTotal : null,
    terminalValue: { mean: mean('terminalValue') },
    lostWallet: { mean: mean('lostWallet') },
    shareOfWallet: perStream((s) => {
      if (walletShare[s]! > 0) return mean('shareOfWallet', s);
      notes[`${path}.shareOfWallet.${STREAMS[s]}`] = 'the stream has no wallet (walletShare 0)';
      return null;
    }),
    pLockedDownstream: share(column('firstUpstreamWin'), (m) => m < 0),
    pChurned: share(column('churnMonth'), (m) => m >= 0),
    monthsToFirstMidstreamWin: monthsToFirstWin(column('firstMidstreamWin'), `${path}.monthsToFirstMidstreamWin`, notes),
    monthsToFirstUpstreamWin: monthsToFirstWin(column('firstUpstreamWin'), `${path}.monthsToFirstUpstreamWin`, notes),
    deliveryFailures: { mean: meanOf(column('deliveryFailures')), marginLost: mean('failureLoss') },
    dealsWon: { mean: meanOf(column('dealsWon')) },
    winRate,
    funnel,
  };
}

/** Summarizes a complete outcome table (trials 0 … n−1) of a run. */
export function summarizeOutcomes(table: OutcomeTable, facts: RunFacts, walletShare: Float64Array): Summary {
  if (table.count < 1) throw new Error('summarizeOutcomes requires at least one trial');
  const notes: Notes = {};
  const strategies = Object.fromEntries(
    STRATEGIES.map((strategy) => [strategy, summarizeStrategy(table, strategy, walletShare, notes)]),
  ) as Record<StrategyName, StrategySummary>;
  const comparison = compareStrategies(table.columns['ato.npv']!, table.columns['fitd.npv']!, notes);
  if (table.count === 1) {
    for (const strategy of STRATEGIES) notes[`strategies.${strategy}.npv.se`] = 'one trial has no spread';
  }
  return {
    scenario: facts.scenario,
    description: facts.description,
    currency: facts.currency,
    modelVersion: 1,
    scenarioHash: facts.scenarioHash,
    seed: facts.seed,
    trials: facts.trials,
    horizonMonths: facts.horizonMonths,
    discountRate: facts.discountRate,
    terminalValue: facts.terminalValue,
    strategies,
    comparison,
    notes,
  };
}
