/**
 * Runs a contiguous range of trials: for each trial, generate its world once
 * and evaluate every strategy on it (common random numbers), then every
 * variant on the same world for the compared pair, recording the outcomes in
 * a table (trial-loop.ts). Pure and synchronous; workers and shards call
 * this. The WebAssembly kernel plays the trials where it is available; the
 * JavaScript reference (reference-session.ts) otherwise, or when asked.
 */
import { PROJECT_TYPE_COUNT, STREAM_COUNT } from '../scenario/vocabulary.ts';
import { checkUniformLayout } from './keyed-uniform.ts';
import type { OutcomeTable } from './outcome-table.ts';
import { ReferenceSession } from './reference-session.ts';
import { playTrials, trialLoopSlots } from './trial-loop.ts';
import { planTrialRange, type TrialRange, type TrialRunOptions } from './trial-range.ts';
import { KernelSession, kernelModule } from './wasm-kernel.ts';
import type { TrialEngine } from './worker-messages.ts';
import type { ModelParameters } from '../model/parameters.ts';

export { defaultPair, type ProgressCallback, type TrialRunOptions } from './trial-range.ts';

export interface TrialRunResult {
  table: OutcomeTable;
  /** The engine that played these trials. */
  engine: TrialEngine;
}

/** Runs trials `start … start + count − 1` of a scenario seeded `seed`. */
export function runTrials(params: ModelParameters, seed: number, start: number, count: number, options: TrialRunOptions = {}): OutcomeTable {
  return runTrialRange(params, seed, start, count, options).table;
}

/** runTrials, saying which engine played. */
export function runTrialRange(params: ModelParameters, seed: number, start: number, count: number, options: TrialRunOptions = {}): TrialRunResult {
  const range = planTrialRange(params, seed, start, count, options);
  const kernel = options.engine === 'js' ? undefined : kernelModule();
  if (kernel === undefined) {
    playTrials(new ReferenceSession(seed), range);
    return { table: range.table, engine: 'js' };
  }
  const session = openKernelSession(kernel, range);
  playTrials(session, range);
  return { table: range.table, engine: session.engine };
}

function openKernelSession(kernel: NonNullable<ReturnType<typeof kernelModule>>, range: TrialRange): KernelSession {
  const all = [range.params, ...range.variants.map((v) => v.params)];
  for (const p of all) checkUniformLayout(p.horizonMonths, STREAM_COUNT, PROJECT_TYPE_COUNT);
  const maxHorizon = Math.max(...all.map((p) => p.horizonMonths));
  return new KernelSession(kernel, range.seed, range.params.horizonMonths, trialLoopSlots(range), maxHorizon);
}
