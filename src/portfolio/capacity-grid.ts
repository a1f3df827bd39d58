/** The capacity grid of an account (MODEL.md §8): 0, step, 2·step, … up to the most any strategy could use, Σ fte. */
import type { Scenario } from '../scenario/scenario-schema.ts';

/** Σ fte over the three streams: the capacity beyond which q no longer rises. */
export function fullCoverage(scenario: Scenario): number {
  const { downstream, midstream, upstream } = scenario.resources.fte;
  return downstream + midstream + upstream;
}

/** Capacity of grid unit `units`, FTE, rounded so 3 × 0.1 is 0.3. */
export const capacityOf = (units: number, step: number) => Number((units * step).toFixed(9));

/**
 * Grid units of an account: 0 … floor(Σ fte / step).
 *
 * @example capacityUnits(7, 0.5) // => 14
 */
export function capacityUnits(fte: number, step: number): number {
  return Math.floor(fte / step + 1e-9);
}
