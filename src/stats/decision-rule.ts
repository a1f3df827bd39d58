/**
 * A shallow classification tree (CART: binary splits chosen by Gini impurity
 * on each feature's sorted values; Breiman et al. 1984) for a yes/no per
 * trial, kept readable: at most `maxDepth` splits deep and no leaf under
 * `minLeafShare` of the trials. Features are presorted once, so a level
 * costs O(features · trials).
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

const gini = (yes: number, n: number) => (n === 0 ? 0 : 2 * (yes / n) * (1 - yes / n));

/** The best split of the trials marked `node` in `membership`, or null if none improves the impurity. */
function bestSplit(
  features: readonly ArrayLike<number>[],
  sorted: readonly Int32Array[],
  outcome: Uint8Array,
  membership: Int32Array,
  node: number,
  size: number,
  yes: number,
  minLeaf: number,
): Split | null {
  let best: Split | null = null;
  const parent = size * gini(yes, size);
  features.forEach((values, f) => {
    let left = 0;
    let leftYes = 0;
    let previous = Number.NaN;
    for (const trial of sorted[f]!) {
      if (membership[trial] !== node) continue;
      const value = values[trial]!;
      if (left >= minLeaf && size - left >= minLeaf && value !== previous) {
        const gain = parent - left * gini(leftYes, left) - (size - left) * gini(yes - leftYes, size - left);
        if (gain > 1e-9 * size && (best === null || gain > best.gain)) best = { feature: f, threshold: (previous + value) / 2, gain };
      }
      left++;
      leftYes += outcome[trial]!;
      previous = value;
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
  const sorted = features.map((values) => Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i]! - values[j]! || i - j));
  const membership = new Int32Array(n);
  const minLeaf = Math.max(1, Math.ceil(options.minLeafShare * n));
  const importance = Object.fromEntries(names.map((name) => [name, 0]));
  let nextNode = 1;
  const grow = (node: number, depth: number, conditions: RuleCondition[], size: number, yes: number): RuleLeaf[] => {
    const split = depth < options.maxDepth ? bestSplit(features, sorted, outcome, membership, node, size, yes, minLeaf) : null;
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
