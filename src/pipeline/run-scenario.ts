/**
 * A scenario in, its trials and full summary out, for notebooks, sweeps'
 * callers and the CLI's `check`: compile once, simulate, analyse
 * (run-pipeline.ts adds the outputs).
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import type { ModelParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { FullSummary } from '../stats/full-summary.ts';
import type { PlannedBatch } from '../stats/precision-run.ts';
import type { Summary } from '../stats/summarize-outcomes.ts';
import { analyseRun, summarizeRunTrials } from './analyse-run.ts';
import { compileRun, type AnalysisOptions, type CompiledRun } from './compile-run.ts';
import { simulateRun, type EngineOptions } from './simulate-run.ts';

export type RunOptions = AnalysisOptions &
  EngineOptions & {
    /** Awaited with `summary` once the trials are done; a rejection stops the run there (a cancel). */
    checkpoint?: (step: string) => Promise<void>;
    /** Told before each batch of a precision run, with the total it brings the run to. */
    onBatchPlanned?: (batch: PlannedBatch) => void;
  };

export interface ScenarioRun {
  /** The scenario as run (with `trials` set to the trials used). */
  scenario: Scenario;
  /** Its compiled parameters: what stats and charts read. */
  params: ModelParameters;
  compiled: CompiledRun;
  table: OutcomeTable;
  summary: FullSummary;
  /** Threads that ran trials. */
  workers: number;
}

/** Simulates and analyses a compiled run. */
export async function runCompiled(compiled: CompiledRun, options: EngineOptions & Pick<RunOptions, 'checkpoint' | 'onBatchPlanned'> = {}): Promise<ScenarioRun> {
  const { checkpoint, onBatchPlanned, ...engine } = options;
  const simulated = await simulateRun(compiled, engine, { onBatchPlanned, checkpoint });
  await checkpoint?.('summary');
  const summary = analyseRun({ compiled: simulated.compiled, table: simulated.table, precision: simulated.precision, switchovers: simulated.switchovers });
  const ran = simulated.compiled;
  return { scenario: ran.scenario, params: ran.params, compiled: ran, table: simulated.table, summary, workers: simulated.workers };
}

/** Runs a scenario (a fixed number of trials, or to a precision target) and summarizes it. */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ScenarioRun> {
  const { ablate, ablationTrials, ablationHigh, precision, switchovers, ...engine } = options;
  return runCompiled(compileRun(scenario, { ablate, ablationTrials, ablationHigh, precision, switchovers }), engine);
}

/** Summarizes a complete table of a scenario's trials (the core figures only). */
export function summarizeRun(scenario: Scenario, table: OutcomeTable): Summary {
  return summarizeRunTrials(compileRun(scenario, { ablate: false }), table);
}

/** The full summary of a table of a scenario's trials (a merge of shards): the analyses as a run with these settings makes them. */
export function summarizeFullRun(scenario: Scenario, table: OutcomeTable, options: AnalysisOptions = {}): FullSummary {
  return analyseRun({ compiled: compileRun(scenario, options), table });
}
