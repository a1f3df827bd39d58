/**
 * One checkout's engine, loaded from its sources, playing a sweep: every
 * point a variant on the same trials (as `expansim sweep` plays it), with a
 * contrast per pair of neighbouring points, so the exact sums give each
 * point's verdict d_i (the compared pair's mean NPV difference) and each
 * paired change d_{i+1} − d_i, trial by trial. The loaded names exist alike
 * in this checkout and in the releases the sweep bench compares with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VariantSums } from '../src/engine/variants.ts';

type Loose = Record<string, unknown>;

/** The sums of one sweep: each point's, then each neighbouring pair's contrast (`diffChange` = d_{i+1} − d_i). */
export interface SweepSums {
  points: VariantSums[];
  steps: VariantSums[];
}

export interface SweepEngine {
  root: string;
  /** Plays `points` (scenario values by path) on trials 0 … trials − 1 of the scenario seeded `seed`. */
  playSweep: (points: readonly Record<string, number>[], trials: number, seed?: number) => SweepSums;
}

async function importFrom(root: string, path: string): Promise<Loose> {
  return (await import(pathToFileURL(join(root, path)).href)) as Loose;
}

function named<T>(modules: Loose, name: string, root: string): T {
  const value = modules[name];
  if (typeof value !== 'function') throw new Error(`${root} has no ${name}`);
  return value as T;
}

/** The engine of the checkout at `root`, on its own scenarios/hp-cso.yaml (or `scenarioFile`). */
export async function loadSweepEngine(root: string, scenarioFile = join(root, 'scenarios/hp-cso.yaml')): Promise<SweepEngine> {
  const [scenarioModule, pathsModule, parametersModule, trialsModule, variantsModule] = await Promise.all([
    importFrom(root, 'src/scenario/parse-scenario.ts'),
    importFrom(root, 'src/scenario/scenario-paths.ts'),
    importFrom(root, 'src/model/parameters.ts'),
    importFrom(root, 'src/engine/run-trials.ts'),
    importFrom(root, 'src/engine/variants.ts'),
  ]);
  const parseScenario = named<(text: string) => { ok: boolean; scenario: { seed: number } & Loose }>(scenarioModule, 'parseScenario', root);
  const withScenarioValues = named<(scenario: unknown, values: Record<string, number>, source: string) => unknown>(pathsModule, 'withScenarioValues', root);
  const compileParameters = named<(scenario: unknown) => unknown>(parametersModule, 'compileParameters', root);
  const runTrials = named<(params: unknown, seed: number, start: number, count: number, options: unknown) => { variants: Record<string, VariantSums> }>(trialsModule, 'runTrials', root);
  const compileVariants = named<(params: unknown, variants: unknown[]) => unknown[]>(variantsModule, 'compileVariants', root);

  const parsed = parseScenario(readFileSync(scenarioFile, 'utf8'));
  if (!parsed.ok) throw new Error(`${root}: ${scenarioFile} does not parse`);
  const { scenario } = parsed;
  const params = compileParameters(scenario);
  return {
    root,
    playSweep: (points, trials, seed = scenario.seed) => {
      const variants = points.map((values, i) => ({ key: `sweep.${i}`, scenario: withScenarioValues(scenario, values, `sweep point ${i}`) }));
      const contrasts = points.slice(1).map((_, i) => ({
        key: `step.${i}`,
        terms: [
          { variant: `sweep.${i + 1}`, weight: 1 },
          { variant: `sweep.${i}`, weight: -1 },
        ],
      }));
      const table = runTrials(params, seed, 0, trials, { variants: compileVariants(params, variants), contrasts });
      const read = (key: string) => {
        const sums = table.variants[key];
        if (!sums) throw new Error(`${root}: no sums for ${key}`);
        return sums;
      };
      return { points: variants.map((v) => read(v.key)), steps: contrasts.map((c) => read(c.key)) };
    },
  };
}
