/** Determinism: the summary is a function of the seed alone, not of workers or chunks. */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/run-simulation.ts';
import { summarizeRun } from '../../src/stats/run-scenario.ts';
import { formatSummaryJson } from '../../src/report/run-record.ts';
import { scenarioFrom } from '../helpers.ts';

const scenario = scenarioFrom('name: determinism\ntrials: 3000\nseed: 17\n');

async function summaryText(workers: number, chunkSize?: number, seed = scenario.seed): Promise<string> {
  const run = { ...scenario, seed };
  const { table } = await runSimulation(run, { trials: run.trials, workers, chunkSize });
  return formatSummaryJson(summarizeRun(run, table));
}

describe('runSimulation', () => {
  it('gives a byte-identical summary for any worker count and chunk size', async () => {
    const reference = await summaryText(1);
    expect(await summaryText(1, 7)).toBe(reference);
    expect(await summaryText(2, 337)).toBe(reference);
    expect(await summaryText(3, 1000)).toBe(reference);
  });

  it('gives different figures for different seeds', async () => {
    const a = JSON.parse(await summaryText(1, undefined, 1));
    const b = JSON.parse(await summaryText(1, undefined, 2));
    expect(a.strategies.ato.npv.mean).not.toBe(b.strategies.ato.npv.mean);
  });

  it('stops and reports when aborted', async () => {
    const controller = new AbortController();
    const run = runSimulation({ ...scenario, trials: 200_000 }, { trials: 200_000, workers: 2, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 300);
    await expect(run).rejects.toThrow('stop');
  });
});
