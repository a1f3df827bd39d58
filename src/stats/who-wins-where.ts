/**
 * Who wins where: which accounts the compared pair's A beats B on, as a
 * shallow decision rule (decision-rule.ts: depth ≤ 3, leaves ≥ 5% of
 * trials) on each trial's drawn wallet and barrier levels, and P(A better)
 * over wallet × the barrier the rule leans on most.
 */
import { strategyColumn, type OutcomeTable } from '../engine/outcome-table.ts';
import { BARRIERS, type BarrierName } from '../scenario/vocabulary.ts';
import { binFeature, fitBinnedRule, type BinnedFeature, type RuleCondition } from './decision-rule.ts';
import { wilsonInterval } from './intervals.ts';
import type { ShareEstimate } from './compare-strategies.ts';
import { quantileOfSorted } from './sample-statistics.ts';
import { scratchArray } from './scratch-buffers.ts';

export const RULE_MAX_DEPTH = 3;
export const RULE_MIN_LEAF_SHARE = 0.05;
/** Equal-count bins per axis of the heatmap. */
export const HEATMAP_BINS = 6;

export type AccountFeature = 'wallet' | BarrierName;
export const ACCOUNT_FEATURES: readonly AccountFeature[] = ['wallet', ...BARRIERS];

export interface WhoWinsLeaf {
  conditions: RuleCondition[];
  trials: number;
  /** The leaf's share of all trials. */
  share: number;
  /** P(A better than B) on the leaf's accounts. */
  pBetter: ShareEstimate;
  /** Mean NPV difference A − B on them, $M. */
  meanDiff: number;
  /** A when it is better on more than half of them, else B. */
  winner: string;
}

export interface HeatmapCell {
  /** Bin indices along walletEdges and barrierEdges. */
  wallet: number;
  barrier: number;
  trials: number;
  /** Null for a cell without trials (see notes). */
  pBetter: number | null;
}

export interface WhoWinsWhere {
  pair: [string, string];
  trials: number;
  maxDepth: number;
  minLeafShare: number;
  leaves: WhoWinsLeaf[];
  /** Each feature's impurity decrease in the rule (Gini), largest first. */
  importance: { feature: AccountFeature; decrease: number }[];
  /** The barrier the rule leans on most (or, if it splits on none, the best single barrier split). */
  decisiveBarrier: BarrierName;
  heatmap: { walletEdges: number[]; barrierEdges: number[]; cells: HeatmapCell[] };
}

/** Equal-count bin edges of a sorted column (duplicates dropped, so a constant column has one bin). */
function binEdges(sorted: Float64Array, bins: number): number[] {
  const edges = Array.from({ length: bins + 1 }, (_, j) => quantileOfSorted(sorted, j / bins));
  return edges.filter((edge, j) => j === 0 || edge !== edges[j - 1]);
}

function binOf(edges: readonly number[], value: number): number {
  let bin = 0;
  while (bin < edges.length - 2 && value >= edges[bin + 1]!) bin++;
  return bin;
}

// The per-trial loops are small functions of their own, so a first (cold) run compiles each once.

function differences(a: ArrayLike<number>, b: ArrayLike<number>, diff: Float64Array, better: Uint8Array): void {
  for (let i = 0; i < diff.length; i++) {
    diff[i] = a[i]! - b[i]!;
    better[i] = diff[i]! > 0 ? 1 : 0;
  }
}

/** The plain sum of values at `trials`, in their (ascending) order: the order a pass over the table adds them in. */
function sumOver(trials: Int32Array, values: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < trials.length; k++) sum += values[trials[k]!]!;
  return sum;
}

function countCells(wallet: ArrayLike<number>, walletEdges: readonly number[], barrier: ArrayLike<number>, barrierEdges: readonly number[], better: Uint8Array, counts: Float64Array, wins: Float64Array): void {
  const columns = barrierEdges.length - 1;
  for (let i = 0; i < better.length; i++) {
    const cell = binOf(walletEdges, wallet[i]!) * columns + binOf(barrierEdges, barrier[i]!);
    counts[cell]!++;
    wins[cell]! += better[i]!;
  }
}

