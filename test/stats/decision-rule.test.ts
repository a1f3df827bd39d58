/**
 * The tree fitted on features sorted and binned once (index lists per node)
 * must be the one the first implementation fitted (a fresh pass over every
 * trial per node, binary-searched bins): the same leaves, thresholds and
 * importances, bit for bit, since summary.json prints them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binFeature, fitBinnedRule, fitDecisionRule, MAX_THRESHOLDS, type RuleCondition, type RuleLeaf } from '../../src/stats/decision-rule.ts';

const gini = (yes: number, n: number) => (n === 0 ? 0 : 2 * (yes / n) * (1 - yes / n));

/** The first implementation (before the one-sort binning), kept as the reference. */
function referenceFit(names: string[], features: ArrayLike<number>[], outcome: Uint8Array, maxDepth: number, minLeafShare: number) {
  const binned = features.map((values) => {
    const sorted = Float64Array.from(values).sort();
    const gaps: number[] = [];
    for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) gaps.push(i);
    const chosen = gaps.length <= MAX_THRESHOLDS ? gaps : [...new Set(Array.from({ length: MAX_THRESHOLDS }, (_, j) => gaps[Math.floor(((j + 0.5) * gaps.length) / MAX_THRESHOLDS)]!))];
    const thresholds = chosen.map((i) => (sorted[i - 1]! + sorted[i]!) / 2);
    const bins = Uint16Array.from(values, (value) => thresholds.filter((t) => t < value).length);
    return { thresholds, bins };
  });
  const n = outcome.length;
  const membership = new Int32Array(n);
  const minLeaf = Math.max(1, Math.ceil(minLeafShare * n));
  const importance = Object.fromEntries(names.map((name) => [name, 0]));
  let nextNode = 1;
  const grow = (node: number, depth: number, conditions: RuleCondition[], size: number, yes: number): RuleLeaf[] => {
    let best: { feature: number; threshold: number; gain: number } | null = null;
    if (depth < maxDepth) {
      const parent = size * gini(yes, size);
      binned.forEach(({ thresholds, bins }, f) => {
        const counts = new Float64Array(thresholds.length + 1);
        const yeses = new Float64Array(thresholds.length + 1);
        for (let t = 0; t < n; t++) if (membership[t] === node) (counts[bins[t]!]!++, (yeses[bins[t]!]! += outcome[t]!));
        let [left, leftYes] = [0, 0];
        for (let b = 0; b < thresholds.length; b++) {
          left += counts[b]!;
          leftYes += yeses[b]!;
          if (left < minLeaf || size - left < minLeaf || counts[b + 1] === 0) continue;
          const gain = parent - left * gini(leftYes, left) - (size - left) * gini(yes - leftYes, size - left);
          if (gain > 1e-9 * size && (best === null || gain > best.gain)) best = { feature: f, threshold: thresholds[b]!, gain };
        }
      });
    }
    const split = best as { feature: number; threshold: number; gain: number } | null;
    if (split === null) return [{ conditions, trials: size, yes }];
    const name = names[split.feature]!;
    importance[name]! += split.gain / n;
    const [leftNode, rightNode] = [nextNode++, nextNode++];
    let [left, leftYes] = [0, 0];
    for (let t = 0; t < n; t++) {
      if (membership[t] !== node) continue;
      const goesLeft = features[split.feature]![t]! <= split.threshold;
      membership[t] = goesLeft ? leftNode : rightNode;
      if (goesLeft) (left++, (leftYes += outcome[t]!));
    }
    const tightened = (added: RuleCondition) => {
      const same = conditions.find((c) => c.feature === added.feature && c.op === added.op);
      if (!same) return [...conditions, added];
      const keep = added.op === '<=' ? Math.min(same.threshold, added.threshold) : Math.max(same.threshold, added.threshold);
      return conditions.map((c) => (c === same ? { ...c, threshold: keep } : c));
    };
    return [
      ...grow(leftNode, depth + 1, tightened({ feature: name, op: '<=', threshold: split.threshold }), left, leftYes),
      ...grow(rightNode, depth + 1, tightened({ feature: name, op: '>', threshold: split.threshold }), size - left, yes - leftYes),
    ];
  };
  const yes = outcome.reduce((sum, v) => sum + v, 0);
  return { leaves: grow(0, 0, [], n, yes), importance };
}

// A feature of few levels (many ties), a Float32 column, or a continuous one (past MAX_THRESHOLDS gaps).
const feature = (n: number) =>
  fc.oneof(
    fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
    fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((v) => Float32Array.from(v)),
    fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
  );

describe('fitDecisionRule on features binned once', () => {
  it('fits the tree the reference fits, on random features and outcomes', () => {
    const sample = fc.integer({ min: 1, max: 2600 }).chain((n) =>
      fc.record({
        features: fc.array(feature(n), { minLength: 1, maxLength: 3 }),
        // The outcome leans on the first feature, so the tree has something to find.
        noise: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        depth: fc.integer({ min: 0, max: 3 }),
      }),
    );
    fc.assert(
      fc.property(sample, ({ features, noise, depth }) => {
        const first = features[0]!;
        const outcome = Uint8Array.from(noise, (u, i) => (u < (first[i]! > 0.4 ? 0.8 : 0.3) ? 1 : 0));
        const names = features.map((_, f) => `f${f}`);
        const expected = referenceFit(names, features, outcome, depth, 0.05);
        expect(fitDecisionRule(names, features, outcome, { maxDepth: depth, minLeafShare: 0.05 })).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it("gives each leaf's trials, ascending, as those meeting its conditions", () => {
    const n = 5000;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 3);
    const y = Float32Array.from({ length: n }, (_, i) => (Math.cos(i * 0.37) + 1) / 2);
    const outcome = Uint8Array.from(x, (v, i) => (v > 0.5 && y[i]! < 0.6 ? 1 : 0));
    const fit = fitBinnedRule(['x', 'y'], [binFeature(x), binFeature(y)], outcome, { maxDepth: 3, minLeafShare: 0.05 });
    const columns: Record<string, ArrayLike<number>> = { x, y };
    const seen = new Uint8Array(n);
    fit.leaves.forEach((leaf, l) => {
      const members = fit.members[l]!;
      expect(members.length).toBe(leaf.trials);
      for (let k = 0; k < members.length; k++) {
        const i = members[k]!;
        if (k > 0) expect(i).toBeGreaterThan(members[k - 1]!);
        expect(leaf.conditions.every((c) => (c.op === '<=' ? columns[c.feature]![i]! <= c.threshold : columns[c.feature]![i]! > c.threshold))).toBe(true);
        seen[i]!++;
      }
    });
    expect(seen.every((count) => count === 1)).toBe(true);
  });

  it('refuses a feature holding NaN', () => {
    expect(() => fitDecisionRule(['x'], [[1, Number.NaN, 2]], Uint8Array.of(0, 1, 0), { maxDepth: 1, minLeafShare: 0.05 })).toThrow('binFeature requires values that are not NaN');
  });
});
