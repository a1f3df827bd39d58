/**
 * What `portfolio` and `portfolio --shard` share before they evaluate: the
 * book of the command line with its --trials and --step, the size guards,
 * and the progress bar.
 */
import { MIN_CAPACITY_STEP } from '../../book/book-schema.ts';
import type { CompiledBook } from '../../book/compile-book.ts';
import { loadBook, type LoadedBook } from '../../book/load-book.ts';
import { evaluationBytes, solverProblem, withBookSettings } from '../../portfolio/run-portfolio.ts';
import { UsageError } from '../cli-io.ts';
import type { PortfolioOptions } from '../parse-arguments.ts';
import { createProgress, type Progress } from '../progress.ts';

/** Most memory the per-trial NPVs of one evaluation may take. */
export const MAX_EVALUATION_BYTES = 1.5 * 1024 ** 3;

/** Refuses a book whose evaluation or exact plan would not fit (usage errors, before any work). */
export function checkPortfolioSize(compiled: CompiledBook): void {
  const bytes = evaluationBytes(compiled);
  if (bytes > MAX_EVALUATION_BYTES) {
    throw new UsageError(`the evaluation would keep ${(bytes / 1024 ** 3).toFixed(1)} GB of per-trial NPVs (the limit is 1.5 GB): use fewer --trials or a larger --step`);
  }
  const unsolvable = solverProblem(compiled);
  if (unsolvable) throw new UsageError(unsolvable);
}

/** The book of the command line, with its --trials and --step. */
export function loadPortfolioBook(bookPath: string, options: PortfolioOptions): { loaded: LoadedBook; compiled: CompiledBook } {
  if (options.step !== undefined && options.step < MIN_CAPACITY_STEP) throw new UsageError(`--step must be at least ${MIN_CAPACITY_STEP} FTE (got ${options.step})`);
  const loaded = loadBook(bookPath, options.accounts === undefined ? {} : { accounts: options.accounts });
  return { loaded, compiled: withBookSettings(loaded, { trials: options.trials, step: options.step }) };
}

/** A progress bar counted in trials, as for runs: simulations done × trials per simulation; then the phases after them. */
export function evaluationProgress(trials: number, enabled: boolean) {
  let progress: Progress | undefined;
  return {
    onProgress: (done: number, total: number) => {
      progress ??= createProgress(total * trials, enabled);
      progress.update(done * trials);
    },
    phase: (step: string) => progress?.phase(step),
    stop: () => progress?.stop(),
  };
}

