/**
 * `expansim portfolio`: load a book (and an accounts CSV), evaluate every
 * account's options on the worker pool, solve each team's knapsack, print the
 * plan and write the output folder atomically; with --shard, evaluate one
 * shard's groups and write a partial for `merge`. A thin adapter over the
 * library.
 */
import { defaultEvaluationWorkers, simulationCount } from '../../portfolio/evaluate-book.ts';
import { runPortfolio } from '../../portfolio/run-portfolio.ts';
import { runOutputFolder } from '../../report/output-location.ts';
import { EXIT_OK, type CliIo } from '../cli-io.ts';
import type { PortfolioOptions } from '../parse-arguments.ts';
import { prepareOutputFolder } from '../prepare-output-folder.ts';
import { phaseCheckpoint } from '../phase-checkpoint.ts';
import { showPhases } from '../show-phases.ts';
import { checkPortfolioSize, evaluationProgress, loadPortfolioBook } from './portfolio-input.ts';
import { portfolioShardCommand } from './portfolio-shard-commands.ts';
import { finishPortfolio } from './finish-portfolio.ts';

export async function portfolioCommand(bookPath: string, options: PortfolioOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  if (options.shard) return portfolioShardCommand(bookPath, options, io, signal);
  const startedAt = new Date();
  const clock = performance.now();
  const { loaded, compiled } = loadPortfolioBook(bookPath, options);
  checkPortfolioSize(compiled);
  const target = runOutputFolder(compiled.book.name, options.out, 'output', '-portfolio');
  const targetOptions = { name: `${compiled.book.name} (portfolio)`, explicitOut: options.out !== undefined };
  prepareOutputFolder(target, targetOptions, io);
  const { trials } = compiled.book;
  const workers = options.workers ?? defaultEvaluationWorkers(simulationCount(compiled, compiled.groups.map((_, g) => g)), trials);
  const progress = evaluationProgress(trials, io.interactive && options.progress && !options.quiet && !options.json);
  // After the evaluation the bar gives way to the phase under way (each chart, report, deck, write).
  const checkpoint = showPhases(progress, phaseCheckpoint(io, signal));
  try {
    await checkpoint('trials');
    const result = await runPortfolio(compiled, { workers, signal, onProgress: progress.onProgress });
    await finishPortfolio(
      target,
      targetOptions,
      {
        result,
        bookText: loaded.text,
        baseText: loaded.baseText,
        bookFile: bookPath,
        baseScenarioFile: loaded.baseSource,
        accountsFile: options.accounts ?? null,
        trials,
        step: compiled.book.step,
        workers,
        startedAt,
        timingsMs: { evaluateAndOptimize: Math.round(performance.now() - clock) },
      },
      options,
      io,
      checkpoint,
      progress.stop,
    );
  } finally {
    progress.stop();
  }
  return EXIT_OK;
}
