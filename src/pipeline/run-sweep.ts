/**
 * A sweep: the scenario at every point of a grid of one or two values, each
 * point a variant played on the same worlds as the others (the scenario's
 * trials and seed), with the paired change between neighbouring points of a
 * line, summarized by stats/sweep.ts.
 */
import { runSimulation } from '../engine/run-simulation.ts';
import type { Variant } from '../engine/variants.ts';
import { scenarioValue, withScenarioValues } from '../scenario/scenario-paths.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { sweepGridProblem, type SweepParameter } from '../scenario/sweep-parameter.ts';
import { comparedPair } from '../stats/compared-pair.ts';
import { gridPoints, summarizeSweepPoints, sweepPointKey, type SweepResult } from '../stats/sweep.ts';
import { sweepStepContrasts } from '../stats/sweep-steps.ts';
import { compileRun } from './compile-run.ts';
import type { EngineOptions } from './simulate-run.ts';

/**
 * The scenario at each grid point, validated; throws ScenarioError naming the
 * point after `origin` (`sweep point resources.capacity=4`; the CLI says `--vary`).
 */
export function sweepVariants(scenario: Scenario, parameters: readonly SweepParameter[], origin = 'sweep point'): Variant[] {
  const problem = sweepGridProblem(parameters);
  if (problem) throw new Error(problem);
  return gridPoints(parameters).map((values, i) => ({
    key: sweepPointKey(i),
    scenario: withScenarioValues(scenario, values, `${origin} ${Object.entries(values).map(([path, value]) => `${path}=${value}`).join(' ')}`),
  }));
}

/** Runs every point of the sweep on the same worlds (the scenario's trials and seed). */
export async function runSweep(
  scenario: Scenario,
  parameters: readonly SweepParameter[],
  options: EngineOptions & { compare?: readonly [string, string] } = {},
): Promise<SweepResult> {
  const { compare, ...engine } = options;
  const compiled = compileRun(scenario, { ablate: false });
  const variants = sweepVariants(scenario, parameters);
  const pair = comparedPair(compiled.params, compare);
  // Along one parameter, the paired change between neighbouring points (the break-even interval reads it).
  const contrasts = parameters.length === 1 ? sweepStepContrasts(variants.length, sweepPointKey) : [];
  const { table } = await runSimulation(scenario, { ...engine, trials: scenario.trials, variants, contrasts, pair: [pair.a.index, pair.b.index] });
  const { facts } = compiled;
  return {
    scenario: facts.scenario,
    scenarioHash: facts.scenarioHash,
    seed: facts.seed,
    trials: facts.trials,
    horizonMonths: facts.horizonMonths,
    terminalValue: facts.terminalValue,
    currency: facts.currency,
    compared: pair,
    parameters: parameters.map((p) => ({ path: p.path, values: [...p.values] })),
    baseValues: Object.fromEntries(parameters.map((p) => [p.path, scenarioValue(scenario, p.path)])),
    ...summarizeSweepPoints(table, parameters, pair),
  };
}
