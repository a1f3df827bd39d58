/** Issue 4's checks: ablation, precision runs, dominance, path classes. */
import { describe, expect, it } from 'vitest';
import { compileParameters } from '../../src/model/parameters.ts';
import { runTrials } from '../../src/engine/run-trials.ts';
import { compileVariants } from '../../src/engine/variants.ts';
import { valueOfExact } from '../../src/engine/exact-sum.ts';
import { ablationPlan } from '../../src/pipeline/ablation-plan.ts';
import { runScenario, summarizeRun } from '../../src/pipeline/run-scenario.ts';
import { summarizeDominance, riskProfile } from '../../src/stats/risk-profile.ts';
import { summarizePathClasses } from '../../src/stats/path-classes.ts';
import { formatSummaryJson } from '../../src/report/run-record.ts';
import { runSimulation } from '../../src/engine/run-simulation.ts';
import { withBarrierLevels, withScenarioValue, withScenarioValues } from '../../src/scenario/scenario-paths.ts';
import { BARRIERS } from '../../src/scenario/vocabulary.ts';
import { scenarioFrom } from '../helpers.ts';

const scenario = scenarioFrom('name: analysis\ntrials: 1500\nseed: 21\n');

describe('barrier ablation', () => {
  it('equals, trial by trial, a scenario written with that barrier at 0', () => {
    const params = compileParameters(scenario);
    const { variants } = ablationPlan(scenario, 0.9);
    const compiled = compileVariants(params, variants);
    for (const barrier of BARRIERS) {
      const written = compileParameters(scenarioFrom(`name: analysis\nseed: 21\naccount: { barriers: { ${barrier}: 0 } }\n`));
      const key = `ablation.${barrier}.removed`;
      for (let trial = 0; trial < 40; trial++) {
        // One-trial ranges: the variant's sums are that trial's values.
        const withVariant = runTrials(params, 21, trial, 1, { variants: compiled.filter((v) => v.key === key) });
        const plain = runTrials(written, 21, trial, 1);
        const sums = withVariant.variants[key]!;
        expect(valueOfExact(sums.sum.a)).toBe(plain.columns['ato.npv']![0]);
        expect(valueOfExact(sums.sum.b)).toBe(plain.columns['fitd.npv']![0]);
        expect(valueOfExact(sums.sum.aChange)).toBe(plain.columns['ato.npv']![0]! - withVariant.columns['ato.npv']![0]!);
      }
    }
  });

  it('reports every barrier, both levels, all removed and the interaction, largest effect first', async () => {
    const { summary } = await runScenario({ ...scenario, trials: 600 }, { workers: 1, ablationTrials: 600 });
    const ablation = summary.ablation!;
    expect(ablation.trials).toBe(600);
    expect([...ablation.order].sort()).toEqual([...BARRIERS].sort());
    for (const barrier of BARRIERS) {
      expect(ablation[barrier].diff.ci95![0]).toBeLessThanOrEqual(ablation[barrier].diff.mean);
      expect(ablation[barrier].high.level).toBe(0.9);
    }
    const size = (b: (typeof BARRIERS)[number]) => Math.max(Math.abs(ablation[b].diff.mean), Math.abs(ablation[b].high.diff.mean));
    for (let i = 1; i < ablation.order.length; i++) expect(size(ablation.order[i - 1]!)).toBeGreaterThanOrEqual(size(ablation.order[i]!));
    // The interaction is, by construction, all-removed minus the sum of the single removals.
    const singles = BARRIERS.reduce((sum, b) => sum + ablation[b].diff.mean, 0);
    expect(ablation.interaction.diff.mean).toBeCloseTo(ablation.allRemoved.diff.mean - singles, 9);
  });
});

describe('precision-targeted runs', () => {
  it('equal the fixed run of their final trial count', async () => {
    const target = { target: 0.4, relative: false, maxTrials: 20_000 };
    const precise = await runScenario(scenario, { workers: 1, ablate: false, precision: target });
    const p = precise.summary.precision!;
    expect(p.stoppedBy).toBe('precision');
    expect(p.halfWidth).toBeLessThanOrEqual(0.4);
    const fixed = await runSimulation({ ...scenario, trials: p.trialsUsed }, { trials: p.trialsUsed, workers: 2 });
    const core = (s: object) => formatSummaryJson(s);
    expect(core(summarizeRun({ ...scenario, trials: p.trialsUsed }, fixed.table))).toBe(core(summarizeRun(precise.scenario, precise.table)));
    expect(p.convergence.at(-1)!.trials).toBe(p.trialsUsed);
  });

  it('stop at the ceiling and say so', async () => {
    const { summary } = await runScenario(scenario, { workers: 1, ablate: false, precision: { target: 1e-6, relative: false, maxTrials: 3000 } });
    expect(summary.precision).toMatchObject({ stoppedBy: 'maxTrials', trialsUsed: 3000 });
    expect(summary.trials).toBe(3000);
  });
});

