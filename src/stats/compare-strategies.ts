/**
 * The paired comparison of ATO and FITD. Both ran on the same worlds, so the
 * per-trial difference carries only the strategies' effect and its interval
 * is far tighter than comparing two independent means.
 */
import { meanInterval, wilsonInterval } from './intervals.ts';
import { summarizeSample } from './sample-statistics.ts';

export interface Comparison {
  /** Per-trial NPV difference ATO − FITD. */
  npvDiff: {
    mean: number;
    se: number | null;
    sd: number | null;
    ci95: [number, number] | null;
    p10: number;
    p50: number;
    p90: number;
  };
  /** Share of trials where ATO's NPV beats FITD's, with its Wilson 95% interval. */
  pAtoBetter: { p: number; ci95: [number, number] };
  /** Share of trials where the two NPVs are exactly equal. */
  pTie: number;
}

/** Compares two per-trial columns of the same worlds (ATO first). */
export function compareStrategies(ato: ArrayLike<number>, fitd: ArrayLike<number>, notes: Record<string, string> = {}): Comparison {
  if (ato.length !== fitd.length || ato.length === 0) throw new Error('compareStrategies requires two equally long, non-empty columns');
  const n = ato.length;
  const diff = new Float64Array(n);
  let better = 0;
  let ties = 0;
  for (let i = 0; i < n; i++) {
    diff[i] = ato[i]! - fitd[i]!;
    if (diff[i]! > 0) better++;
    else if (diff[i] === 0) ties++;
  }
  const summary = summarizeSample(diff);
  if (summary.se === null) notes['comparison.npvDiff.ci95'] = 'one trial gives no interval';
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
    pAtoBetter: { p: better / n, ci95: wilsonInterval(better, n) },
    pTie: ties / n,
  };
}
