/**
 * Reading and changing one numeric value of a scenario by its dotted path
 * (`account.barriers.functionalWalls`), for ablations and sweeps. A changed
 * scenario is validated again, so a sweep cannot build an impossible one.
 */
import { unitField } from './fields.ts';
import { validateScenario } from './parse-scenario.ts';
import type { Scenario } from './scenario-schema.ts';
import { ScenarioError } from './scenario-issue.ts';
import { closestMatches, numericPaths } from './schema-paths.ts';
import type { BarrierName } from './vocabulary.ts';

/**
 * Numeric values that say how a run is done, not what is modelled: the
 * model (compileParameters) never reads them, so a sweep cannot vary them.
 */
export const RUN_SETTINGS: Readonly<Record<string, string>> = {
  seed: 'it picks the random worlds',
  trials: 'it sets how many accounts are simulated',
};

let scenarioNumericPaths: readonly string[] | undefined;

/** numericPaths() of the scenario schema, walked once: an ablation checks some twenty paths against it. */
function scenarioPaths(): readonly string[] {
  scenarioNumericPaths ??= numericPaths();
  return scenarioNumericPaths;
}

/** Every numeric value the model reads: what a sweep may vary. */
export function modelInputPaths(): string[] {
  return scenarioPaths().filter((path) => !Object.hasOwn(RUN_SETTINGS, path));
}

/** The model inputs in a few words: top-level ones by name, the rest by section (`account.*`). */
function modelInputGroups(): string {
  const groups = [...new Set(modelInputPaths().map((path) => (path.includes('.') ? `${path.split('.')[0]}.*` : path)))];
  return `${groups.slice(0, -1).join(', ')} or ${groups[groups.length - 1]}`;
}

/** Why a sweep cannot vary `path` (a run setting, or not a numeric value), or null if it can. */
export function modelInputProblem(path: string): string | null {
  if (Object.hasOwn(RUN_SETTINGS, path)) return `${path} is not a model input (${RUN_SETTINGS[path]}); sweep one of ${modelInputGroups()}`;
  const problem = numericPathProblem(path, modelInputPaths());
  return problem === null || problem.includes('valid paths nearby') ? problem : `${problem}; sweep one of ${modelInputGroups()}`;
}

/** Why `path` cannot be varied, listing the valid paths nearby, or null if it can. */
export function numericPathProblem(path: string, valid: readonly string[] = scenarioPaths()): string | null {
  if (valid.includes(path)) return null;
  const keys = path.split('.');
  const prefix = keys.slice(0, -1).join('.');
  const siblings = valid.filter((candidate) => prefix !== '' && candidate.startsWith(`${prefix}.`) && !candidate.slice(prefix.length + 1).includes('.'));
  // Siblings whose last key is closest come first, then whole paths that are close.
  const closeSiblings = closestMatches(keys[keys.length - 1]!, siblings.map((c) => c.slice(prefix.length + 1)), 8).map((key) => `${prefix}.${key}`);
  const near = closestMatches(path, valid, 5);
  const suggestions = [...new Set([...closeSiblings, ...near, ...siblings])].slice(0, 8);
  return `${path} is not a numeric scenario value${suggestions.length > 0 ? `; valid paths nearby: ${suggestions.join(', ')}` : ''}`;
}

/** The number at `path` in a scenario. */
export function scenarioValue(scenario: Scenario, path: string): number {
  let node: unknown = scenario;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  if (typeof node !== 'number') throw new Error(`${path} is not a numeric scenario value`);
  return node;
}

/** A copy of `scenario` with `path` set to `value`, validated again; throws ScenarioError if invalid. */
export function withScenarioValue(scenario: Scenario, path: string, value: number, source = path): Scenario {
  const problem = numericPathProblem(path);
  if (problem) throw new ScenarioError(source, [{ path: [], message: problem }]);
  const copy = structuredClone(scenario) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  const result = validateScenario(copy);
  if (!result.ok) throw new ScenarioError(source, result.issues.map((issue) => ({ ...issue, message: `with ${path} = ${value}: ${issue.message}` })));
  return result.scenario;
}

/**
 * A copy of `scenario` with every path set to its value, validated once;
 * throws ScenarioError from `source`. An issue on the one value set is told
 * by `source` alone (`--vary resources.capacity=-1: must be at least 0`).
 */
export function withScenarioValues(scenario: Scenario, values: Readonly<Record<string, number>>, source: string): Scenario {
  const copy = structuredClone(scenario) as Record<string, unknown>;
  for (const [path, value] of Object.entries(values)) {
    const problem = numericPathProblem(path);
    if (problem) throw new ScenarioError(source, [{ path: [], message: problem }]);
    const keys = path.split('.');
    let node = copy;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
  }
  const result = validateScenario(copy);
  if (result.ok) return result.scenario;
  const only = Object.keys(values).length === 1 ? Object.keys(values)[0] : undefined;
  throw new ScenarioError(source, result.issues.map((issue) => (issue.path.join('.') === only ? { ...issue, path: [] } : issue)));
}

/** A barrier's typical level, as the scenario schema checks it (account.barriers.*). */
const barrierLevel = unitField('a typical barrier level');

/**
 * A copy of `scenario` with some typical barrier levels replaced, as
 * withScenarioValues gives it, for the barrier ablation's variants. A
 * barrier's level is a field of its own (in [0, 1]; no cross-field check of
 * check-scenario.ts reads it), so only the new levels are checked, by the
 * schema's own field, instead of a whole validation per variant (eleven at
 * the start of every run with the ablation, about 20 ms of a short run).
 * Throws ScenarioError from `source`, naming the barrier's path.
 */
export function withBarrierLevels(scenario: Scenario, levels: Readonly<Partial<Record<BarrierName, number>>>, source: string): Scenario {
  const copy = structuredClone(scenario);
  for (const [barrier, level] of Object.entries(levels) as [BarrierName, number][]) {
    const checked = barrierLevel.safeParse(level);
    if (!checked.success) throw new ScenarioError(source, [{ path: ['account', 'barriers', barrier], message: checked.error.issues[0]!.message }]);
    copy.account.barriers[barrier] = checked.data;
  }
  return copy;
}
