/**
 * The WebAssembly kernel (src/kernel, built by bin/build-kernel.js) seen from
 * the engine: its compiled Module, loaded once per process and handed to
 * worker threads, and a session that plays trials on one instance with the
 * outcomes read as TrialOutcomes whose arrays are views of its memory
 * (kernel-outcome.ts), so the engine's own recording functions record them.
 * The JavaScript engine stays the reference; `EXPANSIM_ENGINE=js` selects it.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ModelParameters } from '../model/parameters.ts';
import * as O from '../kernel/outcome-layout.ts';
import { BARRIER_COUNT } from '../scenario/vocabulary.ts';
import { generatorKey } from './keyed-uniform.ts';
import { kernelParameters } from './kernel-parameters.ts';
import { kernelPath } from './kernel-file.ts';
import { kernelMathMismatch, type KernelMath } from './kernel-math-check.ts';
import type { EngineSession } from './engine-session.ts';
import { copyScalars, outcomeSlot, type OutcomeSlot } from './kernel-outcome.ts';
import type { TrialOutcome } from './trial-outcome.ts';

/** The members of the WebAssembly JS API used here (the project's lib settings carry no WebAssembly types). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => KernelModule;
  Instance: new (module: KernelModule, imports: object) => { exports: unknown };
}
const WASM = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** A compiled kernel (a WebAssembly.Module): structured-cloneable, so worker threads receive it through workerData. */
export type KernelModule = object;

interface KernelExports {
  memory: { buffer: ArrayBuffer };
  allocate(bytes: number): number;
  setKey(k0: number, k1: number): void;
  generate(parameters: number, trial: number): number;
  play(parameters: number, strategy: number, outcome: number): void;
  wallet(): number;
  barrierCommonNormal(): number;
  barrierNormals(): number;
}

/** The kernel's imports: JavaScript's own pow and sin (so its figures are the reference's to the bit; exp and log it computes as V8 does, kernel-math-check.ts), and AssemblyScript's abort (reached only when its heap cannot grow). */
const KERNEL_IMPORTS = {
  env: {
    pow: Math.pow,
    sin: Math.sin,
    abort: (_message: number, _file: number, line: number, column: number) => {
      throw new Error(`the WebAssembly kernel aborted (out of memory?) at ${line}:${column}`);
    },
  },
};

/** Why the kernel is or is not in use, for EXPANSIM_TRACE=phases. */
export interface KernelAvailability {
  module: KernelModule | undefined;
  reason: string;
}

let loaded: KernelAvailability | undefined;

/** A worker thread uses the Module its parent compiled (passed through workerData), or the reference as its parent does, instead of reading the file. */
export function provideKernelModule(module: KernelModule | undefined): void {
  loaded = { module, reason: module ? 'the parent thread’s kernel' : 'the parent thread runs the reference' };
}

/** The kernel's Module, compiled once per process, or why there is none (`EXPANSIM_ENGINE=js`, not built, not loadable). */
export function kernelAvailability(env: NodeJS.ProcessEnv = process.env): KernelAvailability {
  if (env.EXPANSIM_ENGINE === 'js') return { module: undefined, reason: 'EXPANSIM_ENGINE=js' };
  if (loaded) return loaded;
  try {
    const path = kernelPath();
    if (!existsSync(path)) loaded = { module: undefined, reason: `no kernel built from today's sources (${path}; run npm run build)` };
    else {
      const module = new WASM.Module(readFileSync(path));
      // Instantiated once here, so a kernel whose imports do not match fails now, to the reference, not mid-run.
      const mismatch = kernelMathMismatch(new WASM.Instance(module, KERNEL_IMPORTS).exports as unknown as KernelMath);
      loaded = mismatch === undefined ? { module, reason: path } : { module: undefined, reason: `the kernel's exp or log is not this JavaScript's (${mismatch})` };
    }
  } catch (error) {
    loaded = { module: undefined, reason: `the kernel did not load: ${(error as Error).message}` };
  }
  return loaded;
}

