/**
 * Why a strategy won: each trial's path under each plan, put into one class,
 * with the share of trials in every class and the mean NPV difference of the
 * compared pair within it — so a reviewer sees where an advantage comes from.
 * A plan's classes follow from what it can do (MODEL.md §3.6): a plan that
 * migrates is classed by how far it migrated (MIGRATING_PATHS), a plan that
 * only starts streams by what it won and how it was staffed (STARTING_PATHS), a plan
 * that opens nothing by whether the account stayed.
 */
import { strategyColumn, type OutcomeTable } from '../engine/outcome-table.ts';
import { OPEN_MIGRATE, OPEN_NEVER, OPEN_START, type ModelParameters, type StrategyParameters } from '../model/parameters.ts';
import { MIDSTREAM, STREAM_COUNT, UPSTREAM } from '../scenario/vocabulary.ts';
import { comparedPair } from './compared-pair.ts';
import { ExactAccumulator } from './exact-accumulator.ts';

/** Paths of a plan that migrates, in the order a trial is tested against them (first match wins). */
export const MIGRATING_PATHS = {
  churned: 'the account churned',
  migratedFully: 'opened upstream',
  stalledAtMidstream: 'opened midstream, never upstream',
  stuckByTrap: 'never migrated; the downstream trap held for a year or more',
  neverMigrated: 'never migrated, without the trap holding long',
} as const;

/** Paths of a plan that only starts streams, in the order a trial is tested against them (first match wins). */
export const STARTING_PATHS = {
  churned: 'the account churned',
  failedDelivery: 'at least one midstream or upstream delivery failed',
  upstreamReached: 'won an upstream deal',
  capacityStarved: 'no upstream win, with fewer FTE than the three streams need',
  upstreamNotReached: 'no upstream win, with enough FTE',
} as const;

/** Paths of a plan that opens nothing beyond downstream. */
export const HOLD_PATHS = {
  churned: 'the account churned',
  heldDownstream: 'stayed a downstream supplier to the horizon',
} as const;

export type MigratingPath = keyof typeof MIGRATING_PATHS;
export type StartingPath = keyof typeof STARTING_PATHS;
export type HoldPath = keyof typeof HOLD_PATHS;
/** Which set of classes a plan's paths fall into. */
export type PathFamily = 'migrating' | 'starting' | 'holding';

export function pathFamilyOf(strategy: Pick<StrategyParameters, 'open'>): PathFamily {
  const rules = Array.from(strategy.open).slice(MIDSTREAM);
  if (rules.includes(OPEN_MIGRATE)) return 'migrating';
  return rules.includes(OPEN_START) ? 'starting' : 'holding';
}

/** Months under the downstream trap that make a never-migrated path "stuck by the trap". */
export const TRAP_MONTHS_STUCK = 12;

export interface PathClass {
  description: string;
  trials: number;
  share: number;
  /** Mean NPV of the strategy on these trials, and the compared pair's mean difference on them; null for an empty class. */
  meanNpv: number | null;
  meanNpvDiff: number | null;
}

/** Each plan's classes by strategy key, the baseline's first. */
export type PathClassSummary = Record<string, Record<string, PathClass>>;

/** The migrating plan's classifier of trial rows: how far each got with the streams it migrates to. */
export function migratingPathsOf(table: OutcomeTable, strategy: Pick<StrategyParameters, 'key' | 'open'>): (i: number) => MigratingPath {
  const column = (name: 'churnMonth' | 'midstreamOpened' | 'upstreamOpened' | 'trapMonths') => strategyColumn(table, strategy.key, name);
  const [churnMonth, midstreamOpened, upstreamOpened, trapMonths] = [column('churnMonth'), column('midstreamOpened'), column('upstreamOpened'), column('trapMonths')];
  const migratesMidstream = strategy.open[MIDSTREAM] === OPEN_MIGRATE;
  const migratesUpstream = strategy.open[UPSTREAM] === OPEN_MIGRATE;
  return (i) => {
    if (churnMonth[i]! >= 0) return 'churned';
    const midstream = midstreamOpened[i]! >= 0;
    const upstream = upstreamOpened[i]! >= 0;
    if ((!migratesUpstream || upstream) && (!migratesMidstream || midstream)) return 'migratedFully';
    if (migratesMidstream && midstream) return 'stalledAtMidstream';
    return trapMonths[i]! >= TRAP_MONTHS_STUCK ? 'stuckByTrap' : 'neverMigrated';
  };
}

