/**
 * A sweep's grid, read from `path=from:to:step` or `path=v1,v2,…` and checked
 * before anything runs: a model input, finite numbers, none empty or given
 * twice, and a grid small enough to play. Problems are plain sentences about
 * the text itself; the CLI says which flag it came from.
 */
import { modelInputProblem } from './scenario-paths.ts';

/** Most values one swept parameter may take, and most points a sweep may have. */
export const MAX_VALUES_PER_PARAMETER = 101;
export const MAX_SWEEP_POINTS = 441;

/** Longer than any scenario path; a longer one is refused without looking for near matches. */
const LONGEST_PATH = 120;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export interface SweepParameter {
  path: string;
  values: number[];
}

/** A number written without float noise (0.30000000000000004 → 0.3). */
export function cleanNumber(value: number): number {
  return Number(value.toPrecision(12));
}

/** `text` cut to a readable length, control characters escaped, so a message stays one short line. */
export function shownText(text: string, limit = 60): string {
  const cut = text.length > limit ? `${text.slice(0, limit)}…` : text;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readNumber(text: string, what: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return `${what} is empty`;
  const value = Number(trimmed);
  if (!DECIMAL.test(trimmed) || !Number.isFinite(value)) return `${what} "${shownText(trimmed, 30)}" is not a finite number`;
  return value;
}

function rangeValues(range: string): number[] | string {
  const parts = range.split(':');
  if (parts.length !== 3) return `a range is from:to:step (three numbers), not ${parts.length} parts`;
  const numbers: number[] = [];
  for (const [i, part] of parts.entries()) {
    const value = readNumber(part, ['the from', 'the to', 'the step'][i]!);
    if (typeof value === 'string') return value;
    numbers.push(value);
  }
  const [from, to, step] = numbers as [number, number, number];
  if (step <= 0 || to < from) return 'the range must be from:to:step with from ≤ to and step > 0';
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (!(count <= MAX_VALUES_PER_PARAMETER)) {
    return `from:to:step gives ${count <= 1e6 ? count.toLocaleString('en-US') : 'over a million'} values; at most ${MAX_VALUES_PER_PARAMETER} per parameter`;
  }
  return Array.from({ length: count }, (_, i) => cleanNumber(from + i * step));
}

function listValues(list: string): number[] | string {
  const parts = list.split(',');
  if (parts.length > MAX_VALUES_PER_PARAMETER) return `${parts.length.toLocaleString('en-US')} values; at most ${MAX_VALUES_PER_PARAMETER} per parameter`;
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    const value = readNumber(part, parts.length === 1 ? 'the value' : `value ${i + 1} of ${parts.length}`);
    if (typeof value === 'string') return value;
    values.push(value);
  }
  return values;
}

/**
 * Reads one swept parameter, or says what is wrong with the text.
 *
 * @example readSweepParameter('resources.capacity=4:8:2') // => { path: 'resources.capacity', values: [4, 6, 8] }
 * @example readSweepParameter('resources.capacity=4,,8') // => { problem: 'resources.capacity=4,,8: value 2 of 3 is empty' }
 */
export function readSweepParameter(spec: string): SweepParameter | { problem: string } {
  const fail = (problem: string) => ({ problem: `${shownText(spec)}: ${problem}` });
  const [rawPath, range, ...rest] = spec.split('=');
  const path = rawPath!.trim();
  if (path === '' || range === undefined || rest.length > 0) return fail('expected path=from:to:step or path=v1,v2,…');
  if (path.length > LONGEST_PATH) return fail('the path is not a scenario value');
  const pathProblem = modelInputProblem(path);
  if (pathProblem) return { problem: shownText(pathProblem, 400) };
  if (range.trim() === '') return fail("no values after '='; give from:to:step or v1,v2,…");
  const values = range.includes(':') ? rangeValues(range) : listValues(range);
  if (typeof values === 'string') return fail(values);
  const twice = values.find((value, i) => values.indexOf(value) !== i);
  if (twice !== undefined) return fail(`${twice} is given twice; give each value once`);
  return { path, values };
}

/** Why a set of swept parameters is not a grid a sweep can play, or null. */
export function sweepGridProblem(parameters: readonly SweepParameter[]): string | null {
  if (parameters.length < 1 || parameters.length > 2) return `a sweep varies one or two parameters, not ${parameters.length}`;
  if (parameters.length === 2 && parameters[0]!.path === parameters[1]!.path) {
    return `${parameters[0]!.path} is varied twice; vary two different values, or give all the values in one`;
  }
  const points = parameters.reduce((product, p) => product * p.values.length, 1);
  if (points > MAX_SWEEP_POINTS) {
    return `the grid has ${parameters.map((p) => p.values.length).join(' × ')} = ${points.toLocaleString('en-US')} points; at most ${MAX_SWEEP_POINTS}`;
  }
  return null;
}

/**
 * Parses `path=from:to:step` (inclusive) or `path=v1,v2,…` into a parameter
 * (the CLI's `--vary`); throws an Error saying what is wrong.
 *
 * @example parseVary('account.barriers.functionalWalls=0:1:0.5') // => { path: 'account.barriers.functionalWalls', values: [0, 0.5, 1] }
 */
export function parseVary(spec: string): SweepParameter {
  const result = readSweepParameter(spec);
  if ('problem' in result) throw new Error(result.problem);
  return result;
}
