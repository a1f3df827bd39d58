/**
 * `expansim run`: load the scenario, compile it, check the run fits and its
 * folder may be written, then the pipeline (src/pipeline/run-pipeline.ts)
 * with a progress bar and the safe points a signal stops at; print the
 * comparison. A thin adapter over the library.
 */
import { relative } from 'node:path';
import { loadScenario } from '../../scenario/load-scenario.ts';
import type { Scenario } from '../../scenario/scenario-schema.ts';
import { staffingWarnings } from '../../scenario/staffing-warnings.ts';
import { compileRun } from '../../pipeline/compile-run.ts';
import { runPipeline } from '../../pipeline/run-pipeline.ts';
import { defaultWorkerCount } from '../../engine/run-simulation.ts';
import { resourceProblem } from '../../engine/resource-guard.ts';
import { runOutputFolder } from '../../report/output-location.ts';
import { formatSummaryJson } from '../../report/run-record.ts';
import { formatSummaryTable, strategyLabelsOf } from '../format-summary-table.ts';
import { formatAnalysisTable } from '../format-analysis-table.ts';
import { formatRobustnessTable } from '../format-robustness-table.ts';
import type { RunOptions } from '../parse-arguments.ts';
import { createProgress } from '../progress.ts';
import { prepareOutputFolder } from '../prepare-output-folder.ts';
import { phaseCheckpoint } from '../phase-checkpoint.ts';
import { traceEngine } from '../trace-engine.ts';
import { showPhases } from '../show-phases.ts';
import { precisionNote } from '../precision-note.ts';
import { pdfBrowser } from '../pdf-browser.ts';
import { runShardCommand } from './shard-commands.ts';
import { EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';

function withOverrides(scenario: Scenario, options: RunOptions): Scenario {
  return { ...scenario, trials: options.trials ?? scenario.trials, seed: options.seed ?? scenario.seed };
}

export async function runCommand(scenarioPath: string, options: RunOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const loaded = loadScenario(scenarioPath);
  const scenario = withOverrides(loaded.scenario, options);
  for (const warning of staffingWarnings(scenario)) io.err(`warning: ${warning}\n`);
  const precisionTarget = options.precision ?? options.precisionRelative;
  const precision =
    precisionTarget === undefined
      ? undefined
      : { target: precisionTarget, relative: options.precision === undefined, maxTrials: options.maxTrials ?? 1_000_000 };
  const compiled = compileRun(scenario, { ablate: options.ablate, switchovers: options.switchovers, ablationTrials: options.ablationTrials, ablationHigh: options.ablateHigh, precision });
  const held = options.shard ? Math.ceil(scenario.trials / options.shard.count) : Math.max(scenario.trials, precision ? precision.maxTrials : 0);
  const tooBig = resourceProblem(compiled.params, held, options.workers ?? defaultWorkerCount());
  if (tooBig) throw new UsageError(tooBig);
  if (options.shard) return runShardCommand(loaded, scenario, options, io, signal);
  const pdfChromium = pdfBrowser(options);
  const target = runOutputFolder(scenario.name, options.out);
  const targetOptions = { name: scenario.name, explicitOut: options.out !== undefined };
  prepareOutputFolder(target, targetOptions, io);

  const progress = createProgress(precision ? precision.maxTrials : scenario.trials, io.interactive && options.progress && !options.quiet && !options.json);
  let run;
  const safePoint = phaseCheckpoint(io, signal);
  traceEngine(io);
  try {
    run = await runPipeline(
      compiled,
      { target, targetOptions, scenarioFile: scenarioPath, scenarioText: loaded.text, charts: options.charts, deck: options.deck, pdfChromium, trialsCsv: options.trialsCsv },
      {
        // After the trials the bar gives way to the phase under way (summary, each chart, report, deck, write).
        checkpoint: showPhases(progress, safePoint),
        onProgress: (done) => progress.update(done),
        onBatchPlanned: precision && ((batch) => progress.retarget(batch.trials, precisionNote(batch, precision, scenario.currency))),
        onWarning: (warning) => {
          // The phase line has no newline: clear it, or the warning would run on from it.
          progress.stop();
          io.err(`warning: ${warning}\n`);
        },
        signal,
        workers: options.workers,
      },
    );
  } finally {
    progress.stop();
  }

  const { summary } = run;
  if (options.json) io.out(formatSummaryJson(summary));
  else if (!options.quiet) {
    io.out(formatSummaryTable(summary, strategyLabelsOf(scenario)));
    io.out(formatAnalysisTable(summary, strategyLabelsOf(scenario)));
    io.out(formatRobustnessTable(summary, strategyLabelsOf(scenario)));
    io.out(`  Written to ${relative(process.cwd(), target) || '.'}/\n`);
  }
  return EXIT_OK;
}
