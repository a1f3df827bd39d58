/**
 * `expansim portfolio`: load a book (and an accounts CSV), evaluate every
 * account's options, solve each team's knapsack, print the plan and write
 * portfolio.json atomically. A thin adapter over the library.
 */
import { hostname } from 'node:os';
import { relative } from 'node:path';
import { MIN_CAPACITY_STEP } from '../../book/book-schema.ts';
import { loadBook } from '../../book/load-book.ts';
import { evaluationBytes, runPortfolio, solverProblem, withBookSettings } from '../../portfolio/run-portfolio.ts';
import { runOutputFolder } from '../../report/output-location.ts';
import { packageVersion } from '../../report/package-version.ts';
import { formatSummaryJson } from '../../report/run-record.ts';
import { writeFolderAtomically, type OutputFile } from '../../report/write-folder-atomically.ts';
import { EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';
import { formatPortfolioTable } from '../format-portfolio-table.ts';
import type { PortfolioOptions } from '../parse-arguments.ts';
import { createProgress, type Progress } from '../progress.ts';
import { prepareOutputFolder } from '../prepare-output-folder.ts';
import { phaseCheckpoint } from '../phase-checkpoint.ts';

/** Most memory the per-trial NPVs of one evaluation may take. */
export const MAX_EVALUATION_BYTES = 1.5 * 1024 ** 3;

export async function portfolioCommand(bookPath: string, options: PortfolioOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const startedAt = new Date();
  const clock = performance.now();
  if (options.step !== undefined && options.step < MIN_CAPACITY_STEP) throw new UsageError(`--step must be at least ${MIN_CAPACITY_STEP} FTE (got ${options.step})`);
  const loaded = loadBook(bookPath, options.accounts === undefined ? {} : { accounts: options.accounts });
  const compiled = withBookSettings(loaded, { trials: options.trials, step: options.step });
  const bytes = evaluationBytes(compiled);
  if (bytes > MAX_EVALUATION_BYTES) {
    throw new UsageError(`the evaluation would keep ${(bytes / 1024 ** 3).toFixed(1)} GB of per-trial NPVs (the limit is 1.5 GB): use fewer --trials or a larger --step`);
  }
  const unsolvable = solverProblem(compiled);
  if (unsolvable) throw new UsageError(unsolvable);
  const target = runOutputFolder(compiled.book.name, options.out, 'output', '-portfolio');
  const targetOptions = { name: `${compiled.book.name} (portfolio)`, explicitOut: options.out !== undefined };
  prepareOutputFolder(target, targetOptions, io);
  const checkpoint = phaseCheckpoint(io, signal);
  await checkpoint('trials');

  // Counted in trials, as for runs: simulations done × trials per simulation.
  const { trials } = compiled.book;
  let progress: Progress | undefined;
  let result;
  try {
    result = await runPortfolio(compiled, {
      workers: options.workers,
      signal,
      onProgress: (done, total) => {
        progress ??= createProgress(total * trials, io.interactive && options.progress && !options.quiet && !options.json);
        progress.update(done * trials);
      },
    });
  } finally {
    progress?.stop();
  }
  const files: OutputFile[] = [
    { path: 'portfolio.json', content: formatSummaryJson(result) },
    { path: 'book.yaml', content: loaded.text },
    { path: 'base-scenario.yaml', content: loaded.baseText },
  ];
  // The report stage (vega, vega-lite) loads only when charts are wanted.
  if (options.charts) {
    await checkpoint('charts');
    const { buildPortfolioReportFiles } = await import('../../report/build-portfolio-report-files.ts');
    files.push(
      ...(await buildPortfolioReportFiles({
        result,
        bookText: loaded.text,
        baseText: loaded.baseText,
        accountsFile: options.accounts ?? null,
        version: packageVersion(),
        onWarning: (warning) => io.err(`warning: ${warning}\n`),
        deck: options.deck,
        checkpoint,
      })),
    );
  }
  const record = {
    tool: 'expansim',
    expansimVersion: packageVersion(),
    nodeVersion: process.version,
    host: hostname(),
    bookFile: bookPath,
    accountsFile: options.accounts ?? null,
    baseScenarioFile: loaded.baseSource,
    bookName: compiled.book.name,
    seed: compiled.book.seed,
    trials: compiled.book.trials,
    step: compiled.book.step,
    workers: options.workers ?? 1,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    timingsMs: { evaluateAndOptimize: Math.round(performance.now() - clock) },
    files: [...files.map((file) => file.path), 'run.json'],
  };
  files.push({ path: 'run.json', content: formatSummaryJson(record) });
  await checkpoint('write');
  await writeFolderAtomically(target, files, { ...targetOptions, beforeCommit: () => checkpoint('commit') });
  if (options.json) io.out(formatSummaryJson(result));
  else if (!options.quiet) io.out(`${formatPortfolioTable(result)}  Written to ${relative(process.cwd(), target) || '.'}/\n`);
  return EXIT_OK;
}
