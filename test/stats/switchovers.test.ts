/** Issue 15: assumption switchovers — the tornado and the root-finding on common random numbers — and their ranges' validation. */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/run-simulation.ts';
import { strategyColumn } from '../../src/engine/outcome-table.ts';
import { withAssumption } from '../../src/scenario/assumption-ranges.ts';
import { runSwitchovers } from '../../src/pipeline/run-switchovers.ts';
import { summarizeRobustness } from '../../src/stats/summarize-robustness.ts';
import { runTrials } from '../../src/engine/run-trials.ts';
import { compileParameters } from '../../src/model/parameters.ts';
import { parseScenario } from '../../src/scenario/parse-scenario.ts';
import { formatIssue } from '../../src/scenario/scenario-issue.ts';
import { meanInterval } from '../../src/stats/intervals.ts';
import { scenarioFrom } from '../helpers.ts';

const TRIALS = 250;
const scenario = scenarioFrom(`name: switch\ntrials: ${TRIALS}\nseed: 3\nrobustness: { ranges: { trapFactor: [0.19, 0.21] } }\n`);

async function differenceAt(key: string, value: number) {
  const { table } = await runSimulation(withAssumption(scenario, { key }, value), { trials: TRIALS, workers: 1 });
  const [a, b] = [strategyColumn(table, 'ato', 'npv'), strategyColumn(table, 'fitd', 'npv')];
  const diff = Float64Array.from({ length: TRIALS }, (_, i) => a[i]! - b[i]!);
  const mean = diff.reduce((s, d) => s + d, 0) / TRIALS;
  const se = Math.sqrt(diff.reduce((s, d) => s + (d - mean) ** 2, 0) / (TRIALS - 1) / TRIALS);
  return meanInterval(mean, se);
}

describe('assumption switchovers', async () => {
  const result = await runSwitchovers(scenario, ['ato', 'fitd'], { workers: 1, trials: TRIALS });

  it('finds switchovers that, re-run at their value, give a difference whose 95% interval holds 0', async () => {
    const found = result.assumptions.filter((s) => s.switchover?.converged);
    expect(found.length).toBeGreaterThan(0);
    for (const swing of found) {
      const [low, high] = await differenceAt(swing.key, swing.switchover!.value);
      expect(low).toBeLessThanOrEqual(0);
      expect(high).toBeGreaterThanOrEqual(0);
      expect(swing.switchover!.ci95[0]).toBeLessThanOrEqual(swing.switchover!.value);
      expect(swing.switchover!.ci95[1]).toBeGreaterThanOrEqual(swing.switchover!.value);
      expect(swing.switchover!.value).toBeGreaterThanOrEqual(swing.low);
      expect(swing.switchover!.value).toBeLessThanOrEqual(swing.high);
    }
  });

  it('says "does not flip" exactly where both ends keep the verdict, and takes the scenario\'s own range', () => {
    const sign = Math.sign(result.base.mean);
    for (const swing of result.assumptions) {
      const keeps = Math.sign(swing.atLow.diff.mean) === sign && Math.sign(swing.atHigh.diff.mean) === sign;
      expect(swing.switchover === null, swing.key).toBe(keeps);
    }
    const trap = result.assumptions.find((s) => s.key === 'trapFactor')!;
    expect([trap.low, trap.high]).toEqual([0.19, 0.21]);
    expect(trap.switchover).toBeNull();
    const notes: Record<string, string> = {};
    const table = runTrials(compileParameters(scenario), 3, 0, 20);
    const robustness = summarizeRobustness(table, compileParameters(scenario), ['ato', 'fitd'], notes, result);
    const index = robustness.switchovers!.assumptions.findIndex((s) => s.key === 'trapFactor');
    expect(notes[`robustness.switchovers.assumptions[${index}].switchover`]).toBe('the verdict does not flip in the range');
  });

  it('states its cost in policy runs', () => {
    // The base and both ends of every assumption, then one point per search step (each with its base).
    expect(result.policyRuns).toBeGreaterThanOrEqual((1 + 2 * result.assumptions.length) * 2 * TRIALS);
  });
});

describe('robustness ranges in a scenario', () => {
  it('names the file, line and field of a bad range', () => {
    const text = 'name: bad\nrobustness:\n  ranges:\n    trapFactor: [0.5, 0.2]\n    churnBase: [0.001, 2]\n';
    const result = parseScenario(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => formatIssue(issue, 'bad.yaml'))).toMatchInlineSnapshot(`
      [
        "✖ bad.yaml:4 robustness.ranges.trapFactor: must be [low, high] with low below high",
        "✖ bad.yaml:5 robustness.ranges.churnBase[1]: must be at most 1",
      ]
    `);
  });
});
