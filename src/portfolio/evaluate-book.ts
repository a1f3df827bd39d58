/**
 * Evaluates every (strategy, capacity) of every account of a book on common
 * random numbers (MODEL.md §8): account i runs its group's scenario with seed
 * accountSeed(book seed, i) and `resources.capacity = c` for each c of the
 * grid, every strategy in one pass on the same worlds; c = 0 is uncovered
 * (NPV 0 in every trial, no simulation). Groups pool their accounts' trials
 * for the expected NPV that the solver maximises.
 *
 * Groups are independent, so any subset of them can be evaluated alone (a
 * shard) and the evaluations assembled later; and every account is its own
 * task on the worker pool, so the figures are the same for any worker count.
 *
 * Cost: Σ over groups of count × capacity steps simulations of `trials`
 * trials, each playing every strategy of the scenario (an account draws each
 * of its worlds once, for all its capacities).
 */
import { availableParallelism } from 'node:os';
import type { CompiledBook } from '../book/compile-book.ts';
import { accountSeed } from '../book/account-seed.ts';
import { compileParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { meanOf } from '../stats/sample-statistics.ts';
import { capacityOf, capacityUnits, fullCoverage } from './capacity-grid.ts';
import type { AccountTask } from './portfolio-worker-messages.ts';
import { simulateAccounts } from './simulate-accounts.ts';
import { strategyNpvColumns } from './strategy-npv-columns.ts';

export interface GroupEvaluation {
  /** The strategies of the group's scenario, in its order. */
  strategies: string[];
  /** Largest grid unit (capacity = units × step). */
  maxUnits: number;
  /** Pooled expected NPV by [strategy][units] over all the group's accounts and trials. */
  meanNpv: number[][];
}

export interface BookEvaluation {
  step: number;
  trials: number;
  groups: GroupEvaluation[];
  /** Per account, NPV per trial by [strategy][units] (units 0 is all zeros). */
  npv: Float64Array[][][];
}

/** One group's simulations: per account of the group, in its order, NPV per trial by [strategy][units]. */
export interface GroupColumns {
  group: number;
  strategies: string[];
  maxUnits: number;
  npv: Float64Array[][][];
}

export interface EvaluateOptions {
  /** Worker threads; default: all cores the evaluation can keep busy. */
  workers?: number;
  /** Called after each account with how many simulations (account × capacity) are done and how many there are. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Below this many trials per worker (simulations × trials), starting threads costs more than it saves. */
const MIN_TRIALS_PER_WORKER = 2_000;

/** The scenario account `index` is run as at capacity `capacity`: what `expansim run` would be given. */
export function accountScenario(group: Scenario, bookSeed: number, index: number, capacity: number): Scenario {
  return { ...group, seed: accountSeed(bookSeed, index), resources: { ...group.resources, capacity } };
}

/** The strategies and largest grid unit of group `group`. */
export function groupGrid(compiled: CompiledBook, group: number): { strategies: string[]; maxUnits: number } {
  const { scenario } = compiled.groups[group]!;
  return { strategies: strategyNpvColumns(compileParameters(scenario)).map((reader) => reader.strategy), maxUnits: capacityUnits(fullCoverage(scenario), compiled.book.step) };
}

/** Simulations the groups need: accounts × capacity steps. */
export function simulationCount(compiled: CompiledBook, groups: readonly number[]): number {
  return groups.reduce((sum, g) => sum + compiled.groups[g]!.accounts.length * groupGrid(compiled, g).maxUnits, 0);
}

/** All cores, or as many as `simulations` of `trials` trials can keep busy. */
export function defaultEvaluationWorkers(simulations: number, trials: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor((simulations * trials) / MIN_TRIALS_PER_WORKER)));
}

/** Evaluates the groups with these indices (all of them for a whole book, a shard's for a partial). */
export async function evaluateGroups(compiled: CompiledBook, groups: readonly number[], options: EvaluateOptions = {}): Promise<GroupColumns[]> {
  const { step, trials, seed } = compiled.book;
  const zeros = new Float64Array(trials);
  const tasks: AccountTask[] = [];
  const slots: Float64Array[][][] = [];
  const evaluated = groups.map((g): GroupColumns => {
    const { strategies, maxUnits } = groupGrid(compiled, g);
    const group = compiled.groups[g]!;
    const capacities = Array.from({ length: maxUnits }, (_, k) => capacityOf(k + 1, step));
    const npv = group.accounts.map((index) => {
      const columns = strategies.map(() => [zeros]);
      if (maxUnits > 0) {
        tasks.push({ scenario: accountScenario(group.scenario, seed, index, capacities[0]!), capacities });
        slots.push(columns);
      }
      return columns;
    });
    return { group: g, strategies, maxUnits, npv };
  });
  const total = simulationCount(compiled, groups);
  let done = 0;
  await simulateAccounts(tasks, {
    workers: options.workers ?? defaultEvaluationWorkers(total, trials),
    signal: options.signal,
    onResult: (id, npv) => {
      const columns = slots[id]!;
      npv.forEach((byStrategy, c) => byStrategy.forEach((column, s) => (columns[s]![c + 1] = column)));
      done += npv.length;
      options.onProgress?.(done, total);
    },
  });
  return evaluated;
}

/** The whole book's evaluation from every group's simulations (in any order). */
export function assembleEvaluation(compiled: CompiledBook, evaluated: readonly GroupColumns[]): BookEvaluation {
  const { step, trials } = compiled.book;
  const byGroup = new Map(evaluated.map((columns) => [columns.group, columns]));
  const npv: Float64Array[][][] = compiled.accounts.map(() => []);
  const groups = compiled.groups.map((group, g): GroupEvaluation => {
    const columns = byGroup.get(g);
    if (!columns) throw new Error(`assembleEvaluation: group ${g} (${group.name}) was not evaluated`);
    group.accounts.forEach((index, k) => (npv[index] = columns.npv[k]!));
    const meanNpv = columns.strategies.map((_, s) =>
      Array.from({ length: columns.maxUnits + 1 }, (_, units) => {
        if (units === 0) return 0;
        const pooled = new Float64Array(trials * group.accounts.length);
        columns.npv.forEach((account, k) => pooled.set(account[s]![units]!, k * trials));
        return meanOf(pooled);
      }),
    );
    return { strategies: columns.strategies, maxUnits: columns.maxUnits, meanNpv };
  });
  return { step, trials, groups, npv };
}

export async function evaluateBook(compiled: CompiledBook, options: EvaluateOptions = {}): Promise<BookEvaluation> {
  return assembleEvaluation(compiled, await evaluateGroups(compiled, compiled.groups.map((_, g) => g), options));
}
