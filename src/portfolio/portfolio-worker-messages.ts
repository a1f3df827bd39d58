/** Messages between the portfolio's pool and its workers: plain data. */
import type { Scenario } from '../scenario/scenario-schema.ts';

export interface PortfolioWorkerTask {
  id: number;
  /** The account's scenario at one capacity, with its own seed and trials. */
  scenario: Scenario;
}

export type PortfolioWorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; npv: Float64Array[] }
  /** `kind` names an error the CLI reports as bad input (RunLimitError.kind). */
  | { type: 'error'; id: number; message: string; kind?: string };
