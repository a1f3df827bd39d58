/**
 * One project type's sales funnel as ordered steps (MODEL.md §3.4, §5):
 * seen → entered early → passed each stage → won (passing the last stage
 * is winning, so that stage appears once, as "won").
 */
import type { FUNNEL_STEPS } from '../engine/trial-outcome.ts';

export type FunnelCounts = Record<(typeof FUNNEL_STEPS)[number], number>;

export interface FunnelStep {
  /** Key of the step: `seen`, `early`, `stage1` … `stage(N−1)`, `won`. */
  step: string;
  /** Mean count per trial. */
  count: number;
  /** count / seen; null when nothing was seen. */
  shareOfSeen: number | null;
}

/**
 * The steps of a funnel with `stages` sales stages, in order. `early` counts
 * only early entrants while stage 1 counts late entrants too (they skip the
 * first stage), so steps need not shrink monotonically.
 *
 * @example funnelSteps({ arrived: 10, seen: 8, early: 4, stage1: 6, stage2: 3, stage3: 2, stage4: 1, stage5: 0, won: 1, closed: 5, closedWon: 1 }, 4).map((s) => s.shareOfSeen) // => [1, 0.5, 0.75, 0.375, 0.25, 0.125]
 */
export function funnelSteps(counts: FunnelCounts, stages: number): FunnelStep[] {
  if (!(stages >= 1 && stages <= 5)) throw new Error('funnelSteps requires 1 to 5 stages');
  const keys = ['seen', 'early', ...Array.from({ length: stages - 1 }, (_, i) => `stage${i + 1}`), 'won'] as (keyof FunnelCounts)[];
  return keys.map((step) => ({ step, count: counts[step], shareOfSeen: counts.seen > 0 ? counts[step] / counts.seen : null }));
}
