/**
 * Fuzzing the scenario loader: random documents and randomly mutated valid
 * scenarios, 10,000 cases in all, seeded so a failure reproduces. Every case
 * must end in a valid scenario or in a list of messages with paths — never an
 * uncaught exception.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify, parse } from 'yaml';
import { parseScenario } from '../../src/scenario/parse-scenario.ts';

const BASE = parse(readFileSync('scenarios/hp-cso.yaml', 'utf8')) as Record<string, unknown>;

function expectWellFormed(text: string): void {
  const result = parseScenario(text);
  if (result.ok) {
    expect(typeof result.scenario.name).toBe('string');
    expect(Number.isFinite(result.scenario.trials)).toBe(true);
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.line !== undefined) expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
  }
}

/** Every path to a value in a document (objects and leaves). */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

const ALL_PATHS = paths(BASE).filter((p) => p.length > 0);

const hostileValue = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -1, 0, 1.5),
  fc.constantFrom('NaN', '.inf', '-.inf', 'Infinity', '', 'null', 'true', '0x10', '1e999', '\u0000', '💥', 'ü'.repeat(50)),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constant('x'.repeat(20_000)),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.letrec((tie) => ({ nest: fc.oneof({ depthSize: 'small' }, fc.constant({}), fc.dictionary(fc.string({ maxLength: 5 }), tie('nest'), { maxKeys: 3 })) })).nest,
  fc.constant(JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`)),
);

it('survives absurdly deep nesting in the text itself', () => {
  expectWellFormed(`name: x\nmodel: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
  expectWellFormed(`name: x\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`);
});

type Mutation = { kind: 'delete' | 'set' | 'add'; path: string[]; value: unknown; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'set', 'add'),
  path: fc.constantFrom(...ALL_PATHS),
  value: hostileValue,
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'trials ', 'Trials')),
}) as fc.Arbitrary<Mutation>;

function mutate(document: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const copy = structuredClone(document);
  for (const m of mutations) {
    let node: Record<string, unknown> = copy;
    for (const key of m.path.slice(0, -1)) {
      const next = node[key];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) break;
      node = next as Record<string, unknown>;
    }
    const last = m.path[m.path.length - 1]!;
    // Values are cloned in, so one case never changes another's (shared) value.
    if (m.kind === 'delete') delete node[last];
    else if (m.kind === 'set') node[last] = structuredClone(m.value);
    else Object.defineProperty(node, m.key, { value: structuredClone(m.value), enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

function asText(document: unknown, format: 'yaml' | 'json'): string {
  if (format === 'json') return JSON.stringify(document) ?? 'null';
  return stringify(document, { aliasDuplicateObjects: false });
}

describe('scenario loader fuzzing', () => {
  it('survives 4,000 random documents (JSON and YAML)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom('yaml', 'json'), (document, format) => {
        expectWellFormed(asText(document, format as 'yaml' | 'json'));
      }),
      { seed: 20261127, numRuns: 4000 },
    );
  });

  it('survives 4,000 valid scenarios with random mutations', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom('yaml', 'json'), (mutations, format) => {
        expectWellFormed(asText(mutate(BASE, mutations), format as 'yaml' | 'json'));
      }),
      { seed: 42, numRuns: 4000 },
    );
  });

  it('survives 2,000 random texts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('{', '[', ': :', '&a *a', '!!binary x', '%YAML 9.9\n---\na: 1', '? [a]\n: b')), (text) => {
        expectWellFormed(text);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
