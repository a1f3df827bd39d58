/**
 * The WebAssembly kernel against the JavaScript reference (generateWorld +
 * runPolicy), trial by trial and plan by plan, on every bundled scenario and
 * on random valid ones: every month and count identical, every money figure
 * within MONEY_TOLERANCE. The kernel must be built (npm install / npm run
 * build; vitest's global setup builds it): without it the test fails under
 * CI=1 and is skipped, saying why, elsewhere.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileParameters, type ModelParameters } from '../../src/model/parameters.ts';
import { RunLimitError } from '../../src/engine/run-limit-error.ts';
import { createPolicyState } from '../../src/engine/policy-state.ts';
import { runPolicy } from '../../src/engine/run-policy.ts';
import { runSimulation } from '../../src/engine/run-simulation.ts';
import { simulateAccount } from '../../src/portfolio/simulate-account.ts';
import { runTrials } from '../../src/engine/run-trials.ts';
import { createTrialOutcome, type TrialOutcome } from '../../src/engine/trial-outcome.ts';
import { compileVariants, RUN_GRID_KEY, valuationGridCells } from '../../src/engine/variants.ts';
import { KernelSession, kernelAvailability } from '../../src/engine/wasm-kernel.ts';
import { createWorld, generateWorld } from '../../src/engine/world.ts';
import { loadScenario } from '../../src/scenario/load-scenario.ts';
import type { Scenario } from '../../src/scenario/scenario-schema.ts';
import { numericPaths } from '../../src/scenario/schema-paths.ts';
import { withScenarioValue } from '../../src/scenario/scenario-paths.ts';
import { BARRIERS } from '../../src/scenario/vocabulary.ts';

/**
 * Money must agree to 1e-7 $M absolute (a tenth of a dollar): the kernel's
 * contract, which leaves it free to compute a transcendental function its own
 * way (AssemblyScript's exp and log differ from V8's in the last bit, and sums
 * of a few thousand such terms drift by ~1e-13 relative). Today it computes
 * exp and log as V8 does (src/kernel/fdlibm.ts) and imports pow and sin, so
 * the figures agree to the bit, and the table test below holds it to that: a
 * run's files are then the same bytes on either engine. Decisions compare a 32-bit uniform with a probability, so a
 * differing decision would need that probability within an ulp of a multiple
 * of 2^-32: months and counts are compared exactly.
 */
const MONEY_TOLERANCE = 1e-7;

const MONEY_FIELDS = ['npv', 'terminalValue', 'revenue', 'grossMargin', 'costOfSale', 'buildCost', 'failureLoss', 'lostWallet'] as const;
const COUNT_FIELDS = ['churnMonth', 'deliveryFailures', 'dealsWon', 'trapMonths'] as const;
const MONEY_VECTORS = ['revenueByStream', 'dealRevenueByStream', 'marginByStream', 'costByStream', 'cashValueAtRate', 'terminalValueAtRate', 'cumulativeCash'] as const;
const COUNT_VECTORS = ['firstWinMonth', 'openedMonth', 'funnel', 'stagesPassed'] as const;

const { module, reason } = kernelAvailability({});
const required = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== '0' && process.env.CI !== 'false';

/** Every difference between two outcomes of one plan on one trial, as readable lines (none when they agree). */
function differences(where: string, reference: TrialOutcome, kernel: TrialOutcome): string[] {
  const found: string[] = [];
  for (const field of MONEY_FIELDS) if (!(Math.abs(reference[field] - kernel[field]) <= MONEY_TOLERANCE)) found.push(`${where} ${field}: ${reference[field]} vs ${kernel[field]}`);
  for (const field of COUNT_FIELDS) if (reference[field] !== kernel[field]) found.push(`${where} ${field}: ${reference[field]} vs ${kernel[field]}`);
  for (const field of MONEY_VECTORS) {
    reference[field].forEach((value, i) => {
      if (!(Math.abs(value - kernel[field][i]!) <= MONEY_TOLERANCE)) found.push(`${where} ${field}[${i}]: ${value} vs ${kernel[field][i]}`);
    });
  }
  for (const field of COUNT_VECTORS) if (reference[field].join() !== kernel[field].join()) found.push(`${where} ${field}: ${reference[field].join()} vs ${kernel[field].join()}`);
  return found;
}

/** Plays trials 0 … trials − 1 of every plan on both engines; returns the differences and how many outcomes were compared. */
function crossCheck(params: ModelParameters, seed: number, trials: number): { found: string[]; compared: number } {
  const session = new KernelSession(module!, seed, params.horizonMonths, params.strategies.length);
  const set = session.addParameters(params);
  const world = createWorld(params.horizonMonths);
  const state = createPolicyState(params.horizonMonths);
  const reference = createTrialOutcome(params.horizonMonths);
  const found: string[] = [];
  let compared = 0;
  for (let trial = 0; trial < trials && found.length < 20; trial++) {
    let refused = false;
    try {
      generateWorld(params, seed, trial, world);
    } catch (error) {
      if (!(error instanceof RunLimitError)) throw error;
      refused = true;
    }
    // A world past the size limit is refused by both (the engine then raises the reference's error).
    expect(session.generate(set, trial), `trial ${trial} refused by the reference: ${refused}`).toBe(!refused);
    if (refused) continue;
    if (!(Math.abs(world.wallet - session.wallet) <= MONEY_TOLERANCE)) found.push(`trial ${trial} wallet: ${world.wallet} vs ${session.wallet}`);
    params.strategies.forEach((strategy, index) => {
      runPolicy(params, strategy, world, state, reference);
      found.push(...differences(`trial ${trial} ${strategy.key}`, reference, session.play(set, index, index)));
      compared++;
    });
  }
  return { found, compared };
}

