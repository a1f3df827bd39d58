/**
 * The trials of a compiled run, with its variants on the same worlds: a fixed
 * number, or batches until the precision target is met.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import { runSimulation, type SimulationOptions } from '../engine/run-simulation.ts';
import type { PlannedBatch, PrecisionSummary } from '../stats/precision-run.ts';
import { withTrials, type CompiledRun } from './compile-run.ts';
import { runToPrecision } from './run-to-precision.ts';

/** How the engine runs: workers, columns kept, progress, cancellation. */
export type EngineOptions = Omit<SimulationOptions, 'trials' | 'start' | 'variants' | 'contrasts' | 'variantTrials' | 'pair'>;

export interface SimulatedRun {
  /** The compiled run, with the trials a precision run used. */
  compiled: CompiledRun;
  table: OutcomeTable;
  /** Threads that ran trials. */
  workers: number;
  precision?: PrecisionSummary;
}

export async function simulateRun(compiled: CompiledRun, options: EngineOptions = {}, onBatchPlanned?: (batch: PlannedBatch) => void): Promise<SimulatedRun> {
  const engine = { ...options, variants: compiled.variants, contrasts: compiled.contrasts, variantTrials: compiled.analysis.ablationTrials };
  const target = compiled.analysis.precision;
  if (target) {
    const { table, precision, workers } = await runToPrecision(compiled.scenario, compiled.params, target, engine, onBatchPlanned);
    return { compiled: withTrials(compiled, precision.trialsUsed), table, workers, precision };
  }
  const { table, workers } = await runSimulation(compiled.scenario, { ...engine, trials: compiled.scenario.trials });
  return { compiled, table, workers };
}
