/**
 * What a fresh KernelSession costs a chunk (issue 13's review: one is made per
 * runTrials call): a new WebAssembly.Instance, its outcome slots and the
 * parameter blocks written, and its memory grown and touched again by the
 * first worlds. Measured as CPU µs per chunk: chunks of a few trials, each
 * on a new session, less the same chunks on one session kept warm, with the
 * base parameters alone and with 12 parameter sets (a run with variants).
 * Medians of rounds. Run alone: `tsx bench/session-bench.ts`.
 */
import { join, resolve } from 'node:path';
import { compileParameters, type ModelParameters } from '../src/model/parameters.ts';
import { KernelSession, kernelAvailability, type KernelModule } from '../src/engine/wasm-kernel.ts';
import { loadScenario } from '../src/scenario/load-scenario.ts';
import { timing, wholeNumberArgument, type Timing } from './timing.ts';

const ROOT = resolve(import.meta.dirname, '..');

function cpu(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

function open(module: KernelModule, params: ModelParameters, seed: number, sets: number): KernelSession {
  const session = new KernelSession(module, seed, params.horizonMonths, params.strategies.length + 2);
  // Copies, since a session writes one parameters object once.
  for (let s = 0; s < sets; s++) session.addParameters({ ...params });
  return session;
}

function play(session: KernelSession, params: ModelParameters, start: number, trials: number): void {
  const set = session.addParameters(params);
  for (let trial = start; trial < start + trials; trial++) {
    session.generate(set, trial);
    for (let index = 0; index < params.strategies.length; index++) session.play(set, index, index);
  }
}

export interface SessionTiming {
  sets: number;
  /** CPU µs a chunk pays for its own session: fresh less warm, and the set-up alone. */
  perChunk: Timing;
  setUpOnly: Timing;
}

export function sessionTimings(rounds: number, chunks: number, trials: number, sets: readonly number[]): SessionTiming[] | undefined {
  const module = kernelAvailability().module;
  if (module === undefined) return undefined;
  const { scenario } = loadScenario(join(ROOT, 'scenarios', 'hp-cso.yaml'));
  const params = compileParameters(scenario);
  return sets.map((count) => {
    const warm = open(module, params, scenario.seed, count);
    const perChunk: number[] = [];
    const setUpOnly: number[] = [];
    // A round plays `chunks` chunks on fresh sessions, then the same chunks on the warm one; the first round warms the JIT.
    for (let round = -1; round < rounds; round++) {
      const fresh = cpu(() => {
        for (let c = 0; c < chunks; c++) play(open(module, params, scenario.seed, count), params, c * trials, trials);
      });
      const reused = cpu(() => {
        for (let c = 0; c < chunks; c++) play(warm, params, c * trials, trials);
      });
      const setUp = cpu(() => {
        for (let c = 0; c < chunks; c++) open(module, params, scenario.seed, count);
      });
      if (round < 0) continue;
      perChunk.push((fresh - reused) / chunks);
      setUpOnly.push(setUp / chunks);
    }
    return { sets: count, perChunk: timing(perChunk), setUpOnly: timing(setUpOnly) };
  });
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isEntry) {
  const rounds = wholeNumberArgument('--rounds', 9);
  const chunks = wholeNumberArgument('--chunks', 40);
  const trials = wholeNumberArgument('--trials', 20);
  const timings = sessionTimings(rounds, chunks, trials, [1, 12]);
  if (timings === undefined) process.stdout.write('  kernel: not built (npm run build)\n');
  else {
    const us = (t: Timing) => `${t.median.toFixed(0)} µs (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;
    for (const t of timings) process.stdout.write(`  a fresh kernel session, ${t.sets} parameter set(s): ${us(t.perChunk)} CPU a chunk over a warm one (chunks of ${trials} trials); set-up alone ${us(t.setUpOnly)}; medians of ${t.perChunk.runs} rounds of ${chunks} chunks\n`);
  }
}
