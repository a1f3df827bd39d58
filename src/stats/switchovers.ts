/**
 * What the assumption switchovers found (pipeline/run-switchovers.ts runs
 * them): for each uncertain coefficient, A − B at the ends of its range and
 * where inside it the verdict flips.
 */
import type { Assumption } from '../scenario/assumption-ranges.ts';
import type { MeanEstimate } from './variant-statistics.ts';

export interface RangeEnd {
  value: number;
  /** A − B there. */
  diff: MeanEstimate;
  /** Its change from the scenario's own value, paired per account. */
  change: MeanEstimate;
}

export interface Switchover {
  value: number;
  /** Where the difference's 95% interval reaches zero, by its slope there (delta method), kept inside the range. */
  ci95: [number, number];
  /** A − B re-run at `value`. */
  diff: MeanEstimate;
  /** False: the steps ran out before the difference at `value` was within half an interval of zero. */
  converged: boolean;
}

export interface AssumptionSwing extends Assumption {
  atLow: RangeEnd;
  atHigh: RangeEnd;
  /** Where the verdict flips inside the range; null when it does not (see notes). */
  switchover: Switchover | null;
}

export interface SwitchoverSummary {
  trials: number;
  /** A − B on these accounts at the scenario's own values: the verdict a switchover flips. */
  base: MeanEstimate;
  /** Largest swing (|change| at either end) first. */
  assumptions: AssumptionSwing[];
  /** Policy runs the analysis took (its cost; the main run takes two per account). */
  policyRuns: number;
}