/** The kernel's Module, unless the engine runs on its JavaScript reference. */
export function kernelModule(): KernelModule | undefined {
  return kernelAvailability().module;
}

/** One parameter set written into a session's memory. */
export interface KernelParameterSet {
  params: ModelParameters;
  pointer: number;
}

/**
 * One kernel instance for one run's seed: parameter sets (the scenario's,
 * each variant's), outcome slots, and per trial one world shared by every
 * play until the next `generate`.
 */
export class KernelSession implements EngineSession<KernelParameterSet> {
  readonly engine = 'kernel';
  private readonly kernel: KernelExports;
  private readonly slots: number[] = [];
  private readonly sets = new Map<ModelParameters, KernelParameterSet>();
  private views: OutcomeSlot[] = [];
  private buffer: ArrayBuffer;
  private normals: Float64Array;
  private readonly horizon: number;
  private readonly maxHorizon: number;

  /** Outcome views hold `horizon` months of cash path; parameter sets may have horizons up to `maxHorizon` (variants: only their NPV is read). */
  constructor(module: KernelModule, seed: number, horizon: number, slotCount: number, maxHorizon = horizon) {
    this.kernel = new WASM.Instance(module, KERNEL_IMPORTS).exports as unknown as KernelExports;
    const key = generatorKey(seed);
    this.kernel.setKey(key.k0, key.k1);
    this.horizon = horizon;
    this.maxHorizon = Math.max(horizon, maxHorizon);
    for (let slot = 0; slot < slotCount; slot++) this.slots.push(this.kernel.allocate((O.OUTCOME_FIXED + this.maxHorizon) * 8));
    this.buffer = this.kernel.memory.buffer;
    this.normals = new Float64Array(0);
    this.refresh();
  }

  /** Remakes the views when the kernel's memory has grown (its old buffer is then detached). */
  private refresh(): void {
    this.buffer = this.kernel.memory.buffer;
    this.views = this.slots.map((pointer) => outcomeSlot(this.buffer, pointer, this.horizon));
    this.normals = new Float64Array(this.buffer, this.kernel.barrierNormals(), BARRIER_COUNT);
  }

  /** Writes `params` into the kernel's memory, once per parameters object (a reused session is handed the same ones again). */
  addParameters(params: ModelParameters): KernelParameterSet {
    const written = this.sets.get(params);
    if (written !== undefined) return written;
    if (params.horizonMonths > this.maxHorizon) throw new Error(`KernelSession: a horizon of ${params.horizonMonths} months exceeds the session's ${this.maxHorizon}`);
    const block = kernelParameters(params);
    const pointer = this.kernel.allocate(block.byteLength);
    new Float64Array(this.kernel.memory.buffer, pointer, block.length).set(block);
    this.refresh();
    const set = { params, pointer };
    this.sets.set(params, set);
    return set;
  }

  /** Generates trial `trial`'s world from `set`'s arrival parameters; false when it would exceed the world size limit. */
  generate(set: KernelParameterSet, trial: number): boolean {
    const status = this.kernel.generate(set.pointer, trial);
    if (this.kernel.memory.buffer !== this.buffer) this.refresh();
    return status === 0;
  }

  /** The current world's account draws. */
  get wallet(): number {
    return this.kernel.wallet();
  }
  get barrierCommonNormal(): number {
    return this.kernel.barrierCommonNormal();
  }
  get barrierNormals(): Float64Array {
    return this.normals;
  }

  /** Plays strategy `strategy` of `set` on the current world into outcome slot `slot`; the view is valid until the next generate or play. */
  play(set: KernelParameterSet, strategy: number, slot: number): TrialOutcome {
    const pointer = this.slots[slot];
    if (pointer === undefined) throw new Error(`KernelSession: no outcome slot ${slot}`);
    this.kernel.play(set.pointer, strategy, pointer);
    if (this.kernel.memory.buffer !== this.buffer) this.refresh();
    return copyScalars(this.views[slot]!);
  }
}
