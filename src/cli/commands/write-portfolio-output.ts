/**
 * The portfolio's output folder, written atomically: portfolio.json, the
 * book and base scenario it came from, the charts, report and deck (unless
 * left out), and run.json; then the table (or the JSON) on stdout. One writer
 * for `portfolio` and for `merge` of portfolio partials, so both write the
 * same bytes from the same evaluation.
 */
import { hostname } from 'node:os';
import { relative } from 'node:path';
import type { PortfolioResult } from '../../portfolio/run-portfolio.ts';
import { packageVersion } from '../../report/package-version.ts';
import { formatSummaryJson } from '../../report/run-record.ts';
import { writeFolderAtomically, type OutputFile } from '../../report/write-folder-atomically.ts';
import type { CliIo } from '../cli-io.ts';
import { formatPortfolioTable } from '../format-portfolio-table.ts';
import type { Checkpoint } from '../phase-checkpoint.ts';

export interface PortfolioOutput {
  result: PortfolioResult;
  bookText: string;
  baseText: string;
  bookFile: string;
  baseScenarioFile: string;
  accountsFile: string | null;
  trials: number;
  step: number;
  /** Threads that evaluated (0 for a merge). */
  workers: number;
  startedAt: Date;
  timingsMs: Record<string, number>;
  /** For a merge: the partials it read. */
  partials?: string[];
}

export interface PortfolioOutputOptions {
  charts: boolean;
  deck: boolean;
  json: boolean;
  quiet: boolean;
}

export async function writePortfolioOutput(
  target: string,
  targetOptions: { name: string; explicitOut: boolean },
  output: PortfolioOutput,
  options: PortfolioOutputOptions,
  io: CliIo,
  checkpoint: Checkpoint,
): Promise<void> {
  const { result } = output;
  const files: OutputFile[] = [
    { path: 'portfolio.json', content: formatSummaryJson(result) },
    { path: 'book.yaml', content: output.bookText },
    { path: 'base-scenario.yaml', content: output.baseText },
  ];
  // The report stage (vega, vega-lite) loads only when charts are wanted.
  if (options.charts) {
    await checkpoint('charts');
    const { buildPortfolioReportFiles } = await import('../../report/build-portfolio-report-files.ts');
    files.push(
      ...(await buildPortfolioReportFiles({
        result,
        bookText: output.bookText,
        baseText: output.baseText,
        accountsFile: output.accountsFile,
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
    bookFile: output.bookFile,
    accountsFile: output.accountsFile,
    baseScenarioFile: output.baseScenarioFile,
    bookName: result.book,
    seed: result.seed,
    trials: output.trials,
    step: output.step,
    workers: output.workers,
    ...(output.partials ? { partials: output.partials } : {}),
    startedAt: output.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    timingsMs: output.timingsMs,
    files: [...files.map((file) => file.path), 'run.json'],
  };
  files.push({ path: 'run.json', content: formatSummaryJson(record) });
  await checkpoint('write');
  await writeFolderAtomically(target, files, { ...targetOptions, beforeCommit: () => checkpoint('commit') });
  if (options.json) io.out(formatSummaryJson(result));
  else if (!options.quiet) io.out(`${formatPortfolioTable(result)}  Written to ${relative(process.cwd(), target) || '.'}/\n`);
}
