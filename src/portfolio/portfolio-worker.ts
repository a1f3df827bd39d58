/**
 * A portfolio worker thread: simulates the accounts it is sent, one at a
 * time (every capacity of the account's grid), and posts back each strategy's NPV per trial (the buffers move, not
 * copied). Messages are plain data, errors included.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RunLimitError } from '../engine/run-limit-error.ts';
import { provideKernelModule, type KernelModule } from '../engine/wasm-kernel.ts';
import { simulateAccount } from './simulate-account.ts';
import type { PortfolioWorkerReply, PortfolioWorkerTask } from './portfolio-worker-messages.ts';

provideKernelModule((workerData as { kernel?: KernelModule } | undefined)?.kernel);
const port = parentPort!;

port.on('message', (task: PortfolioWorkerTask) => {
  try {
    const npv = simulateAccount(task.scenario, task.capacities);
    port.postMessage({ type: 'result', id: task.id, npv } satisfies PortfolioWorkerReply, npv.flat().map((column) => column.buffer as ArrayBuffer));
  } catch (error) {
    const kind = error instanceof RunLimitError ? RunLimitError.kind : undefined;
    port.postMessage({ type: 'error', id: task.id, message: (error as Error).message, kind } satisfies PortfolioWorkerReply);
  }
});
port.postMessage({ type: 'ready' } satisfies PortfolioWorkerReply);
