/**
 * What a trial loop needs of an engine: parameter sets, one current world per
 * trial (generated from a set's arrival parameters), its account draws, and
 * plays of a set's plans on it. The JavaScript reference (reference-session.ts)
 * and the WebAssembly kernel (wasm-kernel.ts) implement it, so the recording
 * (trial-loop.ts) and the portfolio's accounts are written once for both.
 */
import type { ModelParameters } from '../model/parameters.ts';
import type { TrialOutcome } from './trial-outcome.ts';
import type { TrialEngine } from './worker-messages.ts';
import { createWorld, generateWorld } from './world.ts';

export interface EngineSession<Set extends { params: ModelParameters }> {
  /** Which engine plays: reported with the results, so a run says what actually ran. */
  readonly engine: TrialEngine;
  addParameters(params: ModelParameters): Set;
  /** Makes trial `trial`'s world from `set` the current one; false when the engine refuses it as too large (see refuseWorld). */
  generate(set: Set, trial: number): boolean;
  /** The current world's account draws. */
  readonly wallet: number;
  readonly barrierCommonNormal: number;
  readonly barrierNormals: Float64Array;
  /** Plays plan `strategy` of `set` on the current world into outcome slot `slot`; the outcome is valid until the next generate or play. */
  play(set: Set, strategy: number, slot: number): TrialOutcome;
}

/** A world an engine refused as too large: the reference generates it to raise its RunLimitError, with its message. */
export function refuseWorld(params: ModelParameters, seed: number, trial: number): never {
  generateWorld(params, seed, trial, createWorld(params.horizonMonths));
  throw new Error(`the kernel refused trial ${trial}'s world as too large, but the reference generated it`);
}
