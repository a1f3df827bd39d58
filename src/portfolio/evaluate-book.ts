/**
 * Evaluates every (strategy, capacity) of every account of a book on common
 * random numbers (MODEL.md §8): account i runs its group's scenario with seed
 * accountSeed(book seed, i) and `resources.capacity = c` for each c of the
 * grid, every strategy in one pass on the same worlds; c = 0 is uncovered
 * (NPV 0 in every trial, no simulation). Groups pool their accounts' trials
 * for the expected NPV that the solver maximises.
 *
 * Cost: Σ over groups of count × capacity steps simulations of `trials`
 * trials, each playing every strategy of the scenario.
 */
import type { CompiledBook } from '../book/compile-book.ts';
import { accountSeed } from '../book/account-seed.ts';
import { runSimulation } from '../engine/run-simulation.ts';
import { compileParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { meanOf } from '../stats/sample-statistics.ts';
import { capacityOf, capacityUnits, fullCoverage } from './capacity-grid.ts';
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

export interface EvaluateOptions {
  workers?: number;
  /** Called after each simulation with how many are done and how many there are. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The scenario account `index` is run as at capacity `capacity`: what `expansim run` would be given. */
export function accountScenario(group: Scenario, bookSeed: number, index: number, capacity: number): Scenario {
  return { ...group, seed: accountSeed(bookSeed, index), resources: { ...group.resources, capacity } };
}

export async function evaluateBook(compiled: CompiledBook, options: EvaluateOptions = {}): Promise<BookEvaluation> {
  const { step, trials, seed } = compiled.book;
  const grids = compiled.groups.map((group) => ({ group, maxUnits: capacityUnits(fullCoverage(group.scenario), step), columns: strategyNpvColumns(compileParameters(group.scenario)) }));
  const total = grids.reduce((sum, grid) => sum + grid.maxUnits * grid.group.accounts.length, 0);
  const npv: Float64Array[][][] = compiled.accounts.map(() => []);
  const zeros = new Float64Array(trials);
  let done = 0;
  const groups: GroupEvaluation[] = [];
  for (const { group, maxUnits, columns: readers } of grids) {
    const strategies = readers.map((reader) => reader.strategy);
    for (const index of group.accounts) {
      const columns: Float64Array[][] = strategies.map(() => [zeros]);
      for (let units = 1; units <= maxUnits; units++) {
        if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new Error('the evaluation was interrupted');
        const scenario = accountScenario(group.scenario, seed, index, capacityOf(units, step));
        const { table } = await runSimulation(scenario, { trials, workers: options.workers ?? 1, columns: 'summary', signal: options.signal });
        readers.forEach((reader, s) => columns[s]!.push(reader.read(table)));
        options.onProgress?.(++done, total);
      }
      npv[index] = columns;
    }
    const meanNpv = strategies.map((_, s) =>
      Array.from({ length: maxUnits + 1 }, (_, units) => {
        if (units === 0) return 0;
        const pooled = new Float64Array(trials * group.accounts.length);
        group.accounts.forEach((index, k) => pooled.set(npv[index]![s]![units]!, k * trials));
        return meanOf(pooled);
      }),
    );
    groups.push({ strategies, maxUnits, meanNpv });
  }
  return { step, trials, groups, npv };
}
