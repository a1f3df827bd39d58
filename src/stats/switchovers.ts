/**
 * What the assumption switchovers found (pipeline/run-switchovers.ts runs
 * them): for each uncertain coefficient, A − B at the ends of its range and
 * where inside it the verdict flips.
 */
import type { Assumption } from '../scenario/assumption-ranges.ts';
import type { MeanEstimate } from './variant-statistics.ts';

export interface RangeEnd {
  value: number;
  /** A − B there: the run's own difference plus the paired change (switchover-estimate.ts). */
  diff: MeanEstimate;
  /** Its change from the scenario's own value, paired per account. */
  change: MeanEstimate;
}

export interface Switchover {
  value: number;
  /** Where the difference's 95% interval reaches zero, by its slope there (delta method), kept inside the range. */
  ci95: [number, number];
  /** A − B at `value`: the run's own difference plus the paired change re-run there. */
  diff: MeanEstimate;
  /** False: the steps ran out before the difference at `value` was within half an interval of zero. */
  converged: boolean;
}

export interface AssumptionSwing extends Assumption {
  /** Accounts its changes were re-run on: the first ones, or more while its flip was undecided at an end. */
  trials: number;
  atLow: RangeEnd;
  atHigh: RangeEnd;
  /** Where the verdict flips inside the range; null when it does not (see notes). */
  switchover: Switchover | null;
}

export interface SwitchoverSummary {
  /** The most accounts an assumption's change was re-run and paired on (the first ones). */
  trials: number;
  /** Accounts every assumption was re-run on; those still undecided at an end went on to `trials`. */
  firstTrials: number;
  /** Accounts `base` is measured on: the whole run (or `trials` when run alone). */
  baseTrials: number;
  /** A − B at the scenario's own values over `baseTrials` accounts: the run's verdict, the one a switchover flips. */
  base: MeanEstimate;
  /** A − B on the first `firstTrials` accounts alone, for comparison (the changes are paired with the base there). */
  subsetBase: MeanEstimate;
  /** Largest swing (|change| at either end) first. */
  assumptions: AssumptionSwing[];
  /** Policy runs the analysis took (its cost; the main run takes two per account). */
  policyRuns: number;
}

