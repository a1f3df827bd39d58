/**
 * Simulates many accounts (simulateAccount), in this thread or on a pool of
 * worker threads, each worker taking the next account as it finishes one. An
 * account's figures depend only on its scenario (its seed) and capacities, so
 * the results are the same for any worker count; only the order they arrive
 * in changes, and callers store them by id.
 */
import { Worker } from 'node:worker_threads';
import { bundleWorkerCode } from '../engine/bundle-worker-code.ts';
import { RunLimitError } from '../engine/run-limit-error.ts';
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
  const code = bundleWorkerCode(new URL('./portfolio-worker.ts', import.meta.url));
  const workers: Worker[] = [];
  let next = 0;
  let finished = 0;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const stop = (error?: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void Promise.allSettled(workers.map((worker) => worker.terminate())).then(() => {
        const failure = error ?? (options.signal?.aborted ? abortError(options.signal) : undefined);
        if (failure) reject(failure);
        else resolve();
      });
    };
    const onAbort = () => stop(abortError(options.signal!));
    if (options.signal?.aborted) {
      reject(abortError(options.signal));
      return;
    }
    options.signal?.addEventListener('abort', onAbort);
    const feed = (worker: Worker) => {
      if (next < tasks.length) {
        const id = next++;
        worker.postMessage({ id, ...tasks[id]! } satisfies PortfolioWorkerTask);
      }
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
      workers.push(worker);
      worker.on('message', (reply: PortfolioWorkerReply) => {
        if (settled) return;
        if (reply.type === 'ready') return feed(worker);
        if (reply.type === 'error') return stop(reply.kind === RunLimitError.kind ? new RunLimitError(reply.message) : new Error(`a worker failed on account task ${reply.id}: ${reply.message}`));
        options.onResult(reply.id, reply.npv);
        if (++finished === tasks.length) stop();
        else feed(worker);
      });
      worker.on('error', (error) => stop(new Error(`a worker crashed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (!settled && code !== 0) stop(new Error(`a worker exited with code ${code}`));
      });
    }
  });
}

/** Simulates every account, handing each result to `onResult` as it arrives. */
export async function simulateAccounts(tasks: readonly AccountTask[], options: SimulateAccountsOptions): Promise<void> {
  const count = Math.min(options.workers, tasks.length);
  if (count <= 1) await inThisThread(tasks, options);
  else await inWorkers(tasks, count, options);
}
