/**
 * A worker thread: compiles the scenario once, then runs the trial ranges it
 * is sent, recording each straight into the run's shared columns, and posts
 * back only the chunk's sums.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { outcomeTableView } from './outcome-table.ts';
import { RunLimitError } from './run-limit-error.ts';
import { runTrialRange } from './run-trials.ts';
import { compileVariants, variantSumKeys, type Contrast, type Variant } from './variants.ts';
import type { SharedTable, WorkerReply, WorkerTask } from './worker-messages.ts';
import { provideKernelModule, type KernelModule } from './wasm-kernel.ts';

const { scenario, seed, table: shared, variants, variantTrials, contrasts, pair, kernel } = workerData as {
  scenario: Scenario;
  table: SharedTable;
  seed: number;
  variants: Variant[];
  variantTrials?: number;
  contrasts: Contrast[];
  pair?: [number, number];
  kernel?: KernelModule;
};
provideKernelModule(kernel);
const params = compileParameters(scenario);
const compiledVariants = compileVariants(params, variants);
const port = parentPort!;

// Test seam for the crash-handling tests: EXPANSIM_FAULT=worker-crash makes a worker die on its first task.
const injectCrash = process.env.EXPANSIM_FAULT === 'worker-crash';

port.on('message', (task: WorkerTask) => {
  if (injectCrash) process.exit(70);
  try {
    const view = outcomeTableView(shared, task.start, task.count, variantSumKeys(variants, contrasts));
    const { table, engine } = runTrialRange(params, seed, task.start, task.count, {
      table: view,
      onProgress: (done) => port.postMessage({ type: 'progress', chunk: task.chunk, done } satisfies WorkerReply),
      variants: compiledVariants,
      variantTrials,
      contrasts,
      pair,
    });
    port.postMessage({ type: 'result', chunk: task.chunk, count: task.count, sums: table.sums, variants: table.variants, engine } satisfies WorkerReply);
  } catch (error) {
    const { message, stack } = error as Error;
    const kind = error instanceof RunLimitError ? RunLimitError.kind : undefined;
    port.postMessage({ type: 'error', chunk: task.chunk, message, stack, kind } satisfies WorkerReply);
  }
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
