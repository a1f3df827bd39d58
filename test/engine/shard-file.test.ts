import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/run-simulation.ts';
import { concatOutcomeTables } from '../../src/engine/outcome-table.ts';
import { decodeShard, encodeShard, mergeProblems, shardRange, type ShardHeader } from '../../src/engine/shard-file.ts';
import { summarizeFullRun } from '../../src/pipeline/run-scenario.ts';
import { ablationPlan } from '../../src/pipeline/ablation-plan.ts';
import { formatSummaryJson } from '../../src/report/run-record.ts';
import { hashScenario } from '../../src/scenario/scenario-hash.ts';
import { scenarioFrom } from '../helpers.ts';

const scenario = scenarioFrom('name: shards\ntrials: 1000\nseed: 9\n');
const analysis = { ablate: true, ablationTrials: 300, ablationHigh: 0.9 };

async function partial(index: number, count: number, run = scenario): Promise<Uint8Array> {
  const range = shardRange(run.trials, index, count);
  const { table } = await runSimulation(run, { start: range.start, trials: range.count, workers: 1, ...ablationPlan(run, 0.9), variantTrials: 300 });
  const header = { format: 1 as const, expansimVersion: 'test', scenario: run, scenarioText: 'name: shards', scenarioHash: hashScenario(run), seed: run.seed, totalTrials: run.trials, shard: { index, count }, analysis };
  return encodeShard(header, table);
}

describe('shards', () => {
  it('split trials into contiguous ranges that cover the run once', () => {
    const ranges = Array.from({ length: 7 }, (_, i) => shardRange(1000, i, 7));
    expect(ranges[0]!.start).toBe(0);
    ranges.slice(1).forEach((r, i) => expect(r.start).toBe(ranges[i]!.start + ranges[i]!.count));
    expect(ranges.reduce((n, r) => n + r.count, 0)).toBe(1000);
    expect(() => shardRange(1000, 7, 7)).toThrow(/0 … 6/);
  });

  it('merge into a summary byte-identical to a single-machine run', async () => {
    const parts = await Promise.all([0, 1, 2].map((i) => partial(i, 3)));
    const decoded = parts.map(decodeShard);
    expect(mergeProblems(decoded.map((d, i) => ({ ...d.header, file: `p${i}` })))).toEqual([]);
    const merged = summarizeFullRun(scenario, concatOutcomeTables(decoded.map((d) => d.table)), { ablationHigh: 0.9 });
    const { table } = await runSimulation(scenario, { trials: 1000, workers: 2, ...ablationPlan(scenario, 0.9), variantTrials: 300 });
    expect(formatSummaryJson(merged)).toBe(formatSummaryJson(summarizeFullRun(scenario, table, { ablationHigh: 0.9 })));
  });

  it('carry every per-trial column: a table run without the CSV columns is refused', async () => {
    const { table } = await runSimulation(scenario, { trials: 20, workers: 1, columns: 'summary' });
    const header = { format: 1 as const, expansimVersion: 'test', scenario, scenarioText: 'name: shards', scenarioHash: hashScenario(scenario), seed: scenario.seed, totalTrials: 20, shard: { index: 0, count: 1 }, analysis };
    expect(() => encodeShard(header, table)).toThrow('without its CSV columns');
  });

  it('refuse partials of other scenarios or seeds, and missing or repeated shards', async () => {
    const [a, b] = await Promise.all([partial(0, 2), partial(1, 2)]);
    const header = (bytes: Uint8Array, file: string): ShardHeader & { file: string } => ({ ...decodeShard(bytes).header, file });
    const other = await partial(1, 2, { ...scenario, horizonMonths: 60 });
    const reseeded = await partial(1, 2, { ...scenario, seed: 10 });
    expect(mergeProblems([header(a!, 'a'), header(other, 'c')])).toEqual([expect.stringMatching(/^c is from a different scenario than a/)]);
    expect(mergeProblems([header(a!, 'a'), header(reseeded, 'd')])).toEqual(['d has seed 10, a has seed 9']);
    expect(mergeProblems([header(a!, 'a')])).toEqual(['missing shard 1 of 2']);
    expect(mergeProblems([header(a!, 'a'), header(a!, 'a2'), header(b!, 'b')])).toEqual(['shard 0/2 is given twice (a and a2)']);
  });

  it('refuse damaged files', () => {
    expect(() => decodeShard(new TextEncoder().encode('hello world, not a partial'))).toThrow('not an expansim shard partial');
  });
});
