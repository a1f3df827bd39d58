/**
 * Field builders for the scenario schema. Each one carries its description,
 * default and range, so the same text reaches the JSON Schema, `--help` and the
 * README's scenario reference, and every range error reads the same way.
 */
import { z } from 'zod';
import { groupDigits } from './group-digits.ts';

/**
 * Largest money figure a scenario may state, $M ($100 billion): above any real
 * deal, build cost or cap, and far enough below overflow that every sum of a
 * run stays finite.
 */
export const MAX_MONEY = 100_000;

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function numberType(integer: boolean) {
  const kind = integer ? 'a whole number' : 'a number';
  return z.number({
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : typeof issue.input === 'number'
          ? `must be a finite number (got ${describeValue(issue.input)})`
          : `must be ${kind} (got ${describeValue(issue.input)})`,
  });
}

interface NumberField {
  description: string;
  min?: number;
  max?: number;
  /** Exclusive lower bound, for values that must be strictly positive. */
  above?: number;
  integer?: boolean;
}

/**
 * A number with an inclusive range, as the schema and its messages state it.
 * A value outside the range gets only the range message (so `seed: 1e20` says
 * the allowed range, not "must be a whole number").
 */
export function numberField(spec: NumberField) {
  let schema = numberType(spec.integer ?? false);
  const { min, max, above } = spec;
  const low = min !== undefined ? String(min) : undefined;
  const high = max !== undefined ? String(max) : undefined;
  const range =
    above !== undefined
      ? `greater than ${String(above)}${high !== undefined ? ` and at most ${high}` : ''}`
      : low !== undefined && high !== undefined
        ? `between ${low} and ${high}`
        : low !== undefined
          ? `at least ${low}`
          : `at most ${high}`;
  const outside = (i: { input: unknown }) => `must be ${range} (got ${describeValue(i.input)})`;
  if (above !== undefined) schema = schema.gt(above, { error: outside, abort: true });
  if (min !== undefined) schema = schema.min(min, { error: outside, abort: true });
  if (max !== undefined) schema = schema.max(max, { error: outside, abort: true });
  if (spec.integer) schema = schema.int({ error: (i) => `must be a whole number (got ${describeValue(i.input)})` });
  return schema.describe(spec.description);
}

/** Text of bounded length, whose messages say the limit. */
export function textField(spec: { description: string; min?: number; max: number }) {
  const limit = `at most ${groupDigits(spec.max)} characters`;
  let schema = z.string({ error: (i) => (i.input === undefined ? 'is required' : `must be text of ${limit} (got ${describeValue(i.input)})`) });
  if (spec.min !== undefined) schema = schema.min(spec.min, { error: spec.min === 1 ? 'must not be empty' : `must be at least ${spec.min} characters` });
  return schema.max(spec.max, { error: (i) => `must be ${limit} (got ${groupDigits((i.input as string).length)})` }).describe(spec.description);
}

/** A probability or share in [0, 1]. */
export function unitField(description: string) {
  return numberField({ description, min: 0, max: 1 });
}

/** A non-negative coefficient, at most `max`. */
export function nonNegativeField(description: string, max: number) {
  return numberField({ description, min: 0, max });
}

/** A closed set of words. */
export function choiceField<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .enum(values, {
      error: (issue) =>
        issue.input === undefined ? 'is required' : `must be one of ${values.join(', ')} (got ${describeValue(issue.input)})`,
    })
    .describe(description);
}

/** A mapping that rejects keys it does not know, with its description. */
export function section<T extends z.core.$ZodLooseShape>(shape: T, description: string) {
  return z
    .strictObject(shape, {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? issue.input === undefined
            ? 'is required'
            : `must be a mapping of keys to values (got ${describeValue(issue.input)})`
          : undefined,
    })
    .describe(description);
}
