/**
 * Swept scenario values as a slide names them: a dotted path becomes words
 * (`account.barriers.functionalWalls` → "functional walls"), values are
 * written to the precision the grid supports, and the scenario's own point
 * is found on the grid.
 */
import type { SweepParameter, SweepPoint, SweepResult } from '../stats/sweep.ts';
import { STRATEGY_SHORT_NAMES } from './chart-theme.ts';

/** Path keys that only say where a value lives. */
const SECTIONS = new Set(['account', 'resources', 'barriers', 'model', 'streams', 'projectTypes', 'strategies']);
const ACRONYMS: Record<string, string> = { fte: 'FTE', ...STRATEGY_SHORT_NAMES };

/**
 * @example parameterLabel('account.barriers.functionalWalls') // => 'functional walls'
 * @example parameterLabel('resources.fte.upstream') // => 'FTE upstream'
 */
export function parameterLabel(path: string): string {
  const keys = path.split('.');
  const kept = keys.filter((key, i) => i === keys.length - 1 || !SECTIONS.has(key));
  return kept
    .flatMap((key) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' '))
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase())
    .join(' ');
}

/** The label with a capital first letter, for axis titles. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Decimals that resolve a tenth of the grid's smallest step: step 0.1 → 2, step 1 → 1, step 10 → 0. */
export function parameterDigits(parameter: SweepParameter): number {
  const sorted = [...parameter.values].sort((a, b) => a - b);
  const steps = sorted.slice(1).map((v, i) => v - sorted[i]!).filter((d) => d > 0);
  const step = steps.length > 0 ? Math.min(...steps) : Math.abs(sorted[0] ?? 1) || 1;
  return Math.max(0, Math.min(6, 1 - Math.floor(Math.log10(step))));
}

/** A parameter value at the grid's precision, trailing zeros dropped: 0.6181 → "0.62", 7 → "7". */
export function formatParameter(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** The grid point at the scenario's own values, if they are on the grid. */
export function sweepBasePoint(result: SweepResult): SweepPoint | undefined {
  return result.points.find((p) => result.parameters.every((q) => p.values[q.path] === result.baseValues[q.path]));
}
