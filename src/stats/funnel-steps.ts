/**
 * One project type's sales funnel as ordered steps (MODEL.md §3.4, §5):
 * seen → passed each stage → passed every stage → won. "Won" is a deal won
 * and closed inside the horizon, as everywhere else (the table's deals won,
 * `dealsWon`); a deal that passed every stage but closes after the horizon
 * is counted at "passed every stage" only. Entering early is not a stage:
 * it is a part of "seen" (late entrants skip stage 1), listed apart as the
 * `entry` step so the stage steps never grow.
 */
import type { FUNNEL_STEPS } from '../engine/trial-outcome.ts';

export type FunnelCounts = Record<(typeof FUNNEL_STEPS)[number], number>;

export interface FunnelStep {
  /** Key of the step: `seen`, `early`, `stage1` … `stage(N−1)`, `passed`, `won`. */
  step: string;
  /** `entry` for `early` (a part of seen, not a stage), `stage` for the funnel's steps proper. */
  kind: 'stage' | 'entry';
  /** Mean count per trial. */
  count: number;
  /** count / seen; null when nothing was seen. */
  shareOfSeen: number | null;
}

/**
 * The steps of a funnel with `stages` sales stages, in order; the `stage`
 * steps shrink (or stay) from one to the next.
 *
 * @example funnelSteps({ arrived: 10, seen: 8, early: 4, stage1: 6, stage2: 3, stage3: 2, stage4: 1, stage5: 0, won: 1, closed: 5, closedWon: 0.5 }, 4).map((s) => s.shareOfSeen) // => [1, 0.5, 0.75, 0.375, 0.25, 0.125, 0.0625]
 */
export function funnelSteps(counts: FunnelCounts, stages: number): FunnelStep[] {
  if (!(stages >= 1 && stages <= 5)) throw new Error('funnelSteps requires 1 to 5 stages');
  const steps: { step: string; kind: FunnelStep['kind']; count: number }[] = [
    { step: 'seen', kind: 'stage', count: counts.seen },
    { step: 'early', kind: 'entry', count: counts.early },
    ...Array.from({ length: stages - 1 }, (_, i) => ({ step: `stage${i + 1}`, kind: 'stage' as const, count: counts[`stage${i + 1}` as keyof FunnelCounts] })),
    { step: 'passed', kind: 'stage', count: counts.won },
    { step: 'won', kind: 'stage', count: counts.closedWon },
  ];
  return steps.map((s) => ({ ...s, shareOfSeen: counts.seen > 0 ? s.count / counts.seen : null }));
}
