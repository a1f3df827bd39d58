/**
 * The exact multiple-choice knapsack of one team (MODEL.md §8): pick one
 * option (a strategy and a capacity, or uncovered) per account so that the
 * capacity used, in integer grid units, stays within the pool and the total
 * expected NPV is the largest. Dynamic programming over the grid: best[k][u]
 * is the optimum of the first k accounts within u units.
 *
 * Ties are broken deterministically: an option replaces the best one so far
 * only when strictly better, options are tried in their listed order (the
 * caller lists uncovered first, then less capacity, then the scenario's
 * strategy order). Read back from the last account, that leaves a later
 * account uncovered rather than an earlier one: like accounts earlier in the
 * book are served first.
 *
 * Cost: O(accounts × (maxUnits + 1) × options per account) time and
 * O(accounts × (maxUnits + 1)) memory for the choices.
 */

export interface KnapsackOption {
  /** Capacity in grid units (≥ 0, whole). */
  units: number;
  /** Expected NPV of the option. */
  value: number;
}

export interface KnapsackSolution {
  /** best[u]: the optimum within u units, for u = 0 … maxUnits (non-decreasing). */
  best: Float64Array;
  /** The option index chosen for each account by the optimum within `pool` units. */
  planAt(pool: number): number[];
}

/**
 * Solves the knapsack for every pool from 0 to `maxUnits` at once. Every
 * account needs an option of 0 units (uncovered), so every pool has a plan.
 *
 * @example solveKnapsack([[{ units: 0, value: 0 }, { units: 2, value: 5 }], [{ units: 0, value: 0 }, { units: 1, value: 3 }]], 2).planAt(2) // => [1, 0]
 */
export function solveKnapsack(accounts: readonly (readonly KnapsackOption[])[], maxUnits: number): KnapsackSolution {
  if (!Number.isInteger(maxUnits) || maxUnits < 0) throw new Error('solveKnapsack requires a whole, non-negative number of units');
  for (const options of accounts) {
    if (!options.some((option) => option.units === 0)) throw new Error('solveKnapsack requires an option of 0 units for every account');
  }
  const width = maxUnits + 1;
  let previous = new Float64Array(width);
  const choices = accounts.map(() => new Int32Array(width));
  accounts.forEach((options, k) => {
    const current = new Float64Array(width).fill(-Infinity);
    const choice = choices[k]!;
    for (let u = 0; u < width; u++) {
      options.forEach((option, o) => {
        if (option.units > u) return;
        const value = previous[u - option.units]! + option.value;
        if (value > current[u]!) {
          current[u] = value;
          choice[u] = o;
        }
      });
    }
    previous = current;
  });
  return {
    best: previous,
    planAt(pool) {
      if (!Number.isInteger(pool) || pool < 0 || pool > maxUnits) throw new Error(`planAt requires a pool from 0 to ${maxUnits} units`);
      const plan = new Array<number>(accounts.length);
      let left = pool;
      for (let k = accounts.length - 1; k >= 0; k--) {
        plan[k] = choices[k]![left]!;
        left -= accounts[k]![plan[k]!]!.units;
      }
      return plan;
    },
  };
}
