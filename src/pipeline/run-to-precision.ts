/**
 * A precision-targeted run: trials added in batches until the 95% interval of
 * the mean NPV difference of every strategy against the baseline is narrow
 * enough, or the ceiling is reached (the statistics are stats/precision-run.ts's).
 * A run of n trials is the same trials as a fixed run of n.
 */
import { concatOutcomeTables, type OutcomeTable } from '../engine/outcome-table.ts';
import { runSimulation, type SimulationOptions } from '../engine/run-simulation.ts';
import type { ModelParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { FIRST_BATCH, nextTrialCount, precisionStatus, summarizePrecision, type PlannedBatch, type PrecisionSummary, type PrecisionTarget } from '../stats/precision-run.ts';

/** Runs `scenario` until its precision target is met; returns the table of all trials run and the precision reached. */
export async function runToPrecision(
  scenario: Scenario,
  params: Pick<ModelParameters, 'strategies' | 'baseline'>,
  target: PrecisionTarget,
  options: Omit<SimulationOptions, 'trials' | 'start'>,
  onBatchPlanned?: (batch: PlannedBatch) => void,
): Promise<{ table: OutcomeTable; precision: PrecisionSummary; workers: number }> {
  const batches: number[] = [];
  let all: OutcomeTable | undefined;
  let done = 0;
  let workers = 1;
  let total = Math.min(target.maxTrials, FIRST_BATCH);
  let reached: { halfWidth: number; allowed: number } | null = null;
  for (;;) {
    onBatchPlanned?.({ trials: total, halfWidth: reached?.halfWidth ?? null, allowed: reached?.allowed ?? null });
    const batch = total - done;
    const simulation = await runSimulation(scenario, { ...options, start: done, trials: batch, onProgress: (n) => options.onProgress?.(done + n) });
    workers = Math.max(workers, simulation.workers);
    all = all === undefined ? simulation.table : concatOutcomeTables([all, simulation.table]);
    batches.push(batch);
    done = total;
    const { halfWidth, allowed, met } = precisionStatus(all, params, target, done);
    if (met || done >= target.maxTrials) return { table: all, workers, precision: summarizePrecision(all, params, target, batches) };
    reached = { halfWidth, allowed };
    total = nextTrialCount(done, halfWidth, allowed, target.maxTrials);
  }
}
