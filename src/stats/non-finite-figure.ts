/**
 * A figure that is not a finite number never reaches a report: JSON would
 * turn it into a silent null and text into "$NaNM". The scenario schema
 * bounds every value so that a run stays finite; this is the check that it
 * did, for scenarios built in code past the schema.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import { RunLimitError } from '../engine/run-limit-error.ts';

/** Dotted path of the first number in `value` that is NaN or infinite, or null. */
export function firstNonFiniteFigure(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const found = firstNonFiniteFigure(item, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

const advice =
  "the scenario's values are past what a run can add up (a scenario file bounds money at $100,000M a figure: " +
  'check strategies.*.buildCost, model.streams.*.dealSize and account.wallet)';

/** Whether every value is finite: x · 0 is 0 for a finite x and NaN otherwise, so one sum tells, without a branch per value. */
function allFinite(values: ArrayLike<number>): boolean {
  let probe = 0;
  for (let i = 0; i < values.length; i++) probe += values[i]! * 0;
  return probe === 0;
}

/** Throws RunLimitError naming the first per-trial outcome that is not finite. */
export function assertFiniteOutcomes(table: OutcomeTable): void {
  for (const [column, values] of Object.entries(table.columns)) {
    // An integer column has no NaN or infinity.
    if (values instanceof Int16Array || values instanceof Int32Array || allFinite(values)) continue;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i]!)) {
        throw new RunLimitError(`trial ${(table.start + i).toLocaleString('en-US')}'s ${column} is ${values[i]}: ${advice}`);
      }
    }
  }
}

/** Throws RunLimitError naming the first figure of a summary that is not finite. */
export function assertFiniteSummary(summary: object): void {
  const path = firstNonFiniteFigure(summary);
  if (path !== null) throw new RunLimitError(`the summary's ${path} is not a finite number: ${advice}`);
}
