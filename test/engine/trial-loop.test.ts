/**
 * The one trial loop (src/engine/trial-loop.ts) on either engine session: the
 * engine a run reports is the one that played, in this thread and in
 * workers; a world past the size limit stops either engine with the
 * reference's RunLimitError; and the order variants are played in changes
 * no figure.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RunLimitError } from '../../src/engine/run-limit-error.ts';
import { runSimulation } from '../../src/engine/run-simulation.ts';
import { runTrialRange, runTrials } from '../../src/engine/run-trials.ts';
import { compileVariants } from '../../src/engine/variants.ts';
import { kernelAvailability } from '../../src/engine/wasm-kernel.ts';
import { compileParameters } from '../../src/model/parameters.ts';
import { loadScenario } from '../../src/scenario/load-scenario.ts';
import { withScenarioValue } from '../../src/scenario/scenario-paths.ts';
import { scenarioFrom } from '../helpers.ts';

const { module, reason } = kernelAvailability({});
const required = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== '0' && process.env.CI !== 'false';
const scenario = scenarioFrom('name: loop\ntrials: 300\nseed: 5\n');

describe.skipIf(module === undefined && !required)(`the engine a run reports (${reason})`, () => {
  const saved = process.env.EXPANSIM_ENGINE;
  afterEach(() => {
    if (saved === undefined) delete process.env.EXPANSIM_ENGINE;
    else process.env.EXPANSIM_ENGINE = saved;
  });

  it('is the one that played a range', () => {
    const params = compileParameters(scenario);
    expect(runTrialRange(params, scenario.seed, 0, 5).engine).toBe('kernel');
    expect(runTrialRange(params, scenario.seed, 0, 5, { engine: 'js' }).engine).toBe('js');
  });

  it('is the one that played, in this thread and in workers, whether asked for in the options or by EXPANSIM_ENGINE', async () => {
    const runs = async (workers: number) => ({
      kernel: await runSimulation(scenario, { trials: 300, workers, chunkSize: 100 }),
      js: await runSimulation(scenario, { trials: 300, workers, chunkSize: 100, engine: 'js' }),
    });
    for (const workers of [1, 2]) {
      const { kernel, js } = await runs(workers);
      expect([kernel.workers, kernel.engine, js.engine]).toEqual([workers, 'kernel', 'js']);
      expect(js.table.columns).toEqual(kernel.table.columns);
    }
    process.env.EXPANSIM_ENGINE = 'js';
    for (const workers of [1, 2]) expect((await runSimulation(scenario, { trials: 300, workers, chunkSize: 100 })).engine).toBe('js');
  });
});

describe('a world past the size limit', () => {
  // Seed 3471's trial 4 would bring about 9.8 million opportunities (test/robustness/guards.test.ts).
  const lucky = compileParameters(scenarioFrom('name: lucky\naccount:\n  wallet:\n    median: 0.001\n    sigma: 5\n'));
  const message = "trial 4's account, with a wallet of $718,000M a year (account.wallet: median 0.001, sigma 5), would bring about 9,763,070 opportunities into its world";

  const engines: ('js' | 'kernel')[] = module === undefined ? ['js'] : ['js', 'kernel'];
  it.each(engines)('stops the %s engine with the reference RunLimitError', (engine) => {
    const run = () => runTrials(lucky, 3471, 3, 3, { engine });
    expect(run).toThrow(RunLimitError);
    expect(run).toThrow(message);
  });
});

describe('the variants', () => {
  it('give the same figures whatever order they are listed (so played) in, on either engine', () => {
    const { scenario: four } = loadScenario('scenarios/hp-cso-four-plans.yaml');
    const params = compileParameters(four);
    const listed = [
      { key: 'wallet', scenario: withScenarioValue(four, 'account.wallet.median', 30) },
      { key: 'removed', scenario: withScenarioValue(four, 'account.barriers.functionalWalls', 0) },
      { key: 'longer', scenario: withScenarioValue(four, 'horizonMonths', 84), valuationGrid: true },
    ];
    const inOrder = compileVariants(params, listed);
    const reversed = compileVariants(params, [...listed].reverse());
    // Own worlds listed before a shared one: the loop plays the shared one first.
    expect(inOrder.map((v) => v.sharesBaseWorld)).toEqual([false, true, false]);
    for (const engine of ['js', 'kernel'] as const) {
      const a = runTrials(params, four.seed, 0, 40, { variants: inOrder, engine });
      const b = runTrials(params, four.seed, 0, 40, { variants: reversed, engine });
      expect(a.variants).toEqual(b.variants);
      expect(a.columns).toEqual(b.columns);
    }
  });
});
