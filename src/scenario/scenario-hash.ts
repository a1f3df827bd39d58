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

const DEFAULT_PLANS: Record<string, { label: string; open: { midstream: string; upstream: string } }> = {
  ato: { label: 'ATO', open: { midstream: 'start', upstream: 'start' } },
  fitd: { label: 'FITD', open: { midstream: 'migrate', upstream: 'migrate' } },
};

/**
 * The scenario as hashed: the fields MODEL.md v1.1 added (a plan's label and
 * opening rules, the baseline) are left out where they hold ATO's and FITD's
 * defaults, so a two-strategy scenario keeps the hash it had before plans
 * became data, and shards written then still merge.
 */
function hashedForm(scenario: Scenario): Record<string, unknown> {
  const { trials: _trials, seed: _seed, $schema: _schema, baseline, strategies, ...rest } = scenario;
  const plans = Object.fromEntries(
    Object.entries(strategies).map(([key, plan]) => {
      const defaults = DEFAULT_PLANS[key];
      if (!defaults) return [key, plan];
      const { label, open, ...other } = plan;
      return [key, { ...other, ...(label === defaults.label ? {} : { label }), ...(canonicalJson(open) === canonicalJson(defaults.open) ? {} : { open }) }];
    }),
  );
  return { ...rest, strategies: plans, ...(baseline === 'fitd' ? {} : { baseline }) };
}

/** sha256 of the scenario's canonical JSON without trials, seed and $schema. */
export function hashScenario(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(hashedForm(scenario))).digest('hex');
}
