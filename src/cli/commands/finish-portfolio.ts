/**
 * The end of `portfolio` and of `merge` of portfolio partials: write the
 * output folder, then print the table (or portfolio.json).
 */
import { relative } from 'node:path';
import { formatSummaryJson } from '../../report/run-record.ts';
import { writePortfolioOutput, type PortfolioOutput } from '../../report/write-portfolio-output.ts';
import type { CliIo } from '../cli-io.ts';
import { formatPortfolioTable } from '../format-portfolio-table.ts';
import type { Checkpoint } from '../phase-checkpoint.ts';

export async function finishPortfolio(
  target: string,
  targetOptions: { name: string; explicitOut: boolean },
  output: PortfolioOutput,
  options: { charts: boolean; deck: boolean; json: boolean; quiet: boolean },
  io: CliIo,
  checkpoint: Checkpoint,
  /** Clears the progress or phase line, so the table and warnings start on a line of their own. */
  clearProgress: () => void = () => {},
): Promise<void> {
  const onWarning = (warning: string) => {
    clearProgress();
    io.err(`warning: ${warning}\n`);
  };
  await writePortfolioOutput(target, output, { ...targetOptions, charts: options.charts, deck: options.deck, onWarning, checkpoint });
  clearProgress();
  if (options.json) io.out(formatSummaryJson(output.result));
  else if (!options.quiet) io.out(`${formatPortfolioTable(output.result)}  Written to ${relative(process.cwd(), target) || '.'}/\n`);
}
