/** The exact knapsack against brute-force enumeration on small random books, and its tie rule. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveKnapsack, type KnapsackOption } from '../../src/portfolio/solve-knapsack.ts';

function bruteForce(accounts: readonly (readonly KnapsackOption[])[], pool: number): number {
  let best = -Infinity;
  const visit = (k: number, units: number, value: number) => {
    if (units > pool) return;
    if (k === accounts.length) {
      best = Math.max(best, value);
      return;
    }
    for (const option of accounts[k]!) visit(k + 1, units + option.units, value + option.value);
  };
  visit(0, 0, 0);
  return best;
}

const option = fc.record({ units: fc.integer({ min: 0, max: 4 }), value: fc.double({ min: -50, max: 100, noNaN: true }) });
const account = fc.array(option, { maxLength: 5 }).map((options) => [{ units: 0, value: 0 }, ...options]);
const book = fc.array(account, { maxLength: 5 });

describe('solveKnapsack', () => {
  it('finds the brute-force optimum for every pool, with a plan that fits and reaches it', () => {
    fc.assert(
      fc.property(book, fc.integer({ min: 0, max: 12 }), (accounts, maxUnits) => {
        const solution = solveKnapsack(accounts, maxUnits);
        for (let pool = 0; pool <= maxUnits; pool++) {
          expect(solution.best[pool]).toBeCloseTo(bruteForce(accounts, pool), 9);
          const plan = solution.planAt(pool);
          expect(plan.reduce((sum, o, k) => sum + accounts[k]![o]!.units, 0)).toBeLessThanOrEqual(pool);
          expect(plan.reduce((sum, o, k) => sum + accounts[k]![o]!.value, 0)).toBeCloseTo(solution.best[pool]!, 9);
          if (pool > 0) expect(solution.best[pool]!).toBeGreaterThanOrEqual(solution.best[pool - 1]!);
        }
      }),
    );
  });

  it('breaks ties for the option listed first, so like accounts earlier in the book are served first', () => {
    const same = [{ units: 0, value: 0 }, { units: 1, value: 5 }, { units: 2, value: 5 }];
    expect(solveKnapsack([same], 2).planAt(2)).toEqual([1]);
    expect(solveKnapsack([same, same], 1).planAt(1)).toEqual([1, 0]);
  });

  it('refuses an account with no way to leave it uncovered', () => {
    expect(() => solveKnapsack([[{ units: 1, value: 1 }]], 1)).toThrow('solveKnapsack requires an option of 0 units for every account');
  });
});
