/**
 * One KernelSession per thread for consecutive runTrials calls on the same
 * compiled parameters and seed (a run's chunks, in this thread or in a
 * worker), instead of a new instance per chunk: a fresh one costs a chunk
 * about 2 ms of CPU (a new instance, its parameter blocks, its memory grown
 * and touched again; bench/session-bench.ts). Kept in a WeakMap on the
 * run's parameters, so it goes when they do; a session that threw is dropped.
 */
import type { ModelParameters } from '../model/parameters.ts';
import { PROJECT_TYPE_COUNT, STREAM_COUNT } from '../scenario/vocabulary.ts';
import { checkUniformLayout } from './keyed-uniform.ts';
import { trialLoopSlots } from './trial-loop.ts';
import type { TrialRange } from './trial-range.ts';
import { KernelSession, type KernelModule } from './wasm-kernel.ts';

interface CachedSession {
  module: KernelModule;
  seed: number;
  variants: readonly ModelParameters[];
  session: KernelSession;
  busy: boolean;
}

const sessions = new WeakMap<ModelParameters, CachedSession>();

function openKernelSession(module: KernelModule, range: TrialRange): KernelSession {
  const all = [range.params, ...range.variants.map((v) => v.params)];
  for (const p of all) checkUniformLayout(p.horizonMonths, STREAM_COUNT, PROJECT_TYPE_COUNT);
  const maxHorizon = Math.max(...all.map((p) => p.horizonMonths));
  return new KernelSession(module, range.seed, range.params.horizonMonths, trialLoopSlots(range), maxHorizon);
}

function fits(entry: CachedSession, module: KernelModule, range: TrialRange): boolean {
  return !entry.busy && entry.module === module && entry.seed === range.seed && entry.variants.length === range.variants.length && range.variants.every((v, i) => v.params === entry.variants[i]);
}

/** Runs `play` on this thread's session for the range's parameters, seed and variants, made when there is none that fits. */
export function withKernelSession<T>(module: KernelModule, range: TrialRange, play: (session: KernelSession) => T): T {
  let entry = sessions.get(range.params);
  if (entry === undefined || !fits(entry, module, range)) {
    // A session in use (a runTrials called from within another's progress callback) is left to its caller.
    if (entry?.busy) return play(openKernelSession(module, range));
    entry = { module, seed: range.seed, variants: range.variants.map((v) => v.params), session: openKernelSession(module, range), busy: false };
    sessions.set(range.params, entry);
  }
  entry.busy = true;
  try {
    return play(entry.session);
  } catch (error) {
    sessions.delete(range.params);
    throw error;
  } finally {
    entry.busy = false;
  }
}
