/**
 * Runs a contiguous range of trials: for each trial, generate its world once
 * and evaluate every strategy on it (common random numbers), then every
 * variant on the same world for the compared pair, recording the outcomes in
 * a table (trial-loop.ts). Pure and synchronous; workers and shards call
 * this. The WebAssembly kernel plays the trials where it is available; the
 * JavaScript reference (reference-session.ts) otherwise, or when asked.
 */
import { withKernelSession } from './kernel-session-cache.ts';
import type { OutcomeTable } from './outcome-table.ts';
import { ReferenceSession } from './reference-session.ts';
import { playTrials } from './trial-loop.ts';
import { planTrialRange, type TrialRunOptions } from './trial-range.ts';
import { kernelModule } from './wasm-kernel.ts';
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
  return withKernelSession(kernel, range, (session) => {
    playTrials(session, range);
    return { table: range.table, engine: session.engine };
  });
}