/** The barrier with the largest impurity decrease, or the one whose single best split helps most. */
function decisiveBarrierOf(importance: Record<string, number>, binned: Record<string, BinnedFeature>, better: Uint8Array): BarrierName {
  const used = BARRIERS.filter((b) => importance[b]! > 0);
  if (used.length > 0) return used.reduce((best, b) => (importance[b]! > importance[best]! ? b : best));
  const alone = new Map(BARRIERS.map((b) => [b, fitBinnedRule([b], [binned[b]!], better, { maxDepth: 1, minLeafShare: RULE_MIN_LEAF_SHARE }).importance[b]!]));
  return BARRIERS.reduce((best, b) => (alone.get(b)! > alone.get(best)! ? b : best));
}

/** The rule and heatmap for the pair A − B of a table that keeps the account columns. Cost: O(6 features · trials · depth) after one sort per feature. */
export function summarizeWhoWinsWhere(table: OutcomeTable, pair: readonly [string, string], notes: Record<string, string>, notePath = 'robustness.whoWinsWhere'): WhoWinsWhere {
  const n = table.count;
  const [a, b] = [strategyColumn(table, pair[0], 'npv'), strategyColumn(table, pair[1], 'npv')];
  // Both are read only in this function, between sorts that use other buffers: reused buffers.
  const diff = scratchArray('pair.difference', Float64Array, n);
  const better = scratchArray('pair.better', Uint8Array, n);
  differences(a, b, diff, better);
  const binned: Record<string, BinnedFeature> = {};
  // Each feature's heatmap edges, read from its sorted copy while the binning has it.
  const edges: Record<string, number[]> = {};
  for (const feature of ACCOUNT_FEATURES) {
    const column = table.columns[feature];
    if (column === undefined) throw new Error(`summarizeWhoWinsWhere: the table has no ${feature} column`);
    binned[feature] = binFeature(column, (sorted) => (edges[feature] = binEdges(sorted, HEATMAP_BINS)));
  }
  const fit = fitBinnedRule(ACCOUNT_FEATURES, ACCOUNT_FEATURES.map((f) => binned[f]!), better, { maxDepth: RULE_MAX_DEPTH, minLeafShare: RULE_MIN_LEAF_SHARE });
  const leaves = fit.leaves.map((leaf, l): WhoWinsLeaf => {
    // The leaf's trials in ascending order: the sum adds them as a pass over the table would.
    const sum = sumOver(fit.members[l]!, diff);
    return {
      conditions: leaf.conditions,
      trials: leaf.trials,
      share: leaf.trials / n,
      pBetter: { p: leaf.yes / leaf.trials, ci95: wilsonInterval(leaf.yes, leaf.trials) },
      meanDiff: sum / leaf.trials,
      winner: leaf.yes * 2 > leaf.trials ? pair[0] : pair[1],
    };
  });
  const decisiveBarrier = decisiveBarrierOf(fit.importance, binned, better);
  const [wallet, barrier] = [binned.wallet!, binned[decisiveBarrier]!];
  const walletEdges = edges.wallet!;
  const barrierEdges = edges[decisiveBarrier]!;
  const counts = new Float64Array((walletEdges.length - 1) * (barrierEdges.length - 1));
  const wins = new Float64Array(counts.length);
  const columns = barrierEdges.length - 1;
  countCells(wallet.values, walletEdges, barrier.values, barrierEdges, better, counts, wins);
  const cells = Array.from(counts, (trials, cell): HeatmapCell => ({
    wallet: Math.floor(cell / columns),
    barrier: cell % columns,
    trials,
    pBetter: trials === 0 ? null : wins[cell]! / trials,
  }));
  cells.forEach((cell, i) => {
    if (cell.pBetter === null) notes[`${notePath}.heatmap.cells[${i}].pBetter`] = 'no trial drew this wallet and barrier combination';
  });
  const importance = ACCOUNT_FEATURES.map((feature) => ({ feature, decrease: fit.importance[feature]! })).sort((x, y) => y.decrease - x.decrease);
  return {
    pair: [pair[0], pair[1]],
    trials: n,
    maxDepth: RULE_MAX_DEPTH,
    minLeafShare: RULE_MIN_LEAF_SHARE,
    leaves,
    importance,
    decisiveBarrier,
    heatmap: { walletEdges, barrierEdges, cells },
  };
}
