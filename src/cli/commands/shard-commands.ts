/**
 * Scale-out without a home-made cluster: `run --shard K/N` runs one trial
 * range and writes a partial; `merge` checks the partials belong together
 * and writes the output a single machine would have written.
 */
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { isPortfolioShard } from '../../portfolio/portfolio-shard-file.ts';
import { portfolioMergeCommand } from './portfolio-shard-commands.ts';
import { readInputFile } from '../../scenario/read-input-file.ts';
import { recoverInterruptedOutput } from '../../report/recover-interrupted-output.ts';
import { writeFileAtomically } from '../../report/write-file-atomically.ts';
import { join, relative, resolve } from 'node:path';
import { concatOutcomeTables } from '../../engine/outcome-table.ts';
import { runSimulation } from '../../engine/run-simulation.ts';
import { memoryBudgetBytes } from '../../engine/resource-guard.ts';
import { partialProblems } from '../../engine/check-partial.ts';
import { variantSumKeys } from '../../engine/variants.ts';
import { decodeShard, encodeShard, mergeProblems, SHARD_FILE_EXTENSION, SHARD_MAGIC, shardRange, type ShardFile, type ShardHeader } from '../../engine/shard-file.ts';
import type { LoadedScenario } from '../../scenario/load-scenario.ts';
import { hashScenario } from '../../scenario/scenario-hash.ts';
import type { Scenario } from '../../scenario/scenario-schema.ts';
import { DEFAULT_ABLATION_HIGH, DEFAULT_ABLATION_TRIALS } from '../../stats/barrier-ablation.ts';
import { analysisPlan } from '../../pipeline/analysis-plan.ts';
import { compileRun } from '../../pipeline/compile-run.ts';
import { analyseRun } from '../../pipeline/analyse-run.ts';
import { outputFolderName, runOutputFolder } from '../../report/output-location.ts';
import { packageVersion } from '../../report/package-version.ts';
import { formatSummaryJson } from '../../report/run-record.ts';
import { writeRunOutput } from '../../report/write-run-output.ts';
import { outputFileProblem } from '../../report/output-file-problem.ts';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';
import { formatAnalysisTable } from '../format-analysis-table.ts';
import { formatSummaryTable, strategyLabelsOf } from '../format-summary-table.ts';
import type { MergeOptions, RunOptions } from '../parse-arguments.ts';
import { createProgress } from '../progress.ts';
import { prepareOutputFolder } from '../prepare-output-folder.ts';
import { phaseCheckpoint } from '../phase-checkpoint.ts';

/** The partial's file name: `<name>.shard-0003-of-0016.expansim-part`. */
export function shardFileName(scenarioName: string, index: number, count: number): string {
  const width = Math.max(4, String(count - 1).length);
  return `${outputFolderName(scenarioName)}.shard-${String(index).padStart(width, '0')}-of-${String(count).padStart(width, '0')}${SHARD_FILE_EXTENSION}`;
}

