/**
 * Walks the scenario schema by path: which keys a section knows (for
 * did-you-mean hints) and which dotted paths hold numbers (for sweeps).
 */
import type { z } from 'zod';
import { scenarioSchema } from './scenario-schema.ts';

type AnySchema = z.core.$ZodType;
const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly']);

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  while (WRAPPERS.has(current._zod.def.type)) current = (current._zod.def as unknown as { innerType: AnySchema }).innerType;
  return current;
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> | undefined {
  const inner = unwrap(schema);
  return inner._zod.def.type === 'object' ? (inner._zod.def as unknown as { shape: Record<string, AnySchema> }).shape : undefined;
}

/** The schema at a path of keys, or undefined when the path leaves the schema. */
export function schemaAt(path: readonly PropertyKey[], root: AnySchema = scenarioSchema): AnySchema | undefined {
  let current: AnySchema | undefined = root;
  for (const key of path) {
    const shape: Record<string, AnySchema> | undefined = current ? shapeOf(current) : undefined;
    current = shape?.[String(key)];
    if (!current) return undefined;
  }
  return current;
}

/** The keys a mapping at `path` accepts. */
export function keysAt(path: readonly PropertyKey[]): string[] {
  const schema = schemaAt(path);
  return schema ? Object.keys(shapeOf(schema) ?? {}) : [];
}

/** Every dotted path of the scenario that holds a number, in schema order. */
export function numericPaths(root: AnySchema = scenarioSchema, prefix = ''): string[] {
  const shape = shapeOf(root);
  if (!shape) return unwrap(root)._zod.def.type === 'number' ? [prefix] : [];
  return Object.entries(shape).flatMap(([key, child]) => numericPaths(child, prefix ? `${prefix}.${key}` : key));
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Candidates closest to `word` (case-insensitive edit distance), best first. */
export function closestMatches(word: string, candidates: readonly string[], limit = 3): string[] {
  const lower = word.toLowerCase();
  return candidates
    .map((candidate) => {
      const other = candidate.toLowerCase();
      const distance = other.includes(lower) || lower.includes(other) ? 1 : editDistance(lower, other);
      return { candidate, distance };
    })
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.floor(candidate.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
