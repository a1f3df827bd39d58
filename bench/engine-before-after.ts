/**
 * The engine of two checkouts in one process: each checkout's own
 * parseScenario, compileParameters, ablation plan and runTrials, loaded from
 * its sources (through tsx, as this bench runs), then run alternately on the
 * default scenario with the work a `run` gives the engine (every trial, and
 * the barrier ablation's variants on the first 4,000). CPU time of this
 * thread (process.cpuUsage), median over rounds; both checkouts' code is
 * compiled by the same V8 in the same process, so start-up, bundling and
 * the machine's load fall on both alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The ablation's trials in a `run` (DEFAULT_ABLATION_TRIALS, the same before and after). */
const ABLATION_TRIALS = 4000;

interface EngineModules {
  runOnce: () => { cpuMs: number; npvSum: number };
}

type Loose = Record<string, (...args: never[]) => unknown>;

async function importFrom(root: string, path: string): Promise<Loose> {
  return (await import(pathToFileURL(join(root, path)).href)) as Loose;
}

/** Where the ablation plan lives: src/pipeline/ after the pipeline refactor, src/stats/ before it. */
function importAblationPlan(root: string): Promise<Loose> {
  const moved = 'src/pipeline/ablation-plan.ts';
  return importFrom(root, existsSync(join(root, moved)) ? moved : 'src/stats/barrier-ablation.ts');
}

async function loadEngine(root: string, trials: number): Promise<EngineModules> {
  const call = (modules: Loose, name: string, ...args: unknown[]): unknown => {
    const fn = modules[name];
    if (typeof fn !== 'function') throw new Error(`${root} has no ${name}`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
  const [scenarioModule, parametersModule, trialsModule, variantsModule, ablationModule] = await Promise.all([
    importFrom(root, 'src/scenario/parse-scenario.ts'),
    importFrom(root, 'src/model/parameters.ts'),
    importFrom(root, 'src/engine/run-trials.ts'),
    importFrom(root, 'src/engine/variants.ts'),
    importAblationPlan(root),
  ]);
  const parsed = call(scenarioModule, 'parseScenario', readFileSync(join(root, 'scenarios/hp-cso.yaml'), 'utf8')) as { ok: boolean; scenario: { seed: number } };
  if (!parsed.ok) throw new Error(`${root}: scenarios/hp-cso.yaml does not parse`);
  const { scenario } = parsed;
  const params = call(parametersModule, 'compileParameters', scenario);
  const plan = call(ablationModule, 'ablationPlan', scenario) as { variants: unknown[]; contrasts: unknown[] };
  const options = { variants: call(variantsModule, 'compileVariants', params, plan.variants), contrasts: plan.contrasts, variantTrials: Math.min(ABLATION_TRIALS, trials) };
  return {
    runOnce: () => {
      const before = process.cpuUsage();
      const table = call(trialsModule, 'runTrials', params, scenario.seed, 0, trials, options) as { columns: Record<string, ArrayLike<number>> };
      const used = process.cpuUsage(before);
      let npvSum = 0;
      for (const [name, column] of Object.entries(table.columns)) {
        if (!name.endsWith('.npv')) continue;
        for (let i = 0; i < column.length; i++) npvSum += column[i] ?? 0;
      }
      return { cpuMs: (used.user + used.system) / 1000, npvSum };
    },
  };
}

export interface EngineComparison {
  /** CPU milliseconds of each round, in round order. */
  beforeCpuMs: number[];
  nowCpuMs: number[];
}

/**
 * Runs `before`'s engine and `now`'s alternately for `rounds` rounds of
 * `trials` trials (after one warm-up each) and returns their CPU times.
 * Throws if the two disagree on the trials' NPVs (the comparison is then of
 * the same work), unless `sameWorlds` is false: a checkout from before the
 * keyed uniforms (0.2.0) draws other worlds from the same seed, so there
 * only the amount of work is the same.
 */
export async function compareEngines(beforeRoot: string, nowRoot: string, rounds: number, trials: number, sameWorlds = true): Promise<EngineComparison> {
  const before = await loadEngine(beforeRoot, trials);
  const now = await loadEngine(nowRoot, trials);
  const warm = { before: before.runOnce(), now: now.runOnce() };
  if (sameWorlds && warm.before.npvSum !== warm.now.npvSum) throw new Error(`the engines disagree: Σ NPV ${warm.before.npvSum} before, ${warm.now.npvSum} now`);
  const result: EngineComparison = { beforeCpuMs: [], nowCpuMs: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [before, now] : [now, before];
    for (const engine of order) (engine === before ? result.beforeCpuMs : result.nowCpuMs).push(engine.runOnce().cpuMs);
  }
  return result;
}
