/**
 * The trials of a compiled run, with its variants on the same worlds: a fixed
 * number, or batches until the precision target is met.
 */
import { strategyColumn, type OutcomeTable } from '../engine/outcome-table.ts';
import { referenceOf } from '../stats/switchover-estimate.ts';
import { runSimulation, type SimulationOptions } from '../engine/run-simulation.ts';
import type { PlannedBatch, PrecisionSummary } from '../stats/precision-run.ts';
import type { SwitchoverSummary } from '../stats/switchovers.ts';
import { runSwitchovers, SWITCHOVER_MIN_RUN_TRIALS } from './run-switchovers.ts';
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
  /** The assumption switchovers, when the run plays them (compileRun's `switchovers`, the ablation on, at least SWITCHOVER_MIN_RUN_TRIALS trials). */
  switchovers: SwitchoverSummary | null;
}

export interface SimulationHooks {
  /** Told before each batch of a precision run, with the total it brings the run to. */
  onBatchPlanned?: (batch: PlannedBatch) => void;
  /** Awaited before the switchovers' re-runs (a cancel stops there; a display shows the phase). */
  checkpoint?: (step: string) => Promise<void>;
}

export async function simulateRun(compiled: CompiledRun, options: EngineOptions = {}, hooks: SimulationHooks = {}): Promise<SimulatedRun> {
  const engine = { ...options, variants: compiled.variants, contrasts: compiled.contrasts, variantTrials: compiled.analysis.ablationTrials };
  const target = compiled.analysis.precision;
  const ran = target
    ? await runToPrecision(compiled.scenario, compiled.params, target, engine, hooks.onBatchPlanned).then((run) => ({ ...run, compiled: withTrials(compiled, run.precision.trialsUsed) }))
    : { ...(await runSimulation(compiled.scenario, { ...engine, trials: compiled.scenario.trials })), compiled, precision: undefined };
  const switchovers = await switchoversOf(ran.compiled, ran.table, options, hooks);
  return { compiled: ran.compiled, table: ran.table, workers: ran.workers, ...(ran.precision ? { precision: ran.precision } : {}), switchovers };
}

/** The switchover analysis for the run's compared pair, on the same workers and signal, when the run calls for it. */
async function switchoversOf(compiled: CompiledRun, table: OutcomeTable, options: EngineOptions, hooks: SimulationHooks): Promise<SwitchoverSummary | null> {
  const { analysis, scenario, params, pair } = compiled;
  if (!analysis.ablate || !analysis.switchovers || scenario.trials < SWITCHOVER_MIN_RUN_TRIALS) return null;
  await hooks.checkpoint?.('switchovers');
  const labels = Object.fromEntries(params.strategies.map((s) => [s.key, s.label]));
  const [a, b] = [strategyColumn(table, pair.a.key, 'npv'), strategyColumn(table, pair.b.key, 'npv')];
  // The switchovers flip the run's own verdict, over all its accounts, not their subset's.
  const reference = referenceOf(Float64Array.from({ length: table.count }, (_, i) => a[i]! - b[i]!));
  return runSwitchovers(scenario, [pair.a.key, pair.b.key], { workers: options.workers, signal: options.signal, pair: [pair.a.index, pair.b.index], labels, reference });
}
