/** A scenario document with a group's overrides laid on it: mappings merge key by key, anything else replaces. */

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function mergeOverrides(base: unknown, overrides: unknown): unknown {
  if (!isMapping(base) || !isMapping(overrides)) return structuredClone(overrides);
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) merged[key] = key in merged ? mergeOverrides(merged[key], value) : structuredClone(value);
  return merged;
}

/** True when `path` is present in `overrides` (so an issue there is the book's, not the base's). */
export function overridesHold(overrides: unknown, path: readonly PropertyKey[]): boolean {
  let node = overrides;
  for (const key of path) {
    if (!isMapping(node) || !(String(key) in node)) return false;
    node = node[String(key)];
  }
  return true;
}