describe('dominance and risk', () => {
  const base = Float64Array.from({ length: 1000 }, (_, i) => i - 500);

  it('finds first-order dominance of a shifted distribution, and its violation the other way', () => {
    const shifted = base.map((x) => x + 100);
    const d = summarizeDominance(shifted, base);
    expect(d.firstOrder.atoOverFitd).toMatchObject({ holds: true, largestViolation: 0 });
    expect(d.secondOrder.atoOverFitd!.holds).toBe(true);
    // A shift of 100 over a grid of step 1 moves the CDF by 100 points of 1000.
    expect(d.firstOrder.fitdOverAto!.largestViolation).toBeCloseTo(0.1, 12);
    expect(d.firstOrder.fitdOverAto!.holds).toBe(false);
  });

  it('finds second-order but not first-order dominance over a mean-preserving spread', () => {
    const spread = base.map((x) => 2 * x);
    const d = summarizeDominance(base, spread);
    expect(d.firstOrder.atoOverFitd!.holds).toBe(false);
    expect(d.secondOrder.atoOverFitd!.holds).toBe(true);
    expect(d.secondOrder.fitdOverAto!.holds).toBe(false);
  });

  it('computes downside, expected shortfall and P(loss) by hand', () => {
    const values = Array.from({ length: 20 }, (_, i) => i - 4); // −4 … 15
    const risk = riskProfile(values);
    expect(risk.pLoss).toBe(4 / 20);
    expect(risk.expectedShortfall10).toBe(-3.5); // worst 2 of 20: −4, −3
    expect(risk.p10).toBeCloseTo(-4 + 0.1 * 19, 12);
  });
});

describe('path classes', () => {
  it('partition the trials under each strategy', async () => {
    for (const yaml of ['name: p\n', 'name: p\nresources: { capacity: 5 }\n', 'name: p\naccount: { barriers: { hardwareImage: 0.9 } }\n']) {
      const s = scenarioFrom(yaml);
      const { table } = await runSimulation(s, { trials: 800, workers: 1 });
      const classes = summarizePathClasses(table, compileParameters(s));
      for (const strategy of ['ato', 'fitd'] as const) {
        const groups = Object.values(classes[strategy]!);
        expect(groups.reduce((n, g) => n + g.trials, 0)).toBe(800);
        expect(groups.reduce((n, g) => n + g.share, 0)).toBeCloseTo(1, 12);
      }
    }
  });

  it('calls an under-resourced ATO without upstream wins capacity-starved', async () => {
    const s = scenarioFrom('name: p\nresources: { capacity: 5 }\n');
    const { table } = await runSimulation(s, { trials: 400, workers: 1 });
    const classes = summarizePathClasses(table, compileParameters(s));
    expect(classes.ato!.capacityStarved!.trials).toBeGreaterThan(0);
    expect(classes.ato!.upstreamNotReached!.trials).toBe(0);
  });
});

describe('scenario values by path', () => {
  it('refuses a path that is not a number, naming valid ones nearby', () => {
    expect(() => withScenarioValue(scenario, 'account.barriers.functionalWall', 0.2)).toThrowErrorMatchingInlineSnapshot(`[ScenarioError: ✖ account.barriers.functionalWall: account.barriers.functionalWall is not a numeric scenario value; valid paths nearby: account.barriers.functionalWalls, account.barriers.hardwareImage, account.barriers.purchasingControl, account.barriers.itVendorControl, account.barriers.executiveReluctance]`);
  });

  it("gives the ablation's barrier variants as a whole validation gives them, and refuses a level outside [0, 1]", () => {
    for (const barrier of BARRIERS) {
      for (const level of [0, 0.9, 1]) {
        expect(withBarrierLevels(scenario, { [barrier]: level }, 'test')).toEqual(withScenarioValue(scenario, `account.barriers.${barrier}`, level));
      }
    }
    const all = Object.fromEntries(BARRIERS.map((b) => [b, 0]));
    expect(withBarrierLevels(scenario, all, 'test')).toEqual(withScenarioValues(scenario, Object.fromEntries(BARRIERS.map((b) => [`account.barriers.${b}`, 0])), 'test'));
    // The scenario itself is left as it was.
    expect(scenario.account.barriers.functionalWalls).toBe(0.6);
    expect(() => withBarrierLevels(scenario, { hardwareImage: 1.5 }, 'the barrier ablation')).toThrowErrorMatchingInlineSnapshot(`[ScenarioError: ✖ the barrier ablation account.barriers.hardwareImage: must be between 0 and 1 (got 1.5)]`);
    expect(() => ablationPlan(scenario, Number.NaN)).toThrow(/account\.barriers\.functionalWalls/);
  });
});
