/**
 * A fingerprint of what a scenario computes: the validated scenario with its
 * defaults, minus what does not change any trial (trial count, seed, editor
 * schema link). Shards and provenance checks compare it.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from './scenario-schema.ts';

/** JSON with keys sorted at every level, so equal objects give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 of the scenario's canonical JSON without trials, seed and $schema. */
export function hashScenario(scenario: Scenario): string {
  const { trials: _trials, seed: _seed, $schema: _schema, ...rest } = scenario;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}
