/** Issue 15: the who-wins-where rule — a shallow CART tree — checked against direct counts. */
import { describe, expect, it } from 'vitest';
import { compileParameters } from '../../src/model/parameters.ts';
import { runTrials } from '../../src/engine/run-trials.ts';
import { strategyColumn } from '../../src/engine/outcome-table.ts';
import { fitDecisionRule, meetsConditions } from '../../src/stats/decision-rule.ts';
import { ACCOUNT_FEATURES, summarizeWhoWinsWhere } from '../../src/stats/who-wins-where.ts';
import { scenarioFrom } from '../helpers.ts';

describe('decision rule', () => {
  it('finds the thresholds of a known rule on a grid', () => {
    // x and y on a 50 × 50 grid in [0, 1); yes exactly when x > 0.6 and y <= 0.3.
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 50; i++) for (let j = 0; j < 50; j++) (x.push(i / 50), y.push(j / 50));
    const outcome = Uint8Array.from(x, (xi, k) => (xi > 0.6 && y[k]! <= 0.3 ? 1 : 0));
    const { leaves, importance } = fitDecisionRule(['x', 'y'], [x, y], outcome, { maxDepth: 2, minLeafShare: 0.05 });
    const pure = leaves.find((leaf) => leaf.yes === leaf.trials)!;
    // Midpoints between grid values: 0.6 and 0.62 → 0.61; 0.3 and 0.32 → 0.31.
    expect(pure.conditions).toEqual(expect.arrayContaining([{ feature: 'x', op: '>', threshold: 0.61 }, { feature: 'y', op: '<=', threshold: 0.31 }]));
    expect(leaves.reduce((sum, leaf) => sum + leaf.yes, 0)).toBe(outcome.reduce((s, v) => s + v, 0));
    expect(importance.x! + importance.y!).toBeGreaterThan(0);
  });

  it('stops where a split would leave a leaf under the minimum share, and at the depth limit', () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    const outcome = Uint8Array.from(x, (v) => (v < 3 || (v >= 50 && v < 60) ? 1 : 0));
    const { leaves } = fitDecisionRule(['x'], [x], outcome, { maxDepth: 3, minLeafShare: 0.05 });
    expect(leaves.every((leaf) => leaf.trials >= 5)).toBe(true);
    expect(leaves.length).toBeLessThanOrEqual(8);
    expect(fitDecisionRule(['x'], [x], outcome, { maxDepth: 0, minLeafShare: 0.05 }).leaves).toEqual([{ conditions: [], trials: 100, yes: 13 }]);
  });
});

describe('who wins where', () => {
  it("reports leaf shares and P(better) that match a direct count on the trials", () => {
    const scenario = scenarioFrom('name: where\ntrials: 1000\nseed: 5\n');
    const table = runTrials(compileParameters(scenario), 5, 0, 1000);
    const notes: Record<string, string> = {};
    const where = summarizeWhoWinsWhere(table, ['ato', 'fitd'], notes);
    const [a, b] = [strategyColumn(table, 'ato', 'npv'), strategyColumn(table, 'fitd', 'npv')];
    const values = Object.fromEntries(ACCOUNT_FEATURES.map((f) => [f, table.columns[f]!]));
    let covered = 0;
    for (const leaf of where.leaves) {
      let count = 0;
      let better = 0;
      let diff = 0;
      for (let i = 0; i < 1000; i++) {
        if (!meetsConditions(leaf.conditions, values, i)) continue;
        count++;
        diff += a[i]! - b[i]!;
        if (a[i]! > b[i]!) better++;
      }
      covered += count;
      expect(leaf.trials).toBe(count);
      expect(leaf.share).toBe(count / 1000);
      expect(leaf.pBetter.p).toBe(better / count);
      expect(leaf.meanDiff).toBeCloseTo(diff / count, 9);
      expect(leaf.share).toBeGreaterThanOrEqual(0.05);
      expect(leaf.conditions.length).toBeLessThanOrEqual(3 * 2);
    }
    // The leaves partition the trials.
    expect(covered).toBe(1000);
    expect(where.leaves.length).toBeGreaterThan(1);
    const cells = where.heatmap.cells;
    expect(cells.reduce((sum, cell) => sum + cell.trials, 0)).toBe(1000);
    expect(Object.keys(notes).length).toBe(cells.filter((cell) => cell.pBetter === null).length);
  });
});