export async function runShardCommand(loaded: LoadedScenario, scenario: Scenario, options: RunOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const shard = options.shard!;
  let range;
  try {
    range = shardRange(scenario.trials, shard.index, shard.count);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const folder = resolve(options.out ?? join('output', `${outputFolderName(scenario.name)}-shards`));
  const file = join(folder, shardFileName(scenario.name, shard.index, shard.count));
  for (const note of recoverInterruptedOutput(file, 'file')) io.err(`${note}\n`);
  const fileProblem = outputFileProblem(file, (head) => head.subarray(0, SHARD_MAGIC.length).toString('latin1') === SHARD_MAGIC);
  if (fileProblem) throw new UsageError(fileProblem);
  const analysis = {
    ablate: options.ablate,
    ablationTrials: options.ablationTrials ?? DEFAULT_ABLATION_TRIALS,
    ablationHigh: options.ablateHigh ?? DEFAULT_ABLATION_HIGH,
  };
  const plan = analysis.ablate ? analysisPlan(scenario, analysis.ablationHigh) : { variants: [], contrasts: [] };
  const checkpoint = phaseCheckpoint(io, signal);
  await checkpoint('trials');
  const progress = createProgress(range.count, io.interactive && options.progress && !options.quiet);
  let table;
  try {
    ({ table } = await runSimulation(scenario, {
      start: range.start,
      trials: range.count,
      workers: options.workers,
      ...plan,
      variantTrials: analysis.ablationTrials,
      onProgress: (done) => progress.update(done),
      signal,
    }));
  } finally {
    progress.stop();
  }
  const bytes = encodeShard(
    {
      expansimVersion: packageVersion(),
      scenario,
      scenarioText: loaded.text,
      scenarioHash: hashScenario(scenario),
      seed: scenario.seed,
      totalTrials: scenario.trials,
      shard,
      analysis,
    },
    table,
  );
  await checkpoint('write');
  mkdirSync(folder, { recursive: true });
  writeFileAtomically(file, bytes);
  if (!options.quiet) {
    io.out(`Shard ${shard.index}/${shard.count} of ${scenario.name}: trials ${range.start}…${range.start + range.count - 1} → ${relative(process.cwd(), file)}\n`);
  }
  return EXIT_OK;
}

function statSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function ablationKeys(header: ShardHeader): string[] {
  if (!header.analysis.ablate) return [];
  const plan = analysisPlan(header.scenario, header.analysis.ablationHigh);
  return variantSumKeys(plan.variants, plan.contrasts);
}

/** Whether a file starts as a portfolio partial (anything but a readable regular file is left to the reader's message). */
function isPortfolioPartialFile(path: string): boolean {
  try {
    // Never open a FIFO or a device here: opening one can block.
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(8);
      return isPortfolioShard(head.subarray(0, readSync(fd, head, 0, 8, 0)));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

function readPartial(path: string, maxBytes: number): ShardFile & { file: string } {
  const read = readInputFile(path, { expected: 'a shard partial', maxBytes });
  if (!read.ok) throw new UsageError(`${path}: ${read.problem}`);
  try {
    return { ...decodeShard(read.bytes), file: path };
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

export async function mergeCommand(paths: readonly string[], options: MergeOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const checkpoint = phaseCheckpoint(io, signal);
  const startedAt = new Date();
  const clock = performance.now();
  const needed = paths.reduce((sum, path) => sum + statSize(path), 0);
  if (needed > memoryBudgetBytes()) {
    throw new UsageError(`the partials hold ${(needed / 2 ** 30).toFixed(1)} GB; this machine allows ${(memoryBudgetBytes() / 2 ** 30).toFixed(1)} GB for a merge (EXPANSIM_MEMORY_LIMIT_MB changes it)`);
  }
  const portfolio = paths.filter(isPortfolioPartialFile);
  if (portfolio.length > 0 && portfolio.length < paths.length) {
    const run = paths.find((path) => !portfolio.includes(path))!;
    throw new UsageError(`${portfolio[0]} is a portfolio partial, ${run} is not: merge the partials of one run or one portfolio at a time`);
  }
  if (portfolio.length > 0) return portfolioMergeCommand(paths, options, io, memoryBudgetBytes(), signal);
  // A chosen --out is checked before the partials are read; the default folder needs the scenario's name.
  if (options.out !== undefined) prepareOutputFolder(resolve(options.out), { explicitOut: true }, io);
  const partials = paths.map((path) => readPartial(path, memoryBudgetBytes()));
  const broken = partials.flatMap((p) => partialProblems(p, p.file, ablationKeys));
  const problems = broken.length > 0 ? broken : mergeProblems(partials.map((p) => ({ ...p.header, file: p.file })));
  if (problems.length > 0) {
    for (const problem of problems) io.err(`✖ ${problem}\n`);
    return EXIT_BAD_INPUT;
  }
  const { header } = partials[0]!;
  const scenario = { ...header.scenario, trials: header.totalTrials };
  const target = runOutputFolder(scenario.name, options.out);
  const targetOptions = { name: scenario.name, explicitOut: options.out !== undefined };
  prepareOutputFolder(target, targetOptions, io);
  await checkpoint('summary');
  const table = concatOutcomeTables(partials.map((p) => p.table));
  // The partials hold the ablation's variants; merging only reads them back.
  const compiled = { ...compileRun(scenario, { ablate: false }), analysis: { ...header.analysis, precision: null, switchovers: false } };
  const summary = analyseRun({ compiled, table });
  if (options.charts) await checkpoint('charts');
  const extraFiles = options.charts
    ? await (await import('../../report/build-report-files.ts')).buildReportFiles({ scenario, params: compiled.params, scenarioText: header.scenarioText, summary, table, version: packageVersion(), onWarning: (w) => io.err(`warning: ${w}\n`), checkpoint, deck: options.deck })
    : [];
  await checkpoint('write');
  await writeRunOutput(target, {
    scenario,
    scenarioText: header.scenarioText,
    scenarioFile: null,
    table,
    summary,
    workers: 0,
    startedAt,
    timingsMs: { merge: Math.round(performance.now() - clock) },
    trialsCsv: options.trialsCsv,
    extraFiles,
    analysis: { trials: header.totalTrials, ...header.analysis, precision: null },
  }, { ...targetOptions, beforeCommit: () => checkpoint('commit') });
  if (options.json) io.out(formatSummaryJson(summary));
  else if (!options.quiet) {
    io.out(`Merged ${partials.length} partials.\n`);
    io.out(formatSummaryTable(summary, strategyLabelsOf(scenario)));
    io.out(formatAnalysisTable(summary, strategyLabelsOf(scenario)));
    io.out(`  Written to ${relative(process.cwd(), target) || '.'}/\n`);
  }
  return EXIT_OK;
}
