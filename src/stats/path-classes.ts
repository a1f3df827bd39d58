/**
 * Why a strategy won: each trial's path under FITD and under ATO, put into
 * one class each, with the share of trials in every class and the mean NPV
 * difference ATO − FITD within it — so a reviewer sees where ATO's advantage
 * (or FITD's) comes from.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { addExact, valueOfExact, type ExactSumState } from '../engine/exact-sum.ts';

/** FITD paths, in the order a trial is tested against them (first match wins). */
export const FITD_PATHS = {
  churned: 'the account churned',
  migratedFully: 'opened upstream',
  stalledAtMidstream: 'opened midstream, never upstream',
  stuckByTrap: 'never migrated; the downstream trap held for a year or more',
  neverMigrated: 'never migrated, without the trap holding long',
} as const;

/** ATO paths, in the order a trial is tested against them (first match wins). */
export const ATO_PATHS = {
  churned: 'the account churned',
  failedDelivery: 'at least one midstream or upstream delivery failed',
  upstreamReached: 'won an upstream deal',
  capacityStarved: 'no upstream win, with fewer FTE than the three streams need',
  upstreamNotReached: 'no upstream win, with enough FTE',
} as const;

export type FitdPath = keyof typeof FITD_PATHS;
export type AtoPath = keyof typeof ATO_PATHS;

/** Months under the downstream trap that make a never-migrated FITD path "stuck by the trap". */
export const TRAP_MONTHS_STUCK = 12;

export interface PathClass {
  description: string;
  trials: number;
  share: number;
  /** Mean NPV of the strategy on these trials, and mean ATO − FITD on them; null for an empty class. */
  meanNpv: number | null;
  meanNpvDiff: number | null;
}

export interface PathClassSummary {
  fitd: Record<FitdPath, PathClass>;
  ato: Record<AtoPath, PathClass>;
}

/** The FITD class of trial row `i`. */
export function fitdPathOf(table: OutcomeTable, i: number): FitdPath {
  const c = table.columns;
  if (c['fitd.churnMonth']![i]! >= 0) return 'churned';
  if (c['fitd.upstreamOpened']![i]! >= 0) return 'migratedFully';
  if (c['fitd.midstreamOpened']![i]! >= 0) return 'stalledAtMidstream';
  return c['fitd.trapMonths']![i]! >= TRAP_MONTHS_STUCK ? 'stuckByTrap' : 'neverMigrated';
}

/** The ATO class of trial row `i`; `understaffed` when capacity < Σ fte of all three streams. */
export function atoPathOf(table: OutcomeTable, i: number, understaffed: boolean): AtoPath {
  const c = table.columns;
  if (c['ato.churnMonth']![i]! >= 0) return 'churned';
  if (c['ato.deliveryFailures']![i]! > 0) return 'failedDelivery';
  if (c['ato.firstUpstreamWin']![i]! >= 0) return 'upstreamReached';
  return understaffed ? 'capacityStarved' : 'upstreamNotReached';
}

function summarizeClasses<K extends string>(
  descriptions: Record<K, string>,
  classOf: (i: number) => K,
  npv: ArrayLike<number>,
  ato: ArrayLike<number>,
  fitd: ArrayLike<number>,
): Record<K, PathClass> {
  const keys = Object.keys(descriptions) as K[];
  // One pass, exact sums per class: nothing allocated per trial.
  const groups = new Map<K, { trials: number; npv: ExactSumState; diff: ExactSumState }>(keys.map((k) => [k, { trials: 0, npv: [], diff: [] }]));
  for (let i = 0; i < npv.length; i++) {
    const group = groups.get(classOf(i))!;
    group.trials++;
    addExact(group.npv, npv[i]!);
    addExact(group.diff, ato[i]! - fitd[i]!);
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
          meanNpv: n > 0 ? valueOfExact(group.npv) / n : null,
          meanNpvDiff: n > 0 ? valueOfExact(group.diff) / n : null,
        },
      ];
    }),
  ) as Record<K, PathClass>;
}

/** Classifies every trial's FITD and ATO path. */
export function summarizePathClasses(table: OutcomeTable, scenario: Scenario): PathClassSummary {
  const { fte, capacity } = scenario.resources;
  const understaffed = capacity < fte.downstream + fte.midstream + fte.upstream;
  const ato = table.columns['ato.npv']!;
  const fitd = table.columns['fitd.npv']!;
  return {
    fitd: summarizeClasses(FITD_PATHS, (i) => fitdPathOf(table, i), fitd, ato, fitd),
    ato: summarizeClasses(ATO_PATHS, (i) => atoPathOf(table, i, understaffed), ato, ato, fitd),
  };
}
