/**
 * A run's trials and summary → everything the report's charts plot, already
 * reduced to tens or hundreds of rows (vega never sees raw trials). Pure: the
 * same run gives the same chart data.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import { PROJECT_TYPES, type ProjectTypeName, type StreamName } from '../scenario/vocabulary.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { strategyColumn } from '../engine/outcome-table.ts';
import { comparedPair, strategyRefs, type ComparedPair, type StrategyRef } from './compared-pair.ts';
import { pBetter } from './compare-strategies.ts';
import { binHistogram, clippedRange, niceBinning, type ClippedRange, type Histogram } from './bin-histogram.ts';
import { empiricalCdf, type CdfPoint } from './empirical-cdf.ts';
import { funnelSteps, type FunnelStep } from './funnel-steps.ts';
import { kaplanMeier, type SurvivalStep } from './kaplan-meier.ts';
import { sortedCopy } from './sample-statistics.ts';
import { summarizeCashFan, type FanMonth } from './summarize-cash-fan.ts';
import { summarizeStreamPenetration, type StreamPenetration } from './summarize-stream-penetration.ts';
import type { Summary } from './summarize-outcomes.ts';
import type { AblationSummary } from './barrier-ablation.ts';
import type { PathClassSummary } from './path-classes.ts';
import type { PrecisionSummary } from './precision-run.ts';
import type { FullSummary } from './full-summary.ts';
import type { RobustnessSummary } from './summarize-robustness.ts';

/** Histograms of heavy-tailed money values are shown between these quantiles. */
export const CLIP_QUANTILES = [0.01, 0.99] as const;
/** About this many bins per histogram. */
export const HISTOGRAM_BINS = 50;
/** Points per CDF curve. */
export const CDF_POINTS = 197;

/** By strategy key. */
type PerStrategy<T> = Record<string, T>;

/** The strategies a chart draws (in the scenario's order) and the pair its title compares (a − b). */
export interface ChartPlans {
  strategies: StrategyRef[];
  pair: ComparedPair;
}

export interface NpvDistributionData extends ChartPlans {
  currency: string;
  range: ClippedRange;
  histograms: PerStrategy<Histogram>;
  npv: PerStrategy<{ mean: number; p10: number; p50: number; p90: number }>;
}

export interface NpvDifferenceData extends ChartPlans {
  currency: string;
  range: ClippedRange;
  histogram: Histogram;
  mean: number;
  ci95: [number, number] | null;
  /** P(a better than b). */
  pBetter: number;
  pTie: number;
  /** With more than two strategies: each one's P(best) and mean NPV, for the title's finding about all of them. */
  allPlans: { pBest: Record<string, { p: number; ci95: [number, number] }>; meanNpv: Record<string, number> } | null;
}

export interface CashFanData extends ChartPlans {
  currency: string;
  sampledTrials: number;
  fan: PerStrategy<FanMonth[]>;
  meanTerminalValue: PerStrategy<number>;
  terminalValue: 'runRate' | 'none';
}

export interface StreamPenetrationData extends ChartPlans {
  horizonMonths: number;
  penetration: PerStrategy<StreamPenetration>;
  /** Share of accounts with an upstream win by the horizon, churned or not (1 − pLockedDownstream, the table's figure). */
  upstreamWinShare: PerStrategy<number>;
}

export interface UpstreamSurvivalData extends ChartPlans {
  horizonMonths: number;
  /** Kaplan–Meier steps over model months; trials without a win are censored at the last month, T − 1. */
  survival: PerStrategy<SurvivalStep[]>;
  /** Median month of the first upstream win among trials with one (null if none), as in the summary. */
  medianAmongWinners: PerStrategy<number | null>;
}

export interface FunnelData extends ChartPlans {
  horizonMonths: number;
  funnel: PerStrategy<Record<ProjectTypeName, FunnelStep[]>>;
}

export interface ValueByStreamData extends ChartPlans {
  currency: string;
  horizonMonths: number;
  /** Mean per trial over the horizon, undiscounted. */
  value: PerStrategy<Record<'revenue' | 'grossMargin' | 'costOfSale', Record<StreamName, number>>>;
  /** Mean capability build cost per trial (a cost of sale of no stream). */
  buildCost: PerStrategy<number>;
}

export interface NpvCdfData extends ChartPlans {
  currency: string;
  range: ClippedRange;
  cdf: PerStrategy<CdfPoint[]>;
  npv: PerStrategy<{ p10: number; p50: number; p90: number }>;
  /** Share of trials with a negative NPV (the account lost money). */
  pLoss: PerStrategy<number>;
}

