/**
 * One account of the portfolio's grid: its scenario at every capacity of the
 * grid, every strategy, on the same worlds, reduced to each strategy's NPV
 * per trial. A trial's world does not depend on capacity (it enters only the
 * policy's q_s, MODEL.md §3.6), so each world is drawn once and played at
 * every capacity: the figures are exactly those `expansim run` gives the
 * scenario at each capacity (same seed, same trials 0 … trials − 1), for a
 * fraction of the world draws. The WebAssembly kernel plays them where it is
 * built (its figures are the reference's to the bit); `engine: 'js'` asks for
 * the JavaScript reference.
 */
import { createPolicyState } from '../engine/policy-state.ts';
import { refuseWorld } from '../engine/run-trials-on-kernel.ts';
import { KernelSession, kernelModule, type KernelModule } from '../engine/wasm-kernel.ts';
import type { TrialEngine } from '../engine/worker-messages.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { runPolicy } from '../engine/run-policy.ts';
import { createTrialOutcome } from '../engine/trial-outcome.ts';
import { createWorld, generateWorld } from '../engine/world.ts';
import { compileParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';

/** NPV per trial, $M, by [capacity][strategy] (the scenario's strategy order) of `scenario` at each of `capacities`. */
export function simulateAccount(scenario: Scenario, capacities: readonly number[], engine: TrialEngine = 'kernel'): Float64Array[][] {
  const params = capacities.map((capacity) => compileParameters({ ...scenario, resources: { ...scenario.resources, capacity } }));
  const first = params[0];
  if (!first) return [];
  const { trials, seed } = scenario;
  const npv = params.map((p) => p.strategies.map(() => new Float64Array(trials)));
  const kernel = engine === 'js' ? undefined : kernelModule();
  if (kernel !== undefined) return simulateOnKernel(kernel, params, seed, trials, npv);
  const horizon = first.horizonMonths;
  const world = createWorld(horizon);
  const state = createPolicyState(horizon);
  const outcome = createTrialOutcome(horizon);
  for (let trial = 0; trial < trials; trial++) {
    generateWorld(first, seed, trial, world);
    params.forEach((p, c) => {
      const columns = npv[c]!;
      p.strategies.forEach((strategy, s) => {
        columns[s]![trial] = runPolicy(p, strategy, world, state, outcome).npv;
      });
    });
  }
  return npv;
}

function simulateOnKernel(kernel: KernelModule, params: ModelParameters[], seed: number, trials: number, npv: Float64Array[][]): Float64Array[][] {
  const first = params[0]!;
  const session = new KernelSession(kernel, seed, first.horizonMonths, first.strategies.length);
  const sets = params.map((p) => session.addParameters(p));
  for (let trial = 0; trial < trials; trial++) {
    if (!session.generate(sets[0]!, trial)) refuseWorld(first, seed, trial);
    sets.forEach((set, c) => {
      const columns = npv[c]!;
      for (let s = 0; s < columns.length; s++) columns[s]![trial] = session.play(set, s, s).npv;
    });
  }
  return npv;
}
