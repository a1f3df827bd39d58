/** Messages between the portfolio's pool and its workers: plain data. */
import type { Scenario } from '../scenario/scenario-schema.ts';

/** One account: its scenario (its own seed and trials) and the capacities of its grid. */
export interface AccountTask {
  scenario: Scenario;
  capacities: number[];
}

export interface PortfolioWorkerTask extends AccountTask {
  id: number;
}

export type PortfolioWorkerReply =
  | { type: 'ready' }
  /** NPV per trial by [capacity][strategy]. */
  | { type: 'result'; id: number; npv: Float64Array[][] }
  /** `kind` names an error the CLI reports as bad input (RunLimitError.kind). */
  | { type: 'error'; id: number; message: string; kind?: string };
