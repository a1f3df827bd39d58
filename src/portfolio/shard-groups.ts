/**
 * Which groups shard K of N evaluates: contiguous runs of groups in book
 * order, cut where the running cost (accounts × capacity steps × strategies,
 * the simulations' work) crosses each K/N of the total, every shard holding
 * at least one group. A function of the book alone, so every shard and the
 * merge agree on it without talking.
 */
import type { CompiledBook } from '../book/compile-book.ts';
import { groupGrid } from './evaluate-book.ts';

/** Work of each group, in units of one strategy's trial. */
export function groupCosts(compiled: CompiledBook): number[] {
  return compiled.groups.map((group, g) => {
    const { strategies, maxUnits } = groupGrid(compiled, g);
    return group.accounts.length * maxUnits * strategies.length;
  });
}

/** Indices of the groups of shard `index` (0-based) of `count`; throws when the book has fewer groups than shards. */
export function shardGroups(compiled: CompiledBook, index: number, count: number): number[] {
  const groups = compiled.groups.length;
  if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 0 || index >= count) {
    throw new Error(`shard ${index}/${count}: the index must be 0 … ${count - 1}`);
  }
  if (count > groups) throw new Error(`cannot split a book of ${groups} group${groups === 1 ? '' : 's'} into ${count} shards (a shard evaluates whole groups)`);
  const costs = groupCosts(compiled);
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  // ends[k]: one past the last group of shard k.
  const ends: number[] = [];
  let before = 0;
  let g = 0;
  for (let k = 0; k < count; k++) {
    const start = g;
    const target = (total * (k + 1)) / count;
    const mostEnd = groups - (count - k - 1);
    g = start + 1;
    before += costs[start]!;
    while (g < mostEnd && before + costs[g]! / 2 <= target) before += costs[g++]!;
    if (k === count - 1) g = groups;
    ends.push(g);
  }
  const start = index === 0 ? 0 : ends[index - 1]!;
  return Array.from({ length: ends[index]! - start }, (_, k) => start + k);
}
