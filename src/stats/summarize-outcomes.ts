/**
 * Outcome table → the run's summary: each strategy's figures (MODEL.md §5)
 * and their paired comparison. Everything in it is a function of the trials
 * alone (no clock, no machine), so it can be diffed and re-derived.
 */
import { valueOfExact } from '../engine/exact-sum.ts';
import { strategyColumn, type OutcomeTable, type StrategyColumnName } from '../engine/outcome-table.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { FUNNEL_CLOSED, FUNNEL_CLOSED_WON, FUNNEL_STEP_COUNT, FUNNEL_STEPS } from '../engine/trial-outcome.ts';
import { PROJECT_TYPES, STREAMS, type ProjectTypeName, type StreamName } from '../scenario/vocabulary.ts';
import { compareStrategies, type Comparison, type ShareEstimate } from './compare-strategies.ts';
import { comparedPair } from './compared-pair.ts';
import { wilsonInterval } from './intervals.ts';
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
  /** By strategy key, in the scenario's order. */
  strategies: Record<string, StrategySummary>;
  /** The compared pair: the first strategy that is not the baseline, minus the baseline. */
  comparison: Comparison;
  /** With more than two strategies: every other strategy minus the baseline, by key. */
  comparisons?: Record<string, Comparison>;
  /** With more than two strategies: the share of accounts on which each is the best of all (ties shared), by key. */
  pBest?: Record<string, ShareEstimate>;
  /** Why a figure is null, by its dotted path. */
  notes: Record<string, string>;
}

type Notes = Record<string, string>;

function sumOf(table: OutcomeTable, strategy: string, name: string, index = 0): number {
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

function summarizeStrategy(table: OutcomeTable, strategy: string, walletShare: Float64Array, notes: Notes, sortedNpv?: Float64Array): StrategySummary {
  const n = table.count;
  const column = (name: StrategyColumnName) => strategyColumn(table, strategy, name);
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
    npv: summarizeSample(column('npv'), sortedNpv),
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

/**
 * P(best): on each trial, which strategy has the highest NPV (a tie shares
 * the trial equally), as a share of trials with its Wilson 95% interval.
 */
export function shareBest(npvs: readonly ArrayLike<number>[]): ShareEstimate[] {
  const n = npvs[0]!.length;
  const wins = new Float64Array(npvs.length);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    let tied = 0;
    for (const npv of npvs) {
      if (npv[i]! > best) (best = npv[i]!), (tied = 1);
      else if (npv[i] === best) tied++;
    }
    for (let s = 0; s < npvs.length; s++) if (npvs[s]![i] === best) wins[s]! += 1 / tied;
  }
  return Array.from(wins, (won) => ({ p: won / n, ci95: wilsonInterval(won, n) }));
}

/**
 * Summarizes a complete outcome table (trials 0 … n−1) of a run of `params`' strategies;
 * `sortedNpvs` are the NPV columns' sorted copies by strategy when the caller already made them.
 */
export function summarizeOutcomes(table: OutcomeTable, facts: RunFacts, params: Pick<ModelParameters, 'walletShare' | 'strategies' | 'baseline'>, sortedNpvs?: Record<string, Float64Array>): Summary {
  if (table.count < 1) throw new Error('summarizeOutcomes requires at least one trial');
  const notes: Notes = {};
  const keys = table.strategies;
  const strategies = Object.fromEntries(keys.map((strategy) => [strategy, summarizeStrategy(table, strategy, params.walletShare, notes, sortedNpvs?.[strategy])]));
  const npv = (key: string) => strategyColumn(table, key, 'npv');
  const { a, b } = comparedPair(params);
  const comparison = compareStrategies(npv(a.key), npv(b.key), notes, a.key);
  if (table.count === 1) {
    for (const strategy of keys) notes[`strategies.${strategy}.npv.se`] = 'one trial has no spread';
  }
  const many = keys.length > 2;
  const others = keys.filter((key) => key !== b.key);
  const best = many ? shareBest(keys.map(npv)) : [];
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
    ...(many
      ? {
          comparisons: Object.fromEntries(others.map((key) => [key, compareStrategies(npv(key), npv(b.key), notes, key, `comparisons.${key}`)])),
          pBest: Object.fromEntries(keys.map((key, s) => [key, best[s]!])),
        }
      : {}),
    notes,
  };
}
