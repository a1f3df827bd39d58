/**
 * One run, start to end, as `expansim run` makes it: the compiled run's
 * trials and analyses, then its outputs (charts, report, deck), then the
 * folder written atomically. The steps, in order:
 *
 *   compileRun   scenario → parameters, facts, compared pair, variants (compile-run.ts; the caller runs it first, to check sizes)
 *   simulateRun  trials, a fixed count or to a precision target, then the switchovers' re-runs (simulate-run.ts)
 *   analyseRun   the summary and RUN_ANALYSES (analyse-run.ts)
 *   buildOutputs charts, report.html, report.pdf, deck.pptx (report/build-report-files.ts)
 *   writeOutputs summary.json, run.json, scenario.yaml, trials.csv and the above, all or nothing
 *
 * Every step is preceded by `checkpoint(step)`, where a cancel stops the run
 * and a progress display can show the phase.
 */
import type { PlannedBatch } from '../stats/precision-run.ts';
import type { OutputTargetOptions } from '../report/output-target-problem.ts';
import { packageVersion } from '../report/package-version.ts';
import { writeRunOutput } from '../report/write-run-output.ts';
import type { OutputFile } from '../report/write-folder-atomically.ts';
import type { CompiledRun } from './compile-run.ts';
import { analyseRun } from './analyse-run.ts';
import type { ScenarioRun } from './run-scenario.ts';
import { simulateRun, type EngineOptions } from './simulate-run.ts';

export interface PipelineOutputs {
  /** The folder to write, checked beforehand (cli/prepare-output-folder.ts), and what may be replaced there. */
  target: string;
  targetOptions: OutputTargetOptions;
  /** The scenario file's path and its text as read (copied to scenario.yaml). */
  scenarioFile: string;
  scenarioText: string;
  /** Build the charts, report.html and (unless `deck` is false) deck.pptx. */
  charts: boolean;
  deck?: boolean;
  /** Also print report.pdf with this Chromium. */
  pdfChromium?: string;
  trialsCsv?: boolean;
}

export interface PipelineHooks {
  /** Awaited before each step (`trials`, `summary`, `charts`, …, `write`, `commit`); a rejection cancels the run. */
  checkpoint: (step: string) => Promise<void>;
  onProgress?: (trialsDone: number) => void;
  /** Told before each batch of a precision run, with the total it brings the run to. */
  onBatchPlanned?: (batch: PlannedBatch) => void;
  /** Called once the trials are done (a progress bar stops there). */
  onTrialsDone?: () => void;
  onWarning?: (message: string) => void;
  signal?: AbortSignal;
  workers?: number;
}

async function buildOutputs(run: ScenarioRun, outputs: PipelineOutputs, hooks: PipelineHooks): Promise<OutputFile[]> {
  if (!outputs.charts) return [];
  await hooks.checkpoint('charts');
  // The report stage (vega, vega-lite) loads only when charts are wanted: it takes a quarter second.
  const { buildReportFiles } = await import('../report/build-report-files.ts');
  return buildReportFiles({
    scenario: run.scenario,
    params: run.params,
    scenarioText: outputs.scenarioText,
    summary: run.summary,
    table: run.table,
    version: packageVersion(),
    onWarning: hooks.onWarning,
    checkpoint: hooks.checkpoint,
    deck: outputs.deck,
    pdfChromium: outputs.pdfChromium,
  });
}

/** Runs a compiled run through every step and writes its folder; returns the run. */
export async function runPipeline(compiled: CompiledRun, outputs: PipelineOutputs, hooks: PipelineHooks): Promise<ScenarioRun> {
  const startedAt = new Date();
  const clock = performance.now();
  const engine: EngineOptions = {
    workers: hooks.workers,
    // The CSV-only columns (a third of the table) are kept only when the CSV is written.
    columns: outputs.trialsCsv ? 'all' : 'summary',
    onProgress: hooks.onProgress,
    signal: hooks.signal,
  };
  await hooks.checkpoint('trials');
  const simulation = await simulateRun(compiled, engine, { onBatchPlanned: hooks.onBatchPlanned, checkpoint: hooks.checkpoint });
  hooks.onTrialsDone?.();
  await hooks.checkpoint('summary');
  const ran = simulation.compiled;
  const summary = analyseRun({ compiled: ran, table: simulation.table, precision: simulation.precision, switchovers: simulation.switchovers });
  const run: ScenarioRun = { scenario: ran.scenario, params: ran.params, compiled: ran, table: simulation.table, summary, workers: simulation.workers };
  const simulated = performance.now();
  const extraFiles = await buildOutputs(run, outputs, hooks);
  const reported = performance.now();
  // The last safe point: the write ends in the rename that lands the run, after which a signal changes nothing.
  await hooks.checkpoint('write');
  await writeRunOutput(
    outputs.target,
    {
      scenario: run.scenario,
      scenarioText: outputs.scenarioText,
      scenarioFile: outputs.scenarioFile,
      table: run.table,
      summary: run.summary,
      workers: run.workers,
      startedAt,
      timingsMs: { simulateAndSummarize: Math.round(simulated - clock), report: Math.round(reported - simulated) },
      trialsCsv: outputs.trialsCsv ?? false,
      extraFiles,
      analysis: { trials: compiled.scenario.trials, ...compiled.analysis },
    },
    { ...outputs.targetOptions, beforeCommit: () => hooks.checkpoint('commit') },
  );
  return run;
}
