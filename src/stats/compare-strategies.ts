/**
 * The paired comparison of two strategies (a strategy and the baseline, the
 * default pair unless named). Both ran on the same worlds, so the per-trial
 * difference carries only the strategies' effect and its interval is far
 * tighter than comparing two independent means.
 */
import { DEFAULT_PAIR } from '../scenario/vocabulary.ts';
import { betterKey } from './compared-pair.ts';
import { meanInterval, wilsonInterval } from './intervals.ts';
import { summarizeSample } from './sample-statistics.ts';
import { scratchArray } from './scratch-buffers.ts';

/** A share of trials with its Wilson 95% interval. */
export interface ShareEstimate {
  p: number;
  ci95: [number, number];
}

export type Comparison = {
  /** Per-trial NPV difference a − b. */
  npvDiff: {
    mean: number;
    se: number | null;
    sd: number | null;
    ci95: [number, number] | null;
    p10: number;
    p50: number;
    p90: number;
  };
  /** Share of trials where the two NPVs are exactly equal. */
  pTie: number;
} & {
  /** Share of trials where a's NPV beats b's: `pAtoBetter`, `pBeachheadBetter`, … (see betterKey). */
  [better: `p${string}Better`]: ShareEstimate;
};

/** P(a better than b) of a comparison whose first strategy is `a`. */
export function pBetter(comparison: Comparison, a: string): ShareEstimate {
  return comparison[betterKey(a)]!;
}

/**
 * Compares two per-trial columns of the same worlds (`a` first, named `aKey`
 * in the result's `p…Better`); `notePath` is where a missing interval is noted.
 */
export function compareStrategies(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  notes: Record<string, string> = {},
  aKey: string = DEFAULT_PAIR[0],
  notePath = 'comparison',
): Comparison {
  if (a.length !== b.length || a.length === 0) throw new Error('compareStrategies requires two equally long, non-empty columns');
  const n = a.length;
  // Read only here (summarizeSample copies what it reorders), so it lives in a reused buffer.
  const diff = scratchArray('pair.difference', Float64Array, n);
  let better = 0;
  let ties = 0;
  for (let i = 0; i < n; i++) {
    diff[i] = a[i]! - b[i]!;
    if (diff[i]! > 0) better++;
    else if (diff[i] === 0) ties++;
  }
  const summary = summarizeSample(diff);
  if (summary.se === null) notes[`${notePath}.npvDiff.ci95`] = 'one trial gives no interval';
  return {
    npvDiff: {
      mean: summary.mean,
      se: summary.se,
      sd: summary.sd,
      ci95: summary.se === null ? null : meanInterval(summary.mean, summary.se),
      p10: summary.p10,
      p50: summary.p50,
      p90: summary.p90,
    },
    [betterKey(aKey)]: { p: better / n, ci95: wilsonInterval(better, n) },
    pTie: ties / n,
  } as Comparison;
}
