/**
 * How far a strategy gets into each stream over time: per month, the share
 * of trials covering the stream (opened, ramped up, account not churned) and
 * the share that have won at least one deal in it and are still customers —
 * both on the same footing, so a churned account leaves both lines.
 */
import { STREAMS, type StreamName } from '../scenario/vocabulary.ts';

/** Per-trial months of one strategy, −1 for never (the outcome table's columns). */
export interface PenetrationColumns {
  /** Month each stream was opened; downstream is open from month 0. */
  opened: Record<Exclude<StreamName, 'downstream'>, ArrayLike<number>>;
  firstWin: Record<StreamName, ArrayLike<number>>;
  churnMonth: ArrayLike<number>;
}

/** Shares of trials by model month t = 0 … T−1. */
export type StreamPenetration = Record<StreamName, { active: number[]; won: number[] }>;

function addInterval(changes: Float64Array, from: number, to: number): void {
  if (from < to) {
    changes[from]!++;
    changes[to]!--;
  }
}

function cumulativeShares(changes: Float64Array, months: number, trials: number): number[] {
  const shares: number[] = [];
  let running = 0;
  for (let t = 0; t < months; t++) shares.push((running += changes[t]!) / trials);
  return shares;
}

/**
 * A stream opened in month m is active in months m + ramp … churn − 1
 * (downstream from 0, no ramp; an account that churned in month c covers
 * nothing from c on, MODEL.md §7); a trial counts as "won" in month t from
 * its first win in the stream until it churns. Cost: O(trials + months) per stream.
 *
 * @example summarizeStreamPenetration({ opened: { midstream: [0, -1], upstream: [-1, -1] }, firstWin: { downstream: [1, -1], midstream: [2, -1], upstream: [-1, -1] }, churnMonth: [-1, 1] }, 2, 3).midstream // => { active: [0, 0, 0.5], won: [0, 0, 0.5] }
 */
export function summarizeStreamPenetration(columns: PenetrationColumns, rampMonths: number, months: number): StreamPenetration {
  const trials = columns.churnMonth.length;
  if (trials === 0) throw new Error('summarizeStreamPenetration requires at least one trial');
  const penetration = {} as StreamPenetration;
  for (const stream of STREAMS) {
    const active = new Float64Array(months + 1);
    const won = new Float64Array(months + 1);
    const opened = stream === 'downstream' ? null : columns.opened[stream];
    const firstWin = columns.firstWin[stream];
    for (let trial = 0; trial < trials; trial++) {
      const churn = columns.churnMonth[trial]!;
      const end = churn >= 0 ? Math.min(churn, months) : months;
      const openedMonth = opened === null ? 0 : opened[trial]!;
      if (openedMonth >= 0) addInterval(active, Math.min(months, openedMonth + (opened === null ? 0 : rampMonths)), end);
      const winMonth = firstWin[trial]!;
      if (winMonth >= 0) addInterval(won, Math.min(winMonth, months), end);
    }
    penetration[stream] = { active: cumulativeShares(active, months, trials), won: cumulativeShares(won, months, trials) };
  }
  return penetration;
}
