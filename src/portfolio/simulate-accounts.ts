/**
 * Simulates many accounts (simulateAccount), in this thread or on a pool of
 * worker threads, each worker taking the next account as it finishes one. An
 * account's figures depend only on its scenario (its seed) and capacities, so
 * the results are the same for any worker count; only the order they arrive
 * in changes, and callers store them by id.
 */
import { bundleWorkerCode } from '../engine/bundle-worker-code.ts';
import { RunLimitError } from '../engine/run-limit-error.ts';
import { runWorkerPool } from '../engine/run-worker-pool.ts';
import { kernelModule } from '../engine/wasm-kernel.ts';
import type { AccountTask, PortfolioWorkerReply, PortfolioWorkerTask } from './portfolio-worker-messages.ts';
import { simulateAccount } from './simulate-account.ts';

export interface SimulateAccountsOptions {
  /** Worker threads; 1 runs in this thread. */
  workers: number;
  /** Called with each account's index in `tasks` and its NPV columns by [capacity][strategy]. */
  onResult: (id: number, npv: Float64Array[][]) => void;
  signal?: AbortSignal;
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('the evaluation was interrupted');
}

async function inThisThread(tasks: readonly AccountTask[], options: SimulateAccountsOptions): Promise<void> {
  for (let id = 0; id < tasks.length; id++) {
    if (options.signal?.aborted) throw abortError(options.signal);
    const task = tasks[id]!;
    options.onResult(id, simulateAccount(task.scenario, task.capacities));
    // Let signals and progress output through between accounts.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function inWorkers(tasks: readonly AccountTask[], count: number, options: SimulateAccountsOptions): Promise<void> {
  return runWorkerPool<AccountTask, PortfolioWorkerReply>({
    code: bundleWorkerCode(new URL('./portfolio-worker.ts', import.meta.url)),
    count,
    tasks,
    // The compiled kernel, so the workers neither read nor compile it.
    workerData: { kernel: kernelModule() },
    message: (task, id) => ({ id, ...task }) satisfies PortfolioWorkerTask,
    signal: options.signal,
    abortError,
    onReply: (reply) => {
      if (reply.type === 'error') return reply.kind === RunLimitError.kind ? new RunLimitError(reply.message) : new Error(`a worker failed on account task ${reply.id}: ${reply.message}`);
      if (reply.type !== 'result') return undefined;
      options.onResult(reply.id, reply.npv);
      return 'finished';
    },
  });
}

/** Simulates every account, handing each result to `onResult` as it arrives. */
export async function simulateAccounts(tasks: readonly AccountTask[], options: SimulateAccountsOptions): Promise<void> {
  const count = Math.min(options.workers, tasks.length);
  if (count <= 1) await inThisThread(tasks, options);
  else await inWorkers(tasks, count, options);
}
