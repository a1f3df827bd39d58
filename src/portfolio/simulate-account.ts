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
import { refuseWorld, type EngineSession } from '../engine/engine-session.ts';
import { ReferenceSession } from '../engine/reference-session.ts';
import { KernelSession, kernelModule } from '../engine/wasm-kernel.ts';
import type { TrialEngine } from '../engine/worker-messages.ts';
import { compileParameters, type ModelParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';

/** NPV per trial, $M, by [capacity][strategy] (the scenario's strategy order) of `scenario` at each of `capacities`. */
export function simulateAccount(scenario: Scenario, capacities: readonly number[], engine: TrialEngine = 'kernel'): Float64Array[][] {
  const params = capacities.map((capacity) => compileParameters({ ...scenario, resources: { ...scenario.resources, capacity } }));
  const first = params[0];
  if (!first) return [];
  const { trials, seed } = scenario;
  const kernel = engine === 'js' ? undefined : kernelModule();
  if (kernel === undefined) return playAccount(new ReferenceSession(seed), params, seed, trials);
  return playAccount(new KernelSession(kernel, seed, first.horizonMonths, first.strategies.length), params, seed, trials);
}

/** Every capacity's plans on each trial's world, drawn once from the first capacity's parameters. */
function playAccount<Set extends { params: ModelParameters }>(session: EngineSession<Set>, params: ModelParameters[], seed: number, trials: number): Float64Array[][] {
  const npv = params.map((p) => p.strategies.map(() => new Float64Array(trials)));
  const sets = params.map((p) => session.addParameters(p));
  const first = sets[0]!;
  for (let trial = 0; trial < trials; trial++) {
    if (!session.generate(first, trial)) refuseWorld(first.params, seed, trial);
    sets.forEach((set, c) => {
      const columns = npv[c]!;
      for (let s = 0; s < columns.length; s++) columns[s]![trial] = session.play(set, s, s).npv;
    });
  }
  return npv;
}
