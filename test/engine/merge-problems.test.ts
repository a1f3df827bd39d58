import { describe, expect, it } from 'vitest';
import { mergeProblems, shardRange, type ShardHeader } from '../../src/engine/shard-file.ts';

/** The fields of a header that mergeProblems compares, for shard `index` of `count` of 30 trials. */
function header(file: string, index: number, count: number, change: Partial<ShardHeader> = {}): ShardHeader & { file: string } {
  const range = shardRange(30, index, count);
  const base = { scenarioHash: 'a'.repeat(64), seed: 1, totalTrials: 30, expansimVersion: '1.0.0', horizonMonths: 72, analysis: { ablate: false, ablationTrials: 10, ablationHigh: 0.9 } };
  return { ...base, shard: { index, count }, ...range, ...change, file } as ShardHeader & { file: string };
}

describe('mergeProblems', () => {
  it('accepts a complete set in any order', () => {
    expect(mergeProblems([header('b', 1, 2), header('a', 0, 2)])).toEqual([]);
  });

  it('refuses partials of different expansim versions or horizons', () => {
    expect(mergeProblems([header('a', 0, 2), header('b', 1, 2, { expansimVersion: '0.9.0' })])).toEqual(['b was made by expansim 0.9.0, a by 1.0.0']);
    expect(mergeProblems([header('a', 0, 2), header('b', 1, 2, { horizonMonths: 60 })])).toEqual(['b has a 60-month horizon, a 72']);
  });

  it('refuses trial ranges that overlap or leave a gap, even with every shard index present', () => {
    expect(mergeProblems([header('a', 0, 2), header('b', 1, 2, { start: 10 })])).toEqual(['b starts at trial 10, but the shards before it end at trial 15: trials overlap or are missing']);
    expect(mergeProblems([header('a', 0, 2), header('b', 1, 2, { count: 10 })])).toEqual(['the shards cover 25 trials of 30']);
  });
});
