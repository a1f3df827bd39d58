/**
 * A shallow classification tree (CART: binary splits chosen by Gini impurity;
 * Breiman et al. 1984) for a yes/no per trial, kept readable: at most
 * `maxDepth` splits deep and no leaf under `minLeafShare` of the trials.
 * Thresholds are the midpoints between a feature's neighbouring distinct
 * values — all of them up to MAX_THRESHOLDS, else that many at quantiles
 * (as histogram-based CART does). Each feature is sorted and binned once for
 * the whole fit, and a node holds its trials as an index list, so a level of
 * the tree costs O(features · trials) and the fit O(features · trials · depth).
 */
import { scratchArray, INDEX_WORK } from './scratch-buffers.ts';
import { visitSortedWithOrder } from './sort-floats.ts';

export interface RuleCondition {
  feature: string;
  /** `<=` keeps values at or below the threshold, `>` those above it. */
  op: '<=' | '>';
  threshold: number;
}

export interface RuleLeaf {
  /** At most one `<=` and one `>` per feature (the tightest on the path). */
  conditions: RuleCondition[];
  trials: number;
  /** Trials of the leaf that said yes. */
  yes: number;
}

export interface RuleOptions {
  maxDepth: number;
  minLeafShare: number;
}

/** A feature ready for fitting: its values, candidate thresholds, and each trial's bin. */
export interface BinnedFeature {
  values: ArrayLike<number>;
  /** Ascending midpoints between neighbouring distinct values. */
  thresholds: Float64Array;
  /** Each trial's bin: how many thresholds lie below its value (at most MAX_THRESHOLDS, so a byte). */
  bins: Uint8Array;
}

export interface BinnedFit {
  leaves: RuleLeaf[];
  /** Each leaf's trials, ascending, in the order of `leaves`. */
  members: Int32Array[];
  importance: Record<string, number>;
}

interface Split {
  feature: number;
  threshold: number;
  gain: number;
}

/** Most candidate thresholds per feature: every gap between distinct values up to this many, else this many at quantiles. */
export const MAX_THRESHOLDS = 255;

const gini = (yes: number, n: number) => (n === 0 ? 0 : 2 * (yes / n) * (1 - yes / n));

/** How many times the sorted values change: the gaps between neighbouring distinct values. */
function countGaps(sorted: Float64Array): number {
  let count = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) count++;
  return count;
}

/**
 * The sorted positions where a new distinct value starts, for the gaps
 * numbered `picks` (ascending; repeats are taken once), in one walk.
 */
function gapStarts(sorted: Float64Array, picks: ArrayLike<number>): number[] {
  const starts: number[] = [];
  let gap = 0;
  let next = 0;
  for (let i = 1; i < sorted.length && next < picks.length; i++) {
    if (sorted[i] === sorted[i - 1]) continue;
    while (next < picks.length && picks[next] === gap) {
      if (starts.length === 0 || starts[starts.length - 1] !== i) starts.push(i);
      next++;
    }
    gap++;
  }
  return starts;
}

/** A trial's bin counts the thresholds strictly below its value; values and thresholds both ascend along the sorted order. */
function binAlongOrder(sorted: Float64Array, order: Int32Array, thresholds: Float64Array, bins: Uint8Array): void {
  let below = 0;
  for (let k = 0; k < sorted.length; k++) {
    const value = sorted[k]!;
    while (below < thresholds.length && thresholds[below]! < value) below++;
    bins[order[k]!] = below;
  }
}

/**
 * Sorts and bins one feature (values that are not NaN: NaN has no side of a
 * threshold); `readSorted` is handed the sorted copy (as sortFloats sorts)
 * for any other figure of the column, in a working buffer the next sort reuses.
 * Cost: one sort, then a walk along the sorted order.
 */
export function binFeature(values: ArrayLike<number>, readSorted?: (sorted: Float64Array) => void): BinnedFeature {
  return visitSortedWithOrder(values, (sorted, order) => {
    const n = sorted.length;
    if (n > 0 && (Number.isNaN(sorted[n - 1]) || Number.isNaN(sorted[0]))) throw new Error('binFeature requires values that are not NaN');
    const gapCount = countGaps(sorted);
    // Every gap up to MAX_THRESHOLDS of them, else that many at quantiles of the gaps.
    const picks = gapCount <= MAX_THRESHOLDS ? Array.from({ length: gapCount }, (_, j) => j) : Array.from({ length: MAX_THRESHOLDS }, (_, j) => Math.floor(((j + 0.5) * gapCount) / MAX_THRESHOLDS));
    const chosen = gapStarts(sorted, picks);
    const thresholds = new Float64Array(chosen.length);
    for (let j = 0; j < chosen.length; j++) thresholds[j] = (sorted[chosen[j]! - 1]! + sorted[chosen[j]!]!) / 2;
    const bins = new Uint8Array(n);
    binAlongOrder(sorted, order, thresholds, bins);
    readSorted?.(sorted);
    return { values, thresholds, bins };
  });
}

// The per-trial loops are small functions of their own, so a first (cold) fit compiles each once.

/** Counts the trials of `members` (and their yeses) per bin into counts and yeses[0 … bins]. */
function histogram(members: Int32Array, bins: Uint8Array, outcome: Uint8Array, counts: Float64Array, yeses: Float64Array, binCount: number): void {
  counts.fill(0, 0, binCount);
  yeses.fill(0, 0, binCount);
  for (let k = 0; k < members.length; k++) {
    const trial = members[k]!;
    const bin = bins[trial]!;
    counts[bin]!++;
    yeses[bin]! += outcome[trial]!;
  }
}

