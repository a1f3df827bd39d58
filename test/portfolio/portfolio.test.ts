/** MODEL.md §8's checks on a small book: common random numbers, unconstrained bests, the frontier, runs alone. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBook, type LoadedBook } from '../../src/book/load-book.ts';
import { accountScenario, evaluateBook, type BookEvaluation } from '../../src/portfolio/evaluate-book.ts';
import { optimizePortfolio, type PortfolioDecision } from '../../src/portfolio/optimize-portfolio.ts';
import { summarizeSample } from '../../src/stats/sample-statistics.ts';
import { runSimulation } from '../../src/engine/run-simulation.ts';
import { strategyColumn } from '../../src/engine/outcome-table.ts';
import { expansim } from '../robustness/cli-process.ts';
import { SMALL_BOOK, bookFolder, writeIn } from '../book/book-files.ts';

let folder: string;
let book: LoadedBook;
let evaluation: BookEvaluation;
let decision: PortfolioDecision;

beforeAll(async () => {
  folder = bookFolder();
  book = loadBook(writeIn(folder, 'book.yaml', SMALL_BOOK));
  evaluation = await evaluateBook(book);
  decision = optimizePortfolio(book, evaluation);
});

describe('evaluateBook', () => {
  it('gives account i, for each (strategy, capacity), the figures of its scenario run alone with seed_i and that capacity', () => {
    const index = 2;
    const group = book.groups[book.accounts[index]!.group]!;
    const units = 1;
    const scenario = accountScenario(group.scenario, book.book.seed, index, units * book.book.step);
    const file = writeIn(folder, 'account-2.yaml', stringify(scenario));
    const run = expansim(['run', file, '--json', '--no-charts', '--out', join(folder, 'alone')], folder);
    // At this small capacity `run` warns that the plans are understaffed; nothing else may reach stderr.
    expect(run.stderr).toMatch(/^(warning: resources\.capacity [^\n]*\n)*$/);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { strategies: Record<string, { npv: unknown }> };
    evaluation.groups[book.accounts[index]!.group]!.strategies.forEach((strategy, s) => {
      expect(summarizeSample(evaluation.npv[index]![s]![units]!)).toEqual(summary.strategies[strategy]!.npv);
    });
    expect(JSON.parse(readFileSync(join(folder, 'alone', 'summary.json'), 'utf8')).seed).toBe(scenario.seed);
  });

  it('gives every account, at every capacity of its grid, the NPVs of its scenario simulated alone, trial by trial (in this process)', async () => {
    for (const account of book.accounts) {
      const { strategies, maxUnits } = evaluation.groups[account.group]!;
      for (let units = 1; units <= maxUnits; units++) {
        const scenario = accountScenario(book.groups[account.group]!.scenario, book.book.seed, account.index, units * book.book.step);
        const { table } = await runSimulation(scenario, { trials: scenario.trials, workers: 1 });
        strategies.forEach((strategy, s) => expect(evaluation.npv[account.index]![s]![units]).toEqual(Float64Array.from(strategyColumn(table, strategy, 'npv'))));
      }
    }
  });

  it('pools the trials of like accounts for the expected NPV, and leaves an uncovered account at 0', () => {
    const open = evaluation.groups[1]!;
    const [first, second] = book.groups[1]!.accounts;
    const pooled = [...evaluation.npv[first!]![0]![2]!, ...evaluation.npv[second!]![0]![2]!];
    expect(open.meanNpv[0]![2]).toBeCloseTo(pooled.reduce((a, b) => a + b, 0) / pooled.length, 9);
    expect(evaluation.npv[first!]![0]![1]).not.toEqual(evaluation.npv[second!]![0]![1]);
    expect(open.meanNpv.map((byUnits) => byUnits[0])).toEqual([0, 0]);
  });
});

describe('optimizePortfolio', () => {
  it('keeps every team within its pool, and with pools large enough gives every account its unconstrained best', async () => {
    for (const team of decision.teams) expect(team.fteUsed).toBeLessThanOrEqual(team.pool);
    const roomy = loadBook(writeIn(folder, 'roomy.yaml', SMALL_BOOK.replace('{ pool: 5 }', '{ pool: 100 }').replace('{ pool: 2.5 }', '{ pool: 100 }')));
    const free = optimizePortfolio(roomy, await evaluateBook(roomy));
    free.accounts.forEach((account, i) => {
      const group = evaluation.groups[roomy.accounts[i]!.group]!;
      const best = Math.max(0, ...group.meanNpv.flat());
      expect(account.expectedNpv).toBe(best);
    });
    expect(free.teams.map((team) => team.valueOfOneMoreFte)).toEqual([0, 0]);
  });

  it('draws a non-decreasing frontier from 0 to the unconstrained use, through the chosen optimum', () => {
    for (const team of decision.teams) {
      const pools = team.frontier.map((point) => point.pool);
      expect(pools[0]).toBe(0);
      expect(pools[pools.length - 1]).toBe(team.unconstrainedFte);
      team.frontier.slice(1).forEach((point, k) => expect(point.expectedNpv).toBeGreaterThanOrEqual(team.frontier[k]!.expectedNpv));
      const atPool = team.frontier.find((point) => point.pool === Math.min(team.pool, team.unconstrainedFte));
      expect(atPool?.expectedNpv).toBe(Math.min(team.expectedNpv, team.frontier[team.frontier.length - 1]!.expectedNpv));
    }
  });

  it('reports a runner-up with a paired difference, and the chosen plan at least as good as every fixed-strategy plan', () => {
    for (const account of decision.accounts) {
      if (account.runnerUp === null) continue;
      expect(account.runnerUp.strategy).not.toBe(account.strategy);
      if (account.runnerUp.fitsPool) expect(account.expectedNpv).toBeGreaterThanOrEqual(account.runnerUp.expectedNpv);
      expect(account.difference!.mean).toBeCloseTo(account.expectedNpv - account.runnerUp.expectedNpv, 9);
      expect(account.pChoiceBetter).toBeGreaterThanOrEqual(0);
    }
    expect(decision.accounts.every((account) => account.runnerUp !== null)).toBe(true);
    expect(decision.plans.fixed.map((plan) => plan.strategy)).toEqual(['ato', 'fitd']);
    for (const plan of decision.plans.fixed) expect(decision.plans.chosen.mean).toBeGreaterThanOrEqual(plan.mean - 1e-9);
  });
});