export interface AblationData extends ChartPlans {
  currency: string;
  ablation: AblationSummary;
}

export interface PathClassesData extends ChartPlans {
  currency: string;
  /** The run's mean NPV difference of the compared pair: the classes' share × mean add up to it. */
  meanDiff: number;
  classes: PathClassSummary;
  /** Share of accounts with an upstream win by the horizon, per strategy (1 − pLockedDownstream, the table's figure). */
  upstreamWinShare: PerStrategy<number>;
}

/** With more than two strategies: P(best) and the mean NPV of each. */
export interface BestPlanData extends ChartPlans {
  currency: string;
  trials: number;
  pBest: Record<string, { p: number; ci95: [number, number] }>;
  meanNpv: Record<string, number>;
}

export interface ConvergenceData {
  currency: string;
  precision: PrecisionSummary;
  /** The pair whose running difference the precision run followed (the default pair when absent). */
  pair?: ComparedPair;
}

export interface ChartData extends ChartPlans {
  scenario: string;
  trials: number;
  npvDistribution: NpvDistributionData;
  npvDifference: NpvDifferenceData;
  cashFan: CashFanData;
  streamPenetration: StreamPenetrationData;
  upstreamSurvival: UpstreamSurvivalData;
  funnel: FunnelData;
  valueByStream: ValueByStreamData;
  npvCdf: NpvCdfData;
  pathClasses: PathClassesData;
  /** Null when the run had no barrier ablation (`--no-ablate`). */
  ablation: AblationData | null;
  /** Null unless the run was run to a precision target. */
  convergence: ConvergenceData | null;
  /** Null with two strategies (P(better) says it all). */
  bestPlan: BestPlanData | null;
  robustness: RobustnessData;
}

/** The robustness analyses (summarize-robustness.ts) as the report's section charts them. */
export interface RobustnessData extends ChartPlans {
  currency: string;
  horizonMonths: number;
  robustness: RobustnessSummary;
}



/** Share of sorted values strictly below `limit` (binary search). */
function shareBelow(sorted: Float64Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < limit) low = mid + 1;
    else high = mid;
  }
  return low / sorted.length;
}

function orZero(values: Record<StreamName, number | null>): Record<StreamName, number> {
  return { downstream: values.downstream ?? 0, midstream: values.midstream ?? 0, upstream: values.upstream ?? 0 };
}

function upstreamSurvival(table: OutcomeTable, summary: Summary, plans: ChartPlans, perStrategy: <T>(make: (strategy: string) => T) => PerStrategy<T>): UpstreamSurvivalData {
  const lastMonth = table.horizonMonths - 1;
  const survival = perStrategy((strategy) => {
    const firstWin = strategyColumn(table, strategy, 'firstUpstreamWin');
    return kaplanMeier(Float64Array.from(firstWin, (m) => (m >= 0 ? m : lastMonth)), Array.from(firstWin, (m) => m >= 0));
  });
  const medianAmongWinners = perStrategy((strategy) => summary.strategies[strategy]!.monthsToFirstUpstreamWin.median);
  return { ...plans, horizonMonths: table.horizonMonths, survival, medianAmongWinners };
}

/**
 * Reduces a run to chart data. Cost: a few sorts of the NPV columns and of
 * each month of the cash-path sample; ~150 ms for 20,000 trials.
 */
