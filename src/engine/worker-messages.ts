/** Messages between the pool and its workers: plain data, errors included. */
import type { OutcomeTable } from './outcome-table.ts';

export interface WorkerTask {
  chunk: number;
  start: number;
  count: number;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; chunk: number; done: number }
  | { type: 'result'; chunk: number; table: OutcomeTable }
  | { type: 'error'; chunk: number; message: string; stack?: string };
