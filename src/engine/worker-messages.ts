/** Messages between the pool and its workers: plain data, errors included. */
import type { OutcomeTable } from './outcome-table.ts';

/** Which engine played a chunk: the WebAssembly kernel or the JavaScript reference. */
export type TrialEngine = 'kernel' | 'js';

/** The run's table memory, shared with every worker: its columns and cash paths (SharedArrayBuffer views). */
export type SharedTable = Omit<OutcomeTable, 'sums' | 'variants'>;

export interface WorkerTask {
  chunk: number;
  start: number;
  count: number;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; chunk: number; done: number }
  /** A chunk is done: its rows are in the shared columns; its sums come here. */
  | { type: 'result'; chunk: number; count: number; sums: OutcomeTable['sums']; variants: OutcomeTable['variants']; engine: TrialEngine }
  /** `kind` names an error the CLI reports as bad input (RunLimitError.kind). */
  | { type: 'error'; chunk: number; message: string; stack?: string; kind?: string };
