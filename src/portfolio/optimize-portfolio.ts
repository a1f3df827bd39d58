/**
 * A book's evaluation → the portfolio decision (MODEL.md §8): per team the
 * exact optimum within its pool, the frontier as the pool grows to what every
 * account's unconstrained best would use, the value of one more FTE; per
 * account the choice, the runner-up and their paired difference; and the
 * chosen plan's portfolio NPV against the best plans with every account fixed
 * to each strategy of the book. Pure.
 */
import type { CompiledBook } from '../book/compile-book.ts';
import { compareStrategies, pBetter } from '../stats/compare-strategies.ts';
import { capacityOf, capacityUnits } from './capacity-grid.ts';
import type { BookEvaluation } from './evaluate-book.ts';
import { portfolioNpv, summarizePortfolio, type PlanChoice, type PortfolioDistribution } from './portfolio-distribution.ts';
import { solveKnapsack, type KnapsackOption } from './solve-knapsack.ts';

export interface AccountOption {
  /** Strategy name, or null when the account is left uncovered (0 FTE). */
  strategy: string | null;
  fte: number;
  expectedNpv: number;
}

export interface AccountDecision extends AccountOption {
  account: string;
  group: string;
  team: string;
  /**
   * The best option with another strategy (uncovered counting as one): among
   * those that fit the team's pool with the other accounts' choices kept, or,
   * when none fits (`fitsPool` false), among all.
   */
  runnerUp: (AccountOption & { fitsPool: boolean }) | null;
  /** Choice − runner-up per trial, over the group's pooled trials: mean and 95% CI. */
  difference: { mean: number; ci95: [number, number] | null } | null;
  /** Share of those trials in which the choice's NPV beats the runner-up's. */
  pChoiceBetter: number | null;
}

export interface FrontierPoint {
  pool: number;
  expectedNpv: number;
  p10: number;
  p90: number;
}

export interface TeamDecision {
  team: string;
  pool: number;
  fteUsed: number;
  expectedNpv: number;
  /** Optimum at pool + 1 FTE minus at pool, on the same worlds. */
  valueOfOneMoreFte: number;
  /** FTE every account's own best choice would use together. */
  unconstrainedFte: number;
  frontier: FrontierPoint[];
}

export interface PortfolioDecision {
  step: number;
  trials: number;
  strategies: string[];
  accounts: AccountDecision[];
  teams: TeamDecision[];
  /** The chosen plan, and the best plan with every account fixed to each strategy, at the same pools. */
  plans: { chosen: PortfolioDistribution; fixed: Array<{ strategy: string } & PortfolioDistribution> };
}

interface Option extends KnapsackOption {
  strategy: number;
}

const bestOf = (options: readonly Option[]) => options.reduce<Option | null>((best, option) => (best === null || option.value > best.value ? option : best), null);

function groupOptions(evaluation: BookEvaluation, group: number, only?: string): Option[] {
  const { strategies, maxUnits, meanNpv } = evaluation.groups[group]!;
  const options: Option[] = [{ units: 0, value: 0, strategy: -1 }];
  for (let units = 1; units <= maxUnits; units++) {
    strategies.forEach((name, s) => {
      if (only === undefined || name === only) options.push({ units, value: meanNpv[s]![units]!, strategy: s });
    });
  }
  return options;
}

/** The group's trials of every account, end to end, under one option. */
function pooledColumn(compiled: CompiledBook, evaluation: BookEvaluation, group: number, option: Option): Float64Array {
  const accounts = compiled.groups[group]!.accounts;
  const pooled = new Float64Array(accounts.length * evaluation.trials);
  if (option.strategy < 0) return pooled;
  accounts.forEach((account, k) => pooled.set(evaluation.npv[account]![option.strategy]![option.units]!, k * evaluation.trials));
  return pooled;
}

