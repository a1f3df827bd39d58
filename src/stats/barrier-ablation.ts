/**
 * Barrier ablation: each barrier removed (its level set to 0) and raised to a
 * high level, and all removed together, each played on the same worlds as the
 * base run; the effect on each strategy of the compared pair (the default pair
 * unless named) and on their difference, with 95% intervals, and the interaction
 * left over when all are removed at once.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { BARRIERS, DEFAULT_PAIR, type BarrierName } from '../scenario/vocabulary.ts';
import { estimateVariant, type MeanEstimate } from './variant-statistics.ts';

/** Trials the ablation runs on by default (its effects are paired, so few are needed). */
export const DEFAULT_ABLATION_TRIALS = 4000;
/** Level a barrier is raised to in the "high" variant, unless the user gives one. */
export const DEFAULT_ABLATION_HIGH = 0.9;

/** The change of each strategy of the pair, by key (see strategyEffect), and of their difference. */
export interface AblationEffect {
  diff: MeanEstimate;
  [strategy: string]: MeanEstimate | number | AblationEffect;
}

export interface BarrierAblation extends AblationEffect {
  /** The scenario's level of the barrier; the strategies' and diff's changes are those when it is set to 0. */
  level: number;
  high: AblationEffect & { level: number };
}

/** The keys of the pair an ablation compared (its effects hold them before `diff`). */
export function ablationPair(ablation: Pick<AblationSummary, 'allRemoved'>): [string, string] {
  const [a, b] = Object.keys(ablation.allRemoved).filter((key) => key !== 'diff');
  return [a!, b!];
}

/** One strategy's change in an ablation effect. */
export function strategyEffect(effect: AblationEffect, strategy: string): MeanEstimate {
  return effect[strategy] as MeanEstimate;
}

export type AblationSummary = {
  trials: number;
  highLevel: number;
  /** All five barriers at 0 at once. */
  allRemoved: AblationEffect;
  /** All removed minus the sum of each removed alone. */
  interaction: AblationEffect;
  /** Barriers by effect on the difference, largest first. */
  order: BarrierName[];
} & Record<BarrierName, BarrierAblation>;

/** The variant keys of an ablation: each barrier removed and raised, all removed, and the interaction contrast. */
export const removedKey = (barrier: BarrierName) => `ablation.${barrier}.removed`;
export const highKey = (barrier: BarrierName) => `ablation.${barrier}.high`;
export const ALL_REMOVED = 'ablation.allRemoved';
export const INTERACTION = 'ablation.interaction';

function effectOf(table: OutcomeTable, key: string, [a, b]: readonly [string, string]): AblationEffect {
  const sums = table.variants[key];
  if (!sums || sums.count === 0) throw new Error(`no ablation results for ${key}`);
  return { [a]: estimateVariant(sums, 'aChange'), [b]: estimateVariant(sums, 'bChange'), diff: estimateVariant(sums, 'diffChange') } as AblationEffect;
}

/**
 * Reads an ablation's effects from a table run with `ablationPlan`'s variants
 * (src/pipeline/ablation-plan.ts), for the pair the run compared (keys a, b);
 * the barriers' own levels come from the compiled parameters.
 */
export function summarizeAblation(
  table: OutcomeTable,
  params: Pick<ModelParameters, 'barrierLevels'>,
  highLevel: number,
  pair: readonly [string, string] = DEFAULT_PAIR,
): AblationSummary {
  const effect = (key: string) => effectOf(table, key, pair);
  const perBarrier = Object.fromEntries(
    BARRIERS.map((barrier, i) => [
      barrier,
      { level: params.barrierLevels[i] ?? 0, ...effect(removedKey(barrier)), high: { level: highLevel, ...effect(highKey(barrier)) } },
    ]),
  ) as Record<BarrierName, BarrierAblation>;
  const size = (barrier: BarrierName) =>
    Math.max(Math.abs(perBarrier[barrier].diff.mean), Math.abs(perBarrier[barrier].high.diff.mean));
  return {
    trials: table.variants[ALL_REMOVED]!.count,
    highLevel,
    ...perBarrier,
    allRemoved: effect(ALL_REMOVED),
    interaction: effect(INTERACTION),
    order: [...BARRIERS].sort((a, b) => size(b) - size(a)),
  };
}
