/**
 * A shallow classification tree (CART: binary splits chosen by Gini impurity;
 * Breiman et al. 1984) for a yes/no per trial, kept readable: at most
 * `maxDepth` splits deep and no leaf under `minLeafShare` of the trials.
 * Thresholds are the midpoints between a feature's neighbouring distinct
 * values — all of them up to MAX_THRESHOLDS, else that many at quantiles
 * (as histogram-based CART does) — so a node costs O(features · trials).
 */

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

interface Split {
  feature: number;
  threshold: number;
  gain: number;
}

/** Most candidate thresholds per feature: every gap between distinct values up to this many, else this many at quantiles. */
export const MAX_THRESHOLDS = 255;

const gini = (yes: number, n: number) => (n === 0 ? 0 : 2 * (yes / n) * (1 - yes / n));

/** A feature's candidate thresholds (midpoints between neighbouring distinct values) and each trial's bin: how many thresholds lie below its value. */
function binFeature(values: ArrayLike<number>): { thresholds: number[]; bins: Uint16Array } {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const gaps: number[] = [];
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) gaps.push(i);
  const chosen = gaps.length <= MAX_THRESHOLDS ? gaps : [...new Set(Array.from({ length: MAX_THRESHOLDS }, (_, j) => gaps[Math.floor(((j + 0.5) * gaps.length) / MAX_THRESHOLDS)]!))];
  const thresholds = chosen.map((i) => (sorted[i - 1]! + sorted[i]!) / 2);
  const bins = new Uint16Array(n);
  for (let t = 0; t < n; t++) {
    const value = values[t]!;
    let low = 0;
    let high = thresholds.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (thresholds[mid]! < value) low = mid + 1;
      else high = mid;
    }
    bins[t] = low;
  }
  return { thresholds, bins };
}

interface BinnedFeature {
  thresholds: number[];
  bins: Uint16Array;
}

/** The best split of the trials marked `node` in `membership`, or null if none improves the impurity. */
function bestSplit(features: readonly BinnedFeature[], outcome: Uint8Array, membership: Int32Array, node: number, size: number, yes: number, minLeaf: number): Split | null {
  let best: Split | null = null;
  const parent = size * gini(yes, size);
  features.forEach(({ thresholds, bins }, f) => {
    const counts = new Float64Array(thresholds.length + 1);
    const yeses = new Float64Array(thresholds.length + 1);
    for (let trial = 0; trial < bins.length; trial++) {
      if (membership[trial] !== node) continue;
      counts[bins[trial]!]!++;
      yeses[bins[trial]!]! += outcome[trial]!;
    }
    let left = 0;
    let leftYes = 0;
    for (let b = 0; b < thresholds.length; b++) {
      left += counts[b]!;
      leftYes += yeses[b]!;
      if (left < minLeaf || size - left < minLeaf || counts[b + 1] === 0) continue;
      const gain = parent - left * gini(leftYes, left) - (size - left) * gini(yes - leftYes, size - left);
      if (gain > 1e-9 * size && (best === null || gain > best.gain)) best = { feature: f, threshold: thresholds[b]!, gain };
    }
  });
  return best;
}

function tightened(conditions: RuleCondition[], added: RuleCondition): RuleCondition[] {
  const same = conditions.find((c) => c.feature === added.feature && c.op === added.op);
  if (!same) return [...conditions, added];
  const keep = added.op === '<=' ? Math.min(same.threshold, added.threshold) : Math.max(same.threshold, added.threshold);
  return conditions.map((c) => (c === same ? { ...c, threshold: keep } : c));
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
  const n = outcome.length;
  if (n === 0) throw new Error('fitDecisionRule requires at least one trial');
  const binned = features.map(binFeature);
  const membership = new Int32Array(n);
  const minLeaf = Math.max(1, Math.ceil(options.minLeafShare * n));
  const importance = Object.fromEntries(names.map((name) => [name, 0]));
  let nextNode = 1;
  const grow = (node: number, depth: number, conditions: RuleCondition[], size: number, yes: number): RuleLeaf[] => {
    const split = depth < options.maxDepth ? bestSplit(binned, outcome, membership, node, size, yes, minLeaf) : null;
    if (split === null) return [{ conditions, trials: size, yes }];
    const name = names[split.feature]!;
    importance[name]! += split.gain / n;
    const [leftNode, rightNode] = [nextNode++, nextNode++];
    const counts = { left: 0, leftYes: 0 };
    const values = features[split.feature]!;
    for (let trial = 0; trial < n; trial++) {
      if (membership[trial] !== node) continue;
      const goesLeft = values[trial]! <= split.threshold;
      membership[trial] = goesLeft ? leftNode : rightNode;
      if (goesLeft) {
        counts.left++;
        counts.leftYes += outcome[trial]!;
      }
    }
    return [
      ...grow(leftNode, depth + 1, tightened(conditions, { feature: name, op: '<=', threshold: split.threshold }), counts.left, counts.leftYes),
      ...grow(rightNode, depth + 1, tightened(conditions, { feature: name, op: '>', threshold: split.threshold }), size - counts.left, yes - counts.leftYes),
    ];
  };
  let yes = 0;
  for (const value of outcome) yes += value;
  return { leaves: grow(0, 0, [], n, yes), importance };
}

/** Whether trial `i` meets every condition (for checking a rule against the trials). */
export function meetsConditions(conditions: readonly RuleCondition[], values: Record<string, ArrayLike<number>>, i: number): boolean {
  return conditions.every((c) => (c.op === '<=' ? values[c.feature]![i]! <= c.threshold : values[c.feature]![i]! > c.threshold));
}
