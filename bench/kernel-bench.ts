/**
 * The WebAssembly kernel against the JavaScript reference, in this process
 * and one thread, in CPU µs per trial (user + system, which a loaded machine
 * distorts less than wall time): the default scenario with its two plans and
 * the bundled four-plan one, so the cost of an extra plan shows. Two loops
 * per engine: the trial alone (world + every plan), and runTrials, which
 * adds the recording into the outcome table. Rounds alternate kernel and
 * reference; medians of `runs` rounds. Run alone: `tsx bench/kernel-bench.ts`.
 */
import { join, resolve } from 'node:path';
import { compileParameters, type ModelParameters } from '../src/model/parameters.ts';
import { createPolicyState } from '../src/engine/policy-state.ts';
import { runPolicy } from '../src/engine/run-policy.ts';
import { runTrials } from '../src/engine/run-trials.ts';
import { createTrialOutcome } from '../src/engine/trial-outcome.ts';
import { KernelSession, kernelAvailability } from '../src/engine/wasm-kernel.ts';
import { createWorld, generateWorld } from '../src/engine/world.ts';
import { loadScenario } from '../src/scenario/load-scenario.ts';
import { timing, type Timing } from './timing.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SCENARIOS = ['hp-cso.yaml', 'hp-cso-four-plans.yaml'];

export interface KernelTiming {
  scenario: string;
  plans: number;
  /** CPU µs per trial: medians (min–max) of the rounds. */
  kernelTrial: Timing;
  referenceTrial: Timing;
  kernelRunTrials: Timing;
  referenceRunTrials: Timing;
}

/** CPU µs per trial of `run` over `trials` trials. */
function cpuPerTrial(trials: number, run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / trials;
}

// One session per scenario for every round, as runTrials keeps one per thread (kernel-session-cache.ts), so the two loops differ only by the recording.
const sessions = new Map<ModelParameters, { session: KernelSession; set: ReturnType<KernelSession['addParameters']> }>();

function kernelTrials(params: ModelParameters, seed: number, start: number, trials: number): void {
  let kept = sessions.get(params);
  if (kept === undefined) {
    const session = new KernelSession(kernelAvailability().module!, seed, params.horizonMonths, params.strategies.length);
    kept = { session, set: session.addParameters(params) };
    sessions.set(params, kept);
  }
  const { session, set } = kept;
  let sink = 0;
  for (let trial = start; trial < start + trials; trial++) {
    session.generate(set, trial);
    for (let index = 0; index < params.strategies.length; index++) sink += session.play(set, index, index).npv;
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
}

function referenceTrials(params: ModelParameters, seed: number, start: number, trials: number): void {
  const world = createWorld(params.horizonMonths);
  const state = createPolicyState(params.horizonMonths);
  const outcome = createTrialOutcome(params.horizonMonths);
  let sink = 0;
  for (let trial = start; trial < start + trials; trial++) {
    generateWorld(params, seed, trial, world);
    for (const strategy of params.strategies) sink += runPolicy(params, strategy, world, state, outcome).npv;
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
}

/** Kernel and reference timings per bundled scenario; undefined when the kernel is not built. */
export function kernelTimings(runs = 7, trials = 2_000): KernelTiming[] | undefined {
  if (kernelAvailability().module === undefined) return undefined;
  return SCENARIOS.map((name) => {
    const { scenario } = loadScenario(join(ROOT, 'scenarios', name));
    const params = compileParameters(scenario);
    const samples = { kernelTrial: [] as number[], referenceTrial: [] as number[], kernelRunTrials: [] as number[], referenceRunTrials: [] as number[] };
    // A first round warms both engines' JIT; it is not counted.
    for (let round = -1; round < runs; round++) {
      const start = (round + 1) * trials;
      const kernel = cpuPerTrial(trials, () => kernelTrials(params, scenario.seed, start, trials));
      const reference = cpuPerTrial(trials, () => referenceTrials(params, scenario.seed, start, trials));
      const kernelRun = cpuPerTrial(trials, () => runTrials(params, scenario.seed, start, trials));
      const referenceRun = cpuPerTrial(trials, () => runTrials(params, scenario.seed, start, trials, { engine: 'js' }));
      if (round < 0) continue;
      samples.kernelTrial.push(kernel);
      samples.referenceTrial.push(reference);
      samples.kernelRunTrials.push(kernelRun);
      samples.referenceRunTrials.push(referenceRun);
    }
    return {
      scenario: name,
      plans: params.strategies.length,
      kernelTrial: timing(samples.kernelTrial),
      referenceTrial: timing(samples.referenceTrial),
      kernelRunTrials: timing(samples.kernelRunTrials),
      referenceRunTrials: timing(samples.referenceRunTrials),
    };
  });
}

const us = (s: Timing) => `${s.median.toFixed(1).padStart(7)} µs (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;

/** The table's lines: per scenario both loops on both engines with their ratio, then the cost of an extra plan. */
export function formatKernelTimings(timings: KernelTiming[] | undefined): string[] {
  if (timings === undefined) return ['  kernel: not built (npm run build); the engine runs its JavaScript reference'];
  const lines = timings.flatMap((t) => [
    `  ${t.scenario} (${t.plans} plans), CPU per trial, one thread, medians of ${t.kernelTrial.runs}:`,
    `    trial (world + plans)   kernel ${us(t.kernelTrial)}   reference ${us(t.referenceTrial)}   ×${(t.referenceTrial.median / t.kernelTrial.median).toFixed(2)}`,
    `    runTrials (+ recording) kernel ${us(t.kernelRunTrials)}   reference ${us(t.referenceRunTrials)}   ×${(t.referenceRunTrials.median / t.kernelRunTrials.median).toFixed(2)}`,
  ]);
  const two = timings.find((t) => t.plans === 2);
  const more = timings.find((t) => t.plans > 2);
  if (two && more) {
    const extra = (pick: (t: KernelTiming) => Timing) => (pick(more).median - pick(two).median) / (more.plans - two.plans);
    lines.push(`  each plan past two: kernel +${extra((t) => t.kernelTrial).toFixed(1)} µs a trial (reference +${extra((t) => t.referenceTrial).toFixed(1)} µs); with recording +${extra((t) => t.kernelRunTrials).toFixed(1)} µs (reference +${extra((t) => t.referenceRunTrials).toFixed(1)} µs)`);
  }
  return lines;
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isEntry) {
  const quick = process.argv.includes('--quick');
  process.stdout.write(`${formatKernelTimings(kernelTimings(quick ? 5 : 7, quick ? 1_000 : 2_000)).join('\n')}\n`);
}
