/**
 * The portfolio's output folder, written atomically: portfolio.json, the
 * book and base scenario it came from, the charts, report and deck (unless
 * left out), and run.json. One writer for `portfolio`, for `merge` of
 * portfolio partials and for scripts, so all write the same bytes from the
 * same evaluation.
 */
import { hostname } from 'node:os';
import type { PortfolioResult } from '../portfolio/run-portfolio.ts';
import { packageVersion } from './package-version.ts';
import { formatSummaryJson } from './run-record.ts';
import { writeFolderAtomically, type OutputFile } from './write-folder-atomically.ts';

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
  /** Charts, report.html and (with `deck`) deck.pptx; default true. */
  charts?: boolean;
  deck?: boolean;
  /** Name of the folder's contents for messages, and whether the user chose the folder (see writeFolderAtomically). */
  name?: string;
  explicitOut?: boolean;
  onWarning?: (warning: string) => void;
  /** Awaited between phases (a CLI's signal and trace points). */
  checkpoint?: (step: string) => Promise<void>;
}

/** Writes the portfolio's output folder at `target`. */
export async function writePortfolioOutput(target: string, output: PortfolioOutput, options: PortfolioOutputOptions = {}): Promise<void> {
  const { result } = output;
  const checkpoint = options.checkpoint ?? (async () => undefined);
  const files: OutputFile[] = [
    { path: 'portfolio.json', content: formatSummaryJson(result) },
    { path: 'book.yaml', content: output.bookText },
    { path: 'base-scenario.yaml', content: output.baseText },
  ];
  // The report stage (vega, vega-lite) loads only when charts are wanted.
  if (options.charts ?? true) {
    await checkpoint('charts');
    const { buildPortfolioReportFiles } = await import('./build-portfolio-report-files.ts');
    files.push(
      ...(await buildPortfolioReportFiles({
        result,
        bookText: output.bookText,
        baseText: output.baseText,
        accountsFile: output.accountsFile,
        version: packageVersion(),
        onWarning: options.onWarning,
        deck: options.deck ?? true,
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
  await writeFolderAtomically(target, files, { name: options.name, explicitOut: options.explicitOut, beforeCommit: () => checkpoint('commit') });
}
