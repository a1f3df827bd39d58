/**
 * A loaded book → its portfolio decision: the library entry notebooks call,
 * and what `expansim portfolio` prints and writes as portfolio.json.
 */
import type { CompiledBook } from '../book/compile-book.ts';
import { compileParameters } from '../model/parameters.ts';
import { capacityUnits, fullCoverage } from './capacity-grid.ts';
import { strategyNpvColumns } from './strategy-npv-columns.ts';
import { evaluateBook, type BookEvaluation, type EvaluateOptions } from './evaluate-book.ts';
import { optimizePortfolio, type PortfolioDecision } from './optimize-portfolio.ts';

export interface PortfolioResult extends PortfolioDecision {
  book: string;
  seed: number;
  /** Currency of every money figure (in millions), the base scenario's. */
  currency: string;
}

/** The book with other trials per account or another capacity step (a command line's --trials, --step). */
export function withBookSettings(compiled: CompiledBook, settings: { trials?: number; step?: number }): CompiledBook {
  const trials = settings.trials ?? compiled.book.trials;
  const step = settings.step ?? compiled.book.step;
  return {
    ...compiled,
    book: { ...compiled.book, trials, step },
    groups: compiled.groups.map((group) => ({ ...group, scenario: { ...group.scenario, trials } })),
  };
}

/** Bytes the evaluation keeps: a Float64 NPV per trial, strategy, capacity step and account. */
export function evaluationBytes(compiled: CompiledBook): number {
  return compiled.groups.reduce((sum, group) => {
    const strategies = strategyNpvColumns(compileParameters(group.scenario)).length;
    return sum + group.accounts.length * strategies * capacityUnits(fullCoverage(group.scenario), compiled.book.step) * compiled.book.trials * 8;
  }, 0);
}

/** Most cells (accounts × capacity units) one team's knapsack may hold: 200 MB of choices. */
export const MAX_SOLVER_CELLS = 50_000_000;

/**
 * Why a book is too large to solve exactly at its step (a team whose accounts
 * × capacity units exceed MAX_SOLVER_CELLS), or null.
 */
export function solverProblem(compiled: CompiledBook): string | null {
  for (const team of compiled.teams) {
    const groups = compiled.groups.filter((group) => group.team === team.name);
    const accounts = groups.reduce((sum, group) => sum + group.accounts.length, 0);
    const units = groups.reduce((sum, group) => sum + group.accounts.length * capacityUnits(fullCoverage(group.scenario), compiled.book.step), 0);
    if (accounts * units > MAX_SOLVER_CELLS) {
      return `team ${team.name}'s exact plan would need ${accounts.toLocaleString('en-US')} accounts × ${units.toLocaleString('en-US')} capacity steps (the limit is ${MAX_SOLVER_CELLS.toLocaleString('en-US')}): use a larger --step, or split the team`;
    }
  }
  return null;
}

/** The portfolio decision of a book's evaluation, with the book's name, seed and currency: portfolio.json. */
export function portfolioResult(compiled: CompiledBook, evaluation: BookEvaluation): PortfolioResult {
  const decision = optimizePortfolio(compiled, evaluation);
  return {
    book: compiled.book.name,
    seed: compiled.book.seed,
    currency: compiled.groups[0]?.scenario.currency ?? 'USD',
    ...decision,
  };
}

/** Evaluates and optimises a book. */
export async function runPortfolio(compiled: CompiledBook, options: EvaluateOptions = {}): Promise<PortfolioResult> {
  return portfolioResult(compiled, await evaluateBook(compiled, options));
}