/** The starting plan's classifier of trial rows; `understaffed` when capacity < Σ fte of the streams it opens. */
export function startingPathsOf(table: OutcomeTable, key: string, understaffed: boolean): (i: number) => StartingPath {
  const churnMonth = strategyColumn(table, key, 'churnMonth');
  const deliveryFailures = strategyColumn(table, key, 'deliveryFailures');
  const firstUpstreamWin = strategyColumn(table, key, 'firstUpstreamWin');
  return (i) => {
    if (churnMonth[i]! >= 0) return 'churned';
    if (deliveryFailures[i]! > 0) return 'failedDelivery';
    if (firstUpstreamWin[i]! >= 0) return 'upstreamReached';
    return understaffed ? 'capacityStarved' : 'upstreamNotReached';
  };
}

function summarizeClasses<K extends string>(
  descriptions: Record<K, string>,
  classOf: (i: number) => K,
  npv: ArrayLike<number>,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): Record<K, PathClass> {
  const keys = Object.keys(descriptions) as K[];
  // One pass, exact sums per class: nothing allocated per trial.
  const groups = new Map<K, { trials: number; npv: ExactAccumulator; diff: ExactAccumulator }>(keys.map((k) => [k, { trials: 0, npv: new ExactAccumulator(), diff: new ExactAccumulator() }]));
  for (let i = 0; i < npv.length; i++) {
    const group = groups.get(classOf(i))!;
    group.trials++;
    group.npv.add(npv[i]!);
    group.diff.add(a[i]! - b[i]!);
  }
  return Object.fromEntries(
    keys.map((key) => {
      const group = groups.get(key)!;
      const n = group.trials;
      return [
        key,
        {
          description: descriptions[key],
          trials: n,
          share: n / npv.length,
          meanNpv: n > 0 ? group.npv.value() / n : null,
          meanNpvDiff: n > 0 ? group.diff.value() / n : null,
        },
      ];
    }),
  ) as Record<K, PathClass>;
}

function classesOf(
  params: Pick<ModelParameters, 'capacity' | 'fte'>,
  table: OutcomeTable,
  strategy: StrategyParameters,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): Record<string, PathClass> {
  const npv = strategyColumn(table, strategy.key, 'npv');
  const family = pathFamilyOf(strategy);
  if (family === 'migrating') return summarizeClasses(MIGRATING_PATHS, migratingPathsOf(table, strategy), npv, a, b);
  if (family === 'holding') {
    const churn = strategyColumn(table, strategy.key, 'churnMonth');
    return summarizeClasses(HOLD_PATHS, (i) => (churn[i]! >= 0 ? 'churned' : 'heldDownstream'), npv, a, b);
  }
  let fte = 0;
  for (let s = 0; s < STREAM_COUNT; s++) if (strategy.open[s] !== OPEN_NEVER) fte += params.fte[s]!;
  const understaffed = params.capacity < fte;
  return summarizeClasses(STARTING_PATHS, startingPathsOf(table, strategy.key, understaffed), npv, a, b);
}

/** Classifies every trial's path under each plan, the baseline's first; differences are the compared pair's. */
export function summarizePathClasses(table: OutcomeTable, params: Pick<ModelParameters, 'strategies' | 'baseline' | 'capacity' | 'fte'>): PathClassSummary {
  const { a, b } = comparedPair(params);
  const first = strategyColumn(table, a.key, 'npv');
  const second = strategyColumn(table, b.key, 'npv');
  const baseline = params.strategies[params.baseline]!;
  const ordered = [baseline, ...params.strategies.filter((strategy) => strategy !== baseline)];
  return Object.fromEntries(ordered.map((strategy) => [strategy.key, classesOf(params, table, strategy, first, second)]));
}