/** The best split of the trials `members` (with `yes` of them yes), or null if none improves the impurity. `counts` and `yeses` are scratch of MAX_THRESHOLDS + 1. */
function bestSplit(features: readonly BinnedFeature[], outcome: Uint8Array, members: Int32Array, yes: number, minLeaf: number, counts: Float64Array, yeses: Float64Array): Split | null {
  let best: Split | null = null;
  const size = members.length;
  const parent = size * gini(yes, size);
  for (let f = 0; f < features.length; f++) {
    const { thresholds, bins } = features[f]!;
    histogram(members, bins, outcome, counts, yeses, thresholds.length + 1);
    let left = 0;
    let leftYes = 0;
    for (let b = 0; b < thresholds.length; b++) {
      left += counts[b]!;
      leftYes += yeses[b]!;
      if (left < minLeaf || size - left < minLeaf || counts[b + 1] === 0) continue;
      const gain = parent - left * gini(leftYes, left) - (size - left) * gini(yes - leftYes, size - left);
      if (gain > 1e-9 * size && (best === null || gain > best.gain)) best = { feature: f, threshold: thresholds[b]!, gain };
    }
  }
  return best;
}

function tightened(conditions: RuleCondition[], added: RuleCondition): RuleCondition[] {
  const same = conditions.find((c) => c.feature === added.feature && c.op === added.op);
  if (!same) return [...conditions, added];
  const keep = added.op === '<=' ? Math.min(same.threshold, added.threshold) : Math.max(same.threshold, added.threshold);
  return conditions.map((c) => (c === same ? { ...c, threshold: keep } : c));
}

/**
 * Splits `members` in place, stably: the trials whose value is at or below
 * the threshold first, then the others, each still ascending; the two parts
 * are views of `members` (so a fit's members share one buffer instead of a
 * new pair of arrays a node). `spare` holds the others meanwhile.
 */
function splitMembers(members: Int32Array, values: ArrayLike<number>, threshold: number, spare: Int32Array): [Int32Array, Int32Array] {
  let l = 0;
  let r = 0;
  for (let k = 0; k < members.length; k++) {
    const trial = members[k]!;
    // l ≤ k: a left trial is written where one was already read.
    if (values[trial]! <= threshold) members[l++] = trial;
    else spare[r++] = trial;
  }
  members.set(spare.subarray(0, r), l);
  return [members.subarray(0, l), members.subarray(l)];
}

/** Fits the tree on features binned by binFeature: its leaves (left before right), their trials, and each feature's total impurity decrease. */
export function fitBinnedRule(names: readonly string[], features: readonly BinnedFeature[], outcome: Uint8Array, options: RuleOptions): BinnedFit {
  const n = outcome.length;
  if (n === 0) throw new Error('fitDecisionRule requires at least one trial');
  const minLeaf = Math.max(1, Math.ceil(options.minLeafShare * n));
  const importance = Object.fromEntries(names.map((name) => [name, 0]));
  const counts = new Float64Array(MAX_THRESHOLDS + 1);
  const yeses = new Float64Array(MAX_THRESHOLDS + 1);
  const leaves: RuleLeaf[] = [];
  const members: Int32Array[] = [];
  // The others of a split wait here; no sort runs while the tree grows, so the sorts' index buffer serves.
  const spare = scratchArray(INDEX_WORK, Int32Array, n);
  const grow = (trials: Int32Array, depth: number, conditions: RuleCondition[], yes: number): void => {
    const split = depth < options.maxDepth ? bestSplit(features, outcome, trials, yes, minLeaf, counts, yeses) : null;
    if (split === null) {
      leaves.push({ conditions, trials: trials.length, yes });
      members.push(trials);
      return;
    }
    const name = names[split.feature]!;
    importance[name]! += split.gain / n;
    const [left, right] = splitMembers(trials, features[split.feature]!.values, split.threshold, spare);
    let leftYes = 0;
    for (let k = 0; k < left.length; k++) leftYes += outcome[left[k]!]!;
    grow(left, depth + 1, tightened(conditions, { feature: name, op: '<=', threshold: split.threshold }), leftYes);
    grow(right, depth + 1, tightened(conditions, { feature: name, op: '>', threshold: split.threshold }), yes - leftYes);
  };
  let yes = 0;
  for (let i = 0; i < n; i++) yes += outcome[i]!;
  const everyone = new Int32Array(n);
  for (let i = 0; i < n; i++) everyone[i] = i;
  grow(everyone, 0, [], yes);
  return { leaves, members, importance };
}

/**
 * Fits the tree and returns its leaves (in order, left before right) and
 * each feature's total impurity decrease (its importance).
 */
export function fitDecisionRule(
  names: readonly string[],
  features: readonly ArrayLike<number>[],
  outcome: Uint8Array,
  options: RuleOptions,
): { leaves: RuleLeaf[]; importance: Record<string, number> } {
  if (outcome.length === 0) throw new Error('fitDecisionRule requires at least one trial');
  const { leaves, importance } = fitBinnedRule(names, features.map((values) => binFeature(values)), outcome, options);
  return { leaves, importance };
}

/** Whether trial `i` meets every condition (for checking a rule against the trials). */
export function meetsConditions(conditions: readonly RuleCondition[], values: Record<string, ArrayLike<number>>, i: number): boolean {
  return conditions.every((c) => (c.op === '<=' ? values[c.feature]![i]! <= c.threshold : values[c.feature]![i]! > c.threshold));
}
