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
import { meanInterval, Z_95 } from '../../src/stats/intervals.ts';
import { referenceOf } from '../../src/stats/switchover-estimate.ts';
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

describe('switchovers anchored on the whole run, with more accounts only where undecided', async () => {
  const RUN = 600;
  const whole = scenarioFrom(`name: anchored\ntrials: ${RUN}\nseed: 5\n`);
  const { table } = await runSimulation(whole, { trials: RUN, workers: 1 });
  const [a, b] = [strategyColumn(table, 'ato', 'npv'), strategyColumn(table, 'fitd', 'npv')];
  const reference = referenceOf(Float64Array.from({ length: RUN }, (_, i) => a[i]! - b[i]!));
  const adaptive = await runSwitchovers(whole, ['ato', 'fitd'], { workers: 1, trials: 240, firstTrials: 120, reference });
  const allAtOnce = await runSwitchovers(whole, ['ato', 'fitd'], { workers: 1, trials: 240, firstTrials: 240, reference });

  it('flips the whole run\'s verdict: the base is the run\'s A − B, not the re-run accounts\'', () => {
    expect(adaptive.base.mean).toBe(reference.mean);
    expect(adaptive.baseTrials).toBe(RUN);
    expect(adaptive.firstTrials).toBe(120);
    // The first 120 accounts' own difference is reported beside it, and differs.
    expect(adaptive.subsetBase.mean).not.toBe(reference.mean);
  });

  it('gives an assumption that went on to all re-run accounts exactly the figures of a re-run on all of them', () => {
    const extended = adaptive.assumptions.filter((s) => s.trials === 240);
    const stopped = adaptive.assumptions.filter((s) => s.trials === 120);
    expect(extended.length).toBeGreaterThan(0);
    expect(stopped.length).toBeGreaterThan(0);
    for (const swing of extended) {
      const same = allAtOnce.assumptions.find((s) => s.key === swing.key)!;
      expect([swing.atLow, swing.atHigh, swing.switchover], swing.key).toEqual([same.atLow, same.atHigh, same.switchover]);
    }
  });

  it('stops an assumption early only where both ends are decided, and then agrees with the full re-run within its interval', () => {
    for (const swing of adaptive.assumptions.filter((s) => s.trials === 120)) {
      const same = allAtOnce.assumptions.find((s) => s.key === swing.key)!;
      for (const [early, full] of [[swing.atLow, same.atLow], [swing.atHigh, same.atHigh]] as const) {
        const [low, high] = early.diff.ci95!;
        // Decided: the early interval keeps to one side of 0 (or is as narrow as the run's own).
        expect(low > 0 || high < 0 || early.diff.se! <= 1.1 * adaptive.base.se!, swing.key).toBe(true);
        // Tolerance: the two estimates differ by less than 1.96 SE of their difference, taken as if independent
        // (conservative: they share 120 accounts; changes are heavy-tailed, so the 120-account SE alone is too tight).
        expect(Math.abs(full.diff.mean - early.diff.mean), swing.key).toBeLessThanOrEqual(Z_95 * Math.hypot(early.diff.se!, full.diff.se!));
      }
      expect(swing.switchover === null, swing.key).toBe(same.switchover === null);
    }
    expect(adaptive.policyRuns).toBeLessThan(allAtOnce.policyRuns);
  });

  it('finds switchovers that, re-run at their value on all the run\'s accounts, give a difference whose interval holds 0', async () => {
    const found = adaptive.assumptions.filter((s) => s.switchover?.converged);
    expect(found.length).toBeGreaterThan(0);
    for (const swing of found) {
      const { table: at } = await runSimulation(withAssumption(whole, { key: swing.key }, swing.switchover!.value), { trials: RUN, workers: 1 });
      const [x, y] = [strategyColumn(at, 'ato', 'npv'), strategyColumn(at, 'fitd', 'npv')];
      const diff = referenceOf(Float64Array.from({ length: RUN }, (_, i) => x[i]! - y[i]!));
      const [low, high] = meanInterval(diff.mean, diff.sd / Math.sqrt(RUN));
      expect(low, swing.key).toBeLessThanOrEqual(0);
      expect(high, swing.key).toBeGreaterThanOrEqual(0);
    }
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
