/** A CSV account's values laid on its segment's overrides, as overrides of the base scenario. */
import type { AccountRow } from './parse-accounts-csv.ts';
import { mergeOverrides } from './merge-overrides.ts';

export function withAccountRow(overrides: Record<string, unknown>, row: AccountRow): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(row.values)) {
    const keys = path.split('.');
    let node = set;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
  }
  return mergeOverrides(overrides, set) as Record<string, unknown>;
}