export function optimizePortfolio(compiled: CompiledBook, evaluation: BookEvaluation): PortfolioDecision {
  const { step, trials } = evaluation;
  const perFte = Math.max(1, Math.round(1 / step));
  const groupOf = compiled.accounts.map((account) => account.group);
  const describe = (group: number, option: Option): AccountOption => ({
    strategy: option.strategy < 0 ? null : evaluation.groups[group]!.strategies[option.strategy]!,
    fte: capacityOf(option.units, step),
    expectedNpv: option.value,
  });

  const solveTeams = (only?: string) =>
    compiled.teams.map((team) => {
      const members = compiled.accounts.filter((account) => compiled.groups[account.group]!.team === team.name).map((account) => account.index);
      const options = members.map((index) => groupOptions(evaluation, groupOf[index]!, only));
      const ownBest = options.map((list) => list.reduce((best, option) => (option.value > best.value ? option : best)));
      const unconstrained = ownBest.reduce((sum, option) => sum + option.units, 0);
      // A pool beyond what every account could use is as good as that: the grid stops there.
      const mostUseful = options.reduce((sum, list) => sum + list[list.length - 1]!.units, 0);
      const poolUnits = Math.min(capacityUnits(team.pool, step), mostUseful);
      const solution = solveKnapsack(options, Math.max(unconstrained, Math.min(poolUnits + perFte, mostUseful)));
      const planAt = (pool: number): PlanChoice[] => solution.planAt(pool).map((o, k) => ({ account: members[k]!, strategy: options[k]![o]!.strategy, units: options[k]![o]!.units }));
      return { team, members, options, unconstrained, poolUnits, solution, planAt, plan: planAt(poolUnits) };
    });

  const solved = solveTeams();
  const teams: TeamDecision[] = solved.map(({ team, unconstrained, poolUnits, solution, planAt, plan }) => ({
    team: team.name,
    pool: team.pool,
    fteUsed: capacityOf(plan.reduce((sum, choice) => sum + choice.units, 0), step),
    expectedNpv: solution.best[poolUnits]!,
    valueOfOneMoreFte: solution.best[Math.min(poolUnits + perFte, solution.best.length - 1)]! - solution.best[poolUnits]!,
    unconstrainedFte: capacityOf(unconstrained, step),
    frontier: Array.from({ length: unconstrained + 1 }, (_, units) => {
      const distribution = summarizePortfolio(portfolioNpv(evaluation.npv, planAt(units), trials));
      return { pool: capacityOf(units, step), expectedNpv: solution.best[units]!, p10: distribution.p10, p90: distribution.p90 };
    }),
  }));

  const accounts = new Array<AccountDecision>(compiled.accounts.length);
  for (const { members, options, poolUnits, plan } of solved) {
    const slack = poolUnits - plan.reduce((sum, choice) => sum + choice.units, 0);
    members.forEach((index, k) => {
      const group = groupOf[index]!;
      const chosen = options[k]!.find((option) => option.strategy === plan[k]!.strategy && option.units === plan[k]!.units)!;
      const others = options[k]!.filter((option) => option.strategy !== chosen.strategy);
      const fitting = others.filter((option) => option.units <= chosen.units + slack);
      const runnerUp = bestOf(fitting.length > 0 ? fitting : others);
      const comparison = runnerUp ? compareStrategies(pooledColumn(compiled, evaluation, group, chosen), pooledColumn(compiled, evaluation, group, runnerUp), {}, 'choice') : null;
      accounts[index] = {
        account: compiled.accounts[index]!.name,
        group: compiled.groups[group]!.name,
        team: compiled.groups[group]!.team,
        ...describe(group, chosen),
        runnerUp: runnerUp ? { ...describe(group, runnerUp), fitsPool: fitting.length > 0 } : null,
        difference: comparison ? { mean: comparison.npvDiff.mean, ci95: comparison.npvDiff.ci95 } : null,
        pChoiceBetter: comparison ? pBetter(comparison, 'choice').p : null,
      };
    });
  }

  const strategies = [...new Set(evaluation.groups.flatMap((group) => group.strategies))];
  const distributionOf = (teamPlans: readonly { plan: PlanChoice[] }[]) => summarizePortfolio(portfolioNpv(evaluation.npv, teamPlans.flatMap((team) => team.plan), trials));
  return {
    step,
    trials,
    strategies,
    accounts,
    teams,
    plans: {
      chosen: distributionOf(solved),
      fixed: strategies.map((strategy) => ({ strategy, ...distributionOf(solveTeams(strategy)) })),
    },
  };
}