export function prepareChartData(params: Pick<ModelParameters, 'strategies' | 'baseline' | 'stages'>, summary: FullSummary, table: OutcomeTable): ChartData {
  if (table.count < 1) throw new Error('prepareChartData requires at least one trial');
  const plans: ChartPlans = { strategies: strategyRefs(params), pair: comparedPair(params) };
  const perStrategy = <T>(make: (strategy: string) => T): PerStrategy<T> => Object.fromEntries(plans.strategies.map(({ key }) => [key, make(key)]));
  const npvColumns = perStrategy((s) => strategyColumn(table, s, 'npv'));
  const currency = summary.currency;
  const { a, b } = plans.pair;

  const npvRange = clippedRange(plans.strategies.map(({ key }) => npvColumns[key]!), ...CLIP_QUANTILES);
  const npvBinning = niceBinning(npvRange.min, npvRange.max, HISTOGRAM_BINS);
  const difference = Float64Array.from(npvColumns[a.key]!, (value, i) => value - npvColumns[b.key]![i]!);
  const differenceRange = clippedRange([difference], ...CLIP_QUANTILES);
  const sortedNpv = perStrategy((s) => sortedCopy(npvColumns[s]!));

  return {
    ...plans,
    scenario: summary.scenario,
    trials: table.count,
    npvDistribution: {
      ...plans,
      currency,
      range: npvRange,
      histograms: perStrategy((s) => binHistogram(npvColumns[s]!, npvBinning)),
      npv: perStrategy((s) => {
        const { mean, p10, p50, p90 } = summary.strategies[s]!.npv;
        return { mean, p10, p50, p90 };
      }),
    },
    npvDifference: {
      ...plans,
      currency,
      range: differenceRange,
      histogram: binHistogram(difference, niceBinning(differenceRange.min, differenceRange.max, HISTOGRAM_BINS)),
      mean: summary.comparison.npvDiff.mean,
      ci95: summary.comparison.npvDiff.ci95,
      pBetter: pBetter(summary.comparison, a.key).p,
      pTie: summary.comparison.pTie,
      allPlans: summary.pBest ? { pBest: summary.pBest, meanNpv: perStrategy((s) => summary.strategies[s]!.npv.mean) } : null,
    },
    cashFan: {
      ...plans,
      currency,
      sampledTrials: table.cashPathCount,
      fan: perStrategy((s) => (table.cashPathCount > 0 ? summarizeCashFan(table.cashPaths[s]!, table.cashPathCount, table.horizonMonths) : [])),
      meanTerminalValue: perStrategy((s) => summary.strategies[s]!.terminalValue.mean),
      terminalValue: summary.terminalValue,
    },
    streamPenetration: {
      ...plans,
      horizonMonths: table.horizonMonths,
      upstreamWinShare: perStrategy((s) => 1 - summary.strategies[s]!.pLockedDownstream),
      penetration: perStrategy((s) =>
        summarizeStreamPenetration(
          {
            opened: { midstream: strategyColumn(table, s, 'midstreamOpened'), upstream: strategyColumn(table, s, 'upstreamOpened') },
            firstWin: {
              downstream: strategyColumn(table, s, 'firstDownstreamWin'),
              midstream: strategyColumn(table, s, 'firstMidstreamWin'),
              upstream: strategyColumn(table, s, 'firstUpstreamWin'),
            },
            churnMonth: strategyColumn(table, s, 'churnMonth'),
          },
          params.strategies.find((strategy) => strategy.key === s)!.rampMonths,
          table.horizonMonths,
        ),
      ),
    },
    upstreamSurvival: upstreamSurvival(table, summary, plans, perStrategy),
    funnel: {
      ...plans,
      horizonMonths: summary.horizonMonths,
      funnel: perStrategy((s) =>
        Object.fromEntries(
          PROJECT_TYPES.map((type, k) => [type, funnelSteps(summary.strategies[s]!.funnel[type], params.stages[k]!)]),
        ) as Record<ProjectTypeName, FunnelStep[]>,
      ),
    },
    valueByStream: {
      ...plans,
      currency,
      horizonMonths: table.horizonMonths,
      value: perStrategy((s) => ({
        revenue: orZero(summary.strategies[s]!.revenue.byStream),
        grossMargin: orZero(summary.strategies[s]!.grossMargin.byStream),
        costOfSale: orZero(summary.strategies[s]!.costOfSale.byStream),
      })),
      buildCost: perStrategy((s) => summary.strategies[s]!.costOfSale.build),
    },
    npvCdf: {
      ...plans,
      currency,
      range: npvRange,
      cdf: perStrategy((s) => empiricalCdf(sortedNpv[s]!, CLIP_QUANTILES[0], CLIP_QUANTILES[1], CDF_POINTS)),
      npv: perStrategy((s) => {
        const { p10, p50, p90 } = summary.strategies[s]!.npv;
        return { p10, p50, p90 };
      }),
      pLoss: perStrategy((s) => shareBelow(sortedNpv[s]!, 0)),
    },
    pathClasses: {
      ...plans,
      currency,
      meanDiff: summary.comparison.npvDiff.mean,
      classes: summary.pathClasses,
      upstreamWinShare: perStrategy((s) => 1 - summary.strategies[s]!.pLockedDownstream),
    },
    ablation: summary.ablation ? { ...plans, currency, ablation: summary.ablation } : null,
    convergence: summary.precision ? { currency, precision: summary.precision, pair: plans.pair } : null,
    bestPlan: summary.pBest
      ? { ...plans, currency, trials: table.count, pBest: summary.pBest, meanNpv: perStrategy((s) => summary.strategies[s]!.npv.mean) }
      : null,
    robustness: { ...plans, currency, horizonMonths: table.horizonMonths, robustness: summary.robustness },
  };
}
