/**
 * Scale-out of a portfolio: `portfolio --shard K/N` evaluates one shard's
 * groups (groups are independent) and writes a partial; `merge` of portfolio
 * partials checks they belong together and writes the output folder the
 * unsharded portfolio would have written, portfolio.json byte for byte.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defaultEvaluationWorkers, evaluateGroups, assembleEvaluation, simulationCount } from '../../portfolio/evaluate-book.ts';
import { checkPortfolioPartial, portfolioMergeProblems } from '../../portfolio/check-portfolio-partial.ts';
import { SHARD_FILE_EXTENSION } from '../../engine/shard-file.ts';
import { decodePortfolioShard, encodePortfolioShard, isPortfolioShard, type PortfolioShardFile } from '../../portfolio/portfolio-shard-file.ts';
import { portfolioResult } from '../../portfolio/run-portfolio.ts';
import { shardGroups } from '../../portfolio/shard-groups.ts';
import { outputFileProblem } from '../../report/output-file-problem.ts';
import { outputFolderName, runOutputFolder } from '../../report/output-location.ts';
import { packageVersion } from '../../report/package-version.ts';
import { recoverInterruptedOutput } from '../../report/recover-interrupted-output.ts';
import { writeFileAtomically } from '../../report/write-file-atomically.ts';
import { readInputFile } from '../../scenario/read-input-file.ts';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';
import type { MergeOptions, PortfolioOptions } from '../parse-arguments.ts';
import { prepareOutputFolder } from '../prepare-output-folder.ts';
import { phaseCheckpoint } from '../phase-checkpoint.ts';
import { checkPortfolioSize, evaluationProgress, loadPortfolioBook } from './portfolio-input.ts';
import { finishPortfolio } from './finish-portfolio.ts';

/** The partial's file name, as a run's: `<book>-portfolio.shard-0003-of-0016.expansim-part`. */
export function portfolioShardFileName(bookName: string, index: number, count: number): string {
  const width = Math.max(4, String(count - 1).length);
  return `${outputFolderName(`${bookName}-portfolio`)}.shard-${String(index).padStart(width, '0')}-of-${String(count).padStart(width, '0')}${SHARD_FILE_EXTENSION}`;
}

export async function portfolioShardCommand(bookPath: string, options: PortfolioOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const shard = options.shard!;
  const { loaded, compiled } = loadPortfolioBook(bookPath, options);
  checkPortfolioSize(compiled);
  let groups;
  try {
    groups = shardGroups(compiled, shard.index, shard.count);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const folder = resolve(options.out ?? join('output', `${outputFolderName(`${compiled.book.name}-portfolio`)}-shards`));
  const file = join(folder, portfolioShardFileName(compiled.book.name, shard.index, shard.count));
  for (const note of recoverInterruptedOutput(file, 'file')) io.err(`${note}\n`);
  const fileProblem = outputFileProblem(file, isPortfolioShard);
  if (fileProblem) throw new UsageError(fileProblem);
  const checkpoint = phaseCheckpoint(io, signal);
  await checkpoint('trials');
  const { trials } = compiled.book;
  const progress = evaluationProgress(trials, io.interactive && options.progress && !options.quiet);
  let evaluated;
  try {
    evaluated = await evaluateGroups(compiled, groups, { workers: options.workers ?? defaultEvaluationWorkers(simulationCount(compiled, groups), trials), signal, onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
  const bytes = encodePortfolioShard(
    {
      expansimVersion: packageVersion(),
      bookName: compiled.book.name,
      bookFile: bookPath,
      baseScenarioFile: loaded.baseSource,
      accountsFile: options.accounts ?? null,
      bookText: loaded.text,
      baseText: loaded.baseText,
      accountsText: loaded.accountsText ?? null,
      trials,
      step: compiled.book.step,
      shard,
    },
    compiled,
    evaluated,
  );
  await checkpoint('write');
  mkdirSync(folder, { recursive: true });
  writeFileAtomically(file, bytes);
  if (!options.quiet) {
    const names = groups.map((g) => compiled.groups[g]!.name);
    io.out(`Portfolio shard ${shard.index}/${shard.count} of ${compiled.book.name}: ${groups.length} group${groups.length === 1 ? '' : 's'} (${names.join(', ')}) → ${relative(process.cwd(), file)}\n`);
  }
  return EXIT_OK;
}

function readPortfolioPartial(path: string, maxBytes: number): PortfolioShardFile & { file: string } {
  const read = readInputFile(path, { expected: 'a portfolio partial', maxBytes });
  if (!read.ok) throw new UsageError(`${path}: ${read.problem}`);
  try {
    return { ...decodePortfolioShard(read.bytes), file: path };
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/** `merge` of portfolio partials (mergeCommand hands them here by their first bytes). */
export async function portfolioMergeCommand(paths: readonly string[], options: MergeOptions, io: CliIo, maxBytes: number, signal?: AbortSignal): Promise<number> {
  if (options.trialsCsv) throw new UsageError('--trials-csv is for run partials: a portfolio has no per-trial outcomes table');
  const checkpoint = phaseCheckpoint(io, signal);
  const startedAt = new Date();
  const clock = performance.now();
  if (options.out !== undefined) prepareOutputFolder(resolve(options.out), { explicitOut: true }, io);
  const partials = paths.map((path) => readPortfolioPartial(path, maxBytes));
  const checks = partials.map((partial) => checkPortfolioPartial(partial, partial.file));
  const broken = checks.flatMap((check) => (check.ok ? [] : check.problems));
  const problems = broken.length > 0 ? broken : portfolioMergeProblems(partials.map((p) => ({ ...p.header, file: p.file })));
  const first = checks[0];
  if (problems.length > 0 || !first?.ok) {
    for (const problem of problems) io.err(`✖ ${problem}\n`);
    return EXIT_BAD_INPUT;
  }
  const { compiled } = first;
  const { header } = partials[0]!;
  const target = runOutputFolder(compiled.book.name, options.out, 'output', '-portfolio');
  const targetOptions = { name: `${compiled.book.name} (portfolio)`, explicitOut: options.out !== undefined };
  prepareOutputFolder(target, targetOptions, io);
  await checkpoint('summary');
  const result = portfolioResult(compiled, assembleEvaluation(compiled, partials.flatMap((partial) => partial.groups)));
  if (!options.quiet && !options.json) io.out(`Merged ${partials.length} portfolio partials.\n`);
  await finishPortfolio(
    target,
    targetOptions,
    {
      result,
      bookText: header.bookText,
      baseText: header.baseText,
      bookFile: header.bookFile,
      baseScenarioFile: header.baseScenarioFile,
      accountsFile: header.accountsFile,
      trials: header.trials,
      step: header.step,
      workers: 0,
      startedAt,
      timingsMs: { merge: Math.round(performance.now() - clock) },
      partials: [...paths],
    },
    { charts: options.charts, deck: options.deck, json: options.json, quiet: options.quiet },
    io,
    checkpoint,
  );
  return EXIT_OK;
}
