/** Determinism: the summary is a function of the seed alone, not of workers or chunks. */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/run-simulation.ts';
import { columnSetOf, concatOutcomeTables, type ColumnSet } from '../../src/engine/outcome-table.ts';
import { runTrials } from '../../src/engine/run-trials.ts';
import { valueOfExact } from '../../src/engine/exact-sum.ts';
import { compileParameters } from '../../src/model/parameters.ts';
import { formatTrialsCsv } from '../../src/report/trials-csv.ts';
import { summarizeRun } from '../../src/pipeline/run-scenario.ts';
import { formatSummaryJson } from '../../src/report/run-record.ts';
import { withScenarioValue } from '../../src/scenario/scenario-paths.ts';
import { scenarioFrom } from '../helpers.ts';

const scenario = scenarioFrom('name: determinism\ntrials: 3000\nseed: 17\n');

async function summaryText(workers: number, chunkSize?: number, seed = scenario.seed, columns?: ColumnSet): Promise<string> {
  const run = { ...scenario, seed };
  const { table } = await runSimulation(run, { trials: run.trials, workers, chunkSize, columns });
  return formatSummaryJson(summarizeRun(run, table));
}

describe('runSimulation', () => {
  it('gives a byte-identical summary for any worker count and chunk size', async () => {
    const reference = await summaryText(1);
    expect(await summaryText(1, 7)).toBe(reference);
    expect(await summaryText(2, 337)).toBe(reference);
    expect(await summaryText(3, 1000)).toBe(reference);
  });

  it('gives the same summary from a table without the CSV-only columns, which the CSV then refuses', async () => {
    const reference = await summaryText(1);
    expect(await summaryText(1, undefined, scenario.seed, 'summary')).toBe(reference);
    expect(await summaryText(2, 500, scenario.seed, 'summary')).toBe(reference);
    const { table } = await runSimulation(scenario, { trials: 50, workers: 1, columns: 'summary' });
    expect(columnSetOf(table)).toBe('summary');
    // The account's draws stay: who-wins-where reads them.
    expect(Object.keys(table.columns)).toContain('wallet');
    expect(Object.keys(table.columns)).not.toContain('ato.costOfSale');
    expect(() => formatTrialsCsv(table, 'fitd')).toThrow('without its CSV columns');
    const params = compileParameters(scenario);
    expect(() => concatOutcomeTables([table, runTrials(params, scenario.seed, 50, 10)])).toThrow('different columns');
  });

  it('records the same rows through worker threads (shared columns) as in this thread', async () => {
    const inThread = await runSimulation(scenario, { trials: 3000, workers: 1 });
    const inWorkers = await runSimulation(scenario, { trials: 3000, workers: 2, chunkSize: 250 });
    expect(inWorkers.workers).toBe(2);
    expect(inWorkers.table.columns['ato.npv']!.buffer).toBeInstanceOf(SharedArrayBuffer);
    for (const [name, column] of Object.entries(inThread.table.columns)) expect(inWorkers.table.columns[name], name).toEqual(column);
    expect(inWorkers.table.cashPaths).toEqual(inThread.table.cashPaths);
  });

  it('runs a small run in this thread by default, with the bytes two workers give', async () => {
    // 100 trials with variants, as `expansim run --trials 100` plays its barrier ablation: no thread is worth starting.
    const small = { ...scenario, trials: 100 };
    const variants = [{ key: 'no-walls', scenario: withScenarioValue(small, 'account.barriers.functionalWalls', 0) }];
    const byDefault = await runSimulation(small, { trials: 100, variants });
    const inWorkers = await runSimulation(small, { trials: 100, variants, workers: 2, chunkSize: 30 });
    expect(byDefault.workers).toBe(1);
    expect(byDefault.table.columns['ato.npv']!.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(inWorkers.workers).toBe(2);
    expect(formatSummaryJson(summarizeRun(small, byDefault.table))).toBe(formatSummaryJson(summarizeRun(small, inWorkers.table)));
    // Exact sums: their partials depend on the merge order, the value they stand for does not.
    const values = (run: typeof byDefault) => Object.entries(run.table.variants['no-walls']!.sum).map(([name, sum]) => [name, valueOfExact(sum)]);
    expect(values(inWorkers)).toEqual(values(byDefault));
  });

  it('gives different figures for different seeds', async () => {
    const a = JSON.parse(await summaryText(1, undefined, 1));
    const b = JSON.parse(await summaryText(1, undefined, 2));
    expect(a.strategies.ato.npv.mean).not.toBe(b.strategies.ato.npv.mean);
  });

  it('refuses to start when already aborted, in this thread or in workers', async () => {
    const controller = new AbortController();
    controller.abort(new Error('already stopped'));
    for (const workers of [1, 2]) {
      await expect(runSimulation({ ...scenario, trials: 5000 }, { trials: 5000, workers, signal: controller.signal })).rejects.toThrow('already stopped');
    }
  });

  it('stops and reports when aborted mid-run', async () => {
    const controller = new AbortController();
    const onProgress = (done: number) => {
      if (done > 0) controller.abort(new Error('stop'));
    };
    const run = runSimulation({ ...scenario, trials: 200_000 }, { trials: 200_000, workers: 2, signal: controller.signal, onProgress });
    await expect(run).rejects.toThrow('stop');
  });
});
