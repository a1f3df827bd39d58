/**
 * `expansim run`: load, simulate, summarize, write the output folder
 * atomically, print the comparison. A thin adapter over the library.
 */
import { relative } from 'node:path';
import { loadScenario } from '../../scenario/load-scenario.ts';
import type { Scenario } from '../../scenario/scenario-schema.ts';
import { runScenario } from '../../stats/run-scenario.ts';
import { DEFAULT_ABLATION_HIGH, DEFAULT_ABLATION_TRIALS } from '../../stats/barrier-ablation.ts';
import { compileParameters } from '../../model/parameters.ts';
import { defaultWorkerCount } from '../../engine/run-simulation.ts';
import { resourceProblem } from '../../engine/resource-guard.ts';
import { runOutputFolder } from '../../report/output-location.ts';
import { formatSummaryJson } from '../../report/run-record.ts';
import { writeRunOutput } from '../../report/write-run-output.ts';
import { packageVersion } from '../../report/package-version.ts';
import { formatSummaryTable, strategyLabelsOf } from '../format-summary-table.ts';
import { formatAnalysisTable } from '../format-analysis-table.ts';
import { formatRobustnessTable } from '../format-robustness-table.ts';
import type { RunOptions } from '../parse-arguments.ts';
import { createProgress } from '../progress.ts';
import { prepareOutputFolder } from '../prepare-output-folder.ts';
import { phaseCheckpoint } from '../phase-checkpoint.ts';
import { pdfBrowser } from '../pdf-browser.ts';
import { runShardCommand } from './shard-commands.ts';
import { EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';

function withOverrides(scenario: Scenario, options: RunOptions): Scenario {
  return { ...scenario, trials: options.trials ?? scenario.trials, seed: options.seed ?? scenario.seed };
}

export async function runCommand(scenarioPath: string, options: RunOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const startedAt = new Date();
  const clock = performance.now();
  const loaded = loadScenario(scenarioPath);
  const scenario = withOverrides(loaded.scenario, options);
  const params = compileParameters(scenario);
  const held = options.shard
    ? Math.ceil(scenario.trials / options.shard.count)
    : Math.max(scenario.trials, options.precision !== undefined || options.precisionRelative !== undefined ? (options.maxTrials ?? 1_000_000) : 0);
  const tooBig = resourceProblem(params, held, options.workers ?? defaultWorkerCount());
  if (tooBig) throw new UsageError(tooBig);
  if (options.shard) return runShardCommand(loaded, scenario, options, io, signal);
  const pdfChromium = pdfBrowser(options);
  const target = runOutputFolder(scenario.name, options.out);
  const targetOptions = { name: scenario.name, explicitOut: options.out !== undefined };
  prepareOutputFolder(target, targetOptions, io);

  const precisionTarget = options.precision ?? options.precisionRelative;
  const precision =
    precisionTarget === undefined
      ? undefined
      : { target: precisionTarget, relative: options.precision === undefined, maxTrials: options.maxTrials ?? 1_000_000 };
  const checkpoint = phaseCheckpoint(io, signal);
  await checkpoint('trials');
  const progress = createProgress(precision ? precision.maxTrials : scenario.trials, io.interactive && options.progress && !options.quiet && !options.json);
  let run;
  try {
    run = await runScenario(scenario, {
      workers: options.workers,
      // The CSV-only columns (a third of the table) are kept only when the CSV is written.
      columns: options.trialsCsv ? 'all' : 'summary',
      onProgress: (done) => progress.update(done),
      signal,
      ablate: options.ablate,
      ablationTrials: options.ablationTrials,
      ablationHigh: options.ablateHigh,
      precision,
      checkpoint,
    });
  } finally {
    progress.stop();
  }
  const { summary } = run;
  const simulated = performance.now();
  if (options.charts) await checkpoint('charts');
  // The report stage (vega, vega-lite) loads only when charts are wanted: it takes a quarter second.
  const extraFiles = options.charts
    ? await (await import('../../report/build-report-files.ts')).buildReportFiles({
        scenario: run.scenario,
        scenarioText: loaded.text,
        summary,
        table: run.table,
        version: packageVersion(),
        onWarning: (warning) => io.err(`warning: ${warning}\n`),
        checkpoint,
        deck: options.deck,
        pdfChromium,
      })
    : [];
  const reported = performance.now();
  // The last safe point: the write ends in the rename that lands the run, after which a signal changes nothing.
  await checkpoint('write');
  await writeRunOutput(target, {
    scenario: run.scenario,
    scenarioText: loaded.text,
    scenarioFile: scenarioPath,
    table: run.table,
    summary,
    workers: run.workers,
    startedAt,
    timingsMs: { simulateAndSummarize: Math.round(simulated - clock), report: Math.round(reported - simulated) },
    trialsCsv: options.trialsCsv,
    extraFiles,
    analysis: {
      trials: scenario.trials,
      ablate: options.ablate,
      ablationTrials: options.ablationTrials ?? DEFAULT_ABLATION_TRIALS,
      ablationHigh: options.ablateHigh ?? DEFAULT_ABLATION_HIGH,
      precision: precision ?? null,
    },
  }, { ...targetOptions, beforeCommit: () => checkpoint('commit') });

  if (options.json) io.out(formatSummaryJson(summary));
  else if (!options.quiet) {
    io.out(formatSummaryTable(summary, strategyLabelsOf(scenario)));
    io.out(formatAnalysisTable(summary, strategyLabelsOf(scenario)));
    io.out(formatRobustnessTable(summary, strategyLabelsOf(scenario)));
    io.out(`  Written to ${relative(process.cwd(), target) || '.'}/\n`);
  }
  return EXIT_OK;
}
