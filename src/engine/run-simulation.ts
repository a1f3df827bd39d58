/**
 * Runs a scenario's trials in chunks, in this thread or across worker
 * threads, and assembles one outcome table. Every trial's randomness comes
 * from (seed, trial index), so the table is the same for any worker count or
 * chunk size; only speed changes.
 */
import { availableParallelism } from 'node:os';
import { compileParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { createOutcomeTable, mergeOutcomeSums, outcomeTableView, type ColumnSet, type OutcomeTable } from './outcome-table.ts';
import { RunLimitError } from './run-limit-error.ts';
import { runTrialRange } from './run-trials.ts';
import { runWorkerPool } from './run-worker-pool.ts';
import { compileVariants, variantSumKeys, type Contrast, type Variant } from './variants.ts';
import { trialWorkerCode } from './worker-code.ts';
import { kernelModule } from './wasm-kernel.ts';
import type { TrialEngine, WorkerReply, WorkerTask } from './worker-messages.ts';

export interface SimulationOptions {
  /** First trial index and number of trials (a shard runs a sub-range). */
  start?: number;
  trials: number;
  /** Worker threads; 1 runs in this thread. Default: all cores. */
  workers?: number;
  /** Trials per chunk; default spreads the run over about four chunks per worker. */
  chunkSize?: number;
  /** Variants to play on the same worlds, and on how many of the first trials (default: all). */
  variants?: readonly Variant[];
  variantTrials?: number;
  /** Weighted sums of variant changes, measured per trial. */
  contrasts?: readonly Contrast[];
  /** The strategies the variants compare, as indices (default: the first non-baseline strategy and the baseline). */
  pair?: readonly [number, number];
  /** Per-trial columns to keep: `all` (default), or `summary` when no per-trial CSV or partial will be written. */
  columns?: ColumnSet;
  /** Called as trials complete, with the number done so far. */
  onProgress?: (trialsDone: number) => void;
  signal?: AbortSignal;
  /** `js` plays on the JavaScript reference even where the WebAssembly kernel is available (default: the kernel where available). */
  engine?: TrialEngine;
}

/** Below this many trials per worker, starting threads costs more than it saves. */
const MIN_TRIALS_PER_WORKER = 2_000;

/** All cores, or as many as the run can use. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

function planChunks(start: number, trials: number, workers: number, chunkSize?: number): WorkerTask[] {
  const size = chunkSize ?? Math.min(50_000, Math.max(500, Math.ceil(trials / (workers * 4))));
  const tasks: WorkerTask[] = [];
  for (let first = start, chunk = 0; first < start + trials; first += size, chunk++) {
    tasks.push({ chunk, start: first, count: Math.min(size, start + trials - first) });
  }
  return tasks;
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('the run was interrupted');
}

async function runInThisThread(scenario: Scenario, total: OutcomeTable, tasks: WorkerTask[], options: SimulationOptions, engines: Set<TrialEngine>): Promise<void> {
  const params = compileParameters(scenario);
  const variants = compileVariants(params, options.variants ?? []);
  const variantKeys = Object.keys(total.variants);
  let done = 0;
  for (const task of tasks) {
    if (options.signal?.aborted) throw abortError(options.signal);
    const { table: part, engine } = runTrialRange(params, scenario.seed, task.start, task.count, {
      table: outcomeTableView(total, task.start, task.count, variantKeys),
      onProgress: (inChunk) => options.onProgress?.(done + inChunk),
      variants,
      variantTrials: options.variantTrials,
      contrasts: options.contrasts,
      pair: options.pair,
      engine: options.engine,
    });
    mergeOutcomeSums(total, part);
    engines.add(engine);
    done += task.count;
    // Let signals and progress output through between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function runInWorkers(scenario: Scenario, total: OutcomeTable, tasks: WorkerTask[], workerCount: number, options: SimulationOptions, engines: Set<TrialEngine>): Promise<void> {
  const progress = new Map<number, number>();
  const report = () => {
    let done = 0;
    for (const value of progress.values()) done += value;
    options.onProgress?.(done);
  };
  const { sums: _sums, variants: _variants, ...shared } = total;
  const workerData = {
    scenario,
    seed: scenario.seed,
    table: shared,
    variants: options.variants ?? [],
    variantTrials: options.variantTrials,
    contrasts: options.contrasts ?? [],
    pair: options.pair,
    // The compiled kernel (a WebAssembly.Module is structured-cloneable), so workers neither read nor compile it.
    kernel: options.engine === 'js' ? undefined : kernelModule(),
  };
  return runWorkerPool<WorkerTask, WorkerReply>({
    code: trialWorkerCode(),
    count: workerCount,
    tasks,
    workerData,
    message: (task) => task,
    signal: options.signal,
    abortError,
    onReply: (reply) => {
      switch (reply.type) {
        case 'progress':
          progress.set(reply.chunk, reply.done);
          report();
          return undefined;
        case 'result':
          mergeOutcomeSums(total, reply);
          engines.add(reply.engine);
          progress.set(reply.chunk, reply.count);
          report();
          return 'finished';
        case 'error':
          return reply.kind === RunLimitError.kind ? new RunLimitError(reply.message) : new Error(`a worker failed on trials ${tasks[reply.chunk]!.start}…: ${reply.message}`);
        default:
          return undefined;
      }
    },
  });
}

export interface SimulationResult {
  table: OutcomeTable;
  /** Threads that ran trials (1: this thread). */
  workers: number;
  /** The engine that played the trials, as each chunk reported it (`js` if any chunk ran on the reference). */
  engine: TrialEngine;
  chunks: number;
}

/**
 * Runs trials `start … start + trials − 1` of `scenario` (its seed) and
 * returns their outcome table.
 */
export async function runSimulation(scenario: Scenario, options: SimulationOptions): Promise<SimulationResult> {
  const start = options.start ?? 0;
  const { trials } = options;
  // By default, use every core the run can keep busy; an explicit count is honoured.
  const workers = options.workers ?? Math.max(1, Math.min(defaultWorkerCount(), Math.floor(trials / MIN_TRIALS_PER_WORKER)));
  const tasks = planChunks(start, trials, workers, options.chunkSize);
  const variantKeys = variantSumKeys(options.variants ?? [], options.contrasts ?? []);
  const used = Math.min(workers, tasks.length);
  // Workers record straight into the run's columns, so with workers they live in shared memory.
  const total = createOutcomeTable(start, trials, scenario.horizonMonths, Object.keys(scenario.strategies), variantKeys, { columns: options.columns, memory: used > 1 ? 'shared' : 'private' });
  const engines = new Set<TrialEngine>();
  if (used <= 1) {
    await runInThisThread(scenario, total, tasks, options, engines);
  } else await runInWorkers(scenario, total, tasks, used, options, engines);
  // No trials, no chunk to report: the engine that would have played them.
  if (engines.size === 0) engines.add(options.engine === 'js' || kernelModule() === undefined ? 'js' : 'kernel');
  return { table: total, workers: Math.max(1, used), chunks: tasks.length, engine: engines.has('js') ? 'js' : 'kernel' };
}
