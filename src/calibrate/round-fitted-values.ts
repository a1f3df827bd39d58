/**
 * Fitted values as written: four significant digits, and shares that must sum
 * to 1 (wallet shares, each stream's mix) rounded to four decimals by largest
 * remainder, so they still sum to exactly 1.
 */
import { PROJECT_TYPES, STREAMS } from '../scenario/vocabulary.ts';
import type { FittedValue } from './fitted-value.ts';

const DECIMALS = 4;

/**
 * Rounds values that sum to a whole number of 10^−4 steps to 4 decimals, keeping their sum.
 *
 * @example roundToSum([0.33333, 0.33333, 0.33334]) // => [0.3333, 0.3333, 0.3334]
 */
export function roundToSum(values: readonly number[]): number[] {
  const scale = 10 ** DECIMALS;
  const target = Math.round(values.reduce((sum, value) => sum + value, 0) * scale);
  const floors = values.map((value) => Math.floor(value * scale + 1e-9));
  const order = values.map((value, i) => ({ i, remainder: value * scale - floors[i]! })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let missing = target - floors.reduce((sum, value) => sum + value, 0);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]!++;
    missing--;
  }
  return floors.map((value) => value / scale);
}

/** Share groups: the wallet shares, and each stream's opportunity mix. */
function shareGroups(): string[][] {
  return [
    STREAMS.map((stream) => `model.streams.${stream}.walletShare`),
    ...STREAMS.map((stream) => PROJECT_TYPES.map((type) => `model.streams.${stream}.opportunityMix.${type}`)),
  ];
}

/** Rounds every fitted value for writing (kept values are left as the base has them). */
export function roundFittedValues(values: readonly FittedValue[]): FittedValue[] {
  const rounded = new Map(values.map((value) => [value.path, value.fitted ? { ...value, value: Number(value.value.toPrecision(4)) } : value]));
  for (const group of shareGroups()) {
    const members = group.map((path) => values.find((value) => value.path === path));
    if (members.some((member) => member === undefined) || !members.some((member) => member!.fitted)) continue;
    const sharesRounded = roundToSum(members.map((member) => member!.value));
    members.forEach((member, i) => rounded.set(member!.path, { ...member!, value: sharesRounded[i]! }));
  }
  return values.map((value) => rounded.get(value.path)!);
}