const BUNDLED = readdirSync('scenarios').filter((name) => name.endsWith('.yaml')).sort();

describe.skipIf(module === undefined && !required)(`the WebAssembly kernel (${reason})`, () => {
  it('is built from the sources beside it', () => {
    expect(module, reason).toBeDefined();
  });

  it.each(BUNDLED)('plays %s as the reference does, trial by trial, for every plan', (name) => {
    const { scenario } = loadScenario(`scenarios/${name}`);
    const params = compileParameters(scenario);
    const { found, compared } = crossCheck(params, scenario.seed, 200);
    expect(found).toEqual([]);
    expect(compared).toBe(200 * params.strategies.length);
  });

  const base = loadScenario('scenarios/hp-cso.yaml').scenario;
  const paths = numericPaths().filter((path) => !['seed', 'trials', 'horizonMonths'].includes(path) && !path.startsWith('strategies.') && !path.startsWith('portfolio'));
  const plan = fc.record({
    open: fc.record({ midstream: fc.constantFrom('start', 'migrate', 'never'), upstream: fc.constantFrom('start', 'migrate', 'never') }),
    rampMonths: fc.integer({ min: 0, max: 12 }),
    buildCost: fc.double({ min: 0, max: 2, noNaN: true }),
    sellingMode: fc.record({ downstream: fc.constantFrom('product', 'solution'), midstream: fc.constantFrom('product', 'solution'), upstream: fc.constantFrom('product', 'solution') }),
  });
  const randomScenario: fc.Arbitrary<Scenario> = fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      horizonMonths: fc.integer({ min: 1, max: 96 }),
      plans: fc.array(plan, { minLength: 2, maxLength: 4 }),
      changes: fc.array(fc.record({ path: fc.constantFrom(...paths), factor: fc.oneof(fc.double({ min: 0.2, max: 2, noNaN: true }), fc.constant(0)) }), { maxLength: 25 }),
    })
    .map(({ seed, horizonMonths, plans, changes }) => {
      const strategies = Object.fromEntries(plans.map((p, i) => [`plan${i}`, { ...p, label: `Plan ${i}` }]));
      let scenario = { ...base, seed, horizonMonths, strategies, baseline: 'plan0' } as unknown as Scenario;
      for (const { path, factor } of changes) {
        try {
          const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], scenario) as number;
          scenario = withScenarioValue(scenario, path, Number.isInteger(value) && value > 1 ? Math.max(1, Math.round(value * factor)) : value * factor);
        } catch {
          // A change that makes the scenario invalid is left out: the property is about valid scenarios.
        }
      }
      return scenario;
    });

  it('plays random valid scenarios as the reference does (property)', () => {
    let played = 0;
    fc.assert(
      fc.property(randomScenario, (scenario) => {
        const params = compileParameters(scenario);
        const { found, compared } = crossCheck(params, scenario.seed, 20);
        expect(found).toEqual([]);
        if (compared > 0) played++;
      }),
      { numRuns: 30 },
    );
    // Most random scenarios have worlds within the size limit, so the property compares plays, not only refusals.
    expect(played).toBeGreaterThanOrEqual(20);
  });

  it('records the same table, to the bit, through runTrials on either engine, variants and a contrast included', () => {
    const { scenario } = loadScenario('scenarios/hp-cso-four-plans.yaml');
    const params = compileParameters(scenario);
    const removed = (barrier: (typeof BARRIERS)[number]) => ({ key: `removed.${barrier}`, scenario: withScenarioValue(scenario, `account.barriers.${barrier}`, 0) });
    const variants = compileVariants(params, [removed('functionalWalls'), removed('hardwareImage'), { key: 'wallet', scenario: withScenarioValue(scenario, 'account.wallet.median', 30) }, { key: 'longer', scenario: withScenarioValue(scenario, 'horizonMonths', 84), valuationGrid: true }]);
    expect(variants.map((v) => v.sharesBaseWorld)).toEqual([true, true, false, false]);
    expect(variants[3]!.gridCells).toHaveLength(6);
    const contrasts = [{ key: 'both', terms: [{ variant: 'removed.functionalWalls', weight: 1 }, { variant: 'wallet', weight: -1 }] }];
    const options = { variants, contrasts, variantTrials: 60 };
    const kernel = runTrials(params, scenario.seed, 40, 100, options);
    const reference = runTrials(params, scenario.seed, 40, 100, { ...options, engine: 'js' });
    expect(kernel).toEqual(reference);
    expect(Object.keys(kernel.variants)).toEqual([...valuationGridCells(RUN_GRID_KEY).map((cell) => cell.key), 'removed.functionalWalls', 'removed.hardwareImage', 'wallet', 'longer', ...variants[3]!.gridCells.map((cell) => cell.key), 'both']);
  });

  it('records the same table in worker threads, which receive the compiled kernel, as the reference in this thread', async () => {
    const { scenario } = loadScenario('scenarios/hp-cso.yaml');
    const run = await runSimulation(scenario, { trials: 400, workers: 2, chunkSize: 150 });
    expect([run.workers, run.engine]).toEqual([2, 'kernel']);
    const reference = runTrials(compileParameters(scenario), scenario.seed, 0, 400, { engine: 'js' });
    expect(run.table.columns).toEqual(reference.columns);
    expect(run.table.cashPaths).toEqual(reference.cashPaths);
  });

  it("gives the portfolio's accounts the same NPVs at every capacity as the reference", () => {
    const { scenario } = loadScenario('scenarios/hp-cso.yaml');
    const account = { ...scenario, trials: 120 };
    expect(simulateAccount(account, [4, 7, 10])).toEqual(simulateAccount(account, [4, 7, 10], 'js'));
  });
});
