/**
 * The memory guard for a sweep, before anything runs: every point passes the
 * same check as a run of that scenario, and the whole sweep must fit too —
 * each worker keeps one world per point besides the base one.
 */
import type { ModelParameters } from '../model/parameters.ts';
import { memoryBudgetBytes, opportunitiesAtHighWallet, resourceProblem } from './resource-guard.ts';

export interface SweepPointParameters {
  /** How the user names the point, e.g. `--vary resources.capacity=4`. */
  label: string;
  params: ModelParameters;
}

/** Why a sweep of `points`, `trials` trials each on `workers` workers, cannot run here, or null. */
export function sweepResourceProblem(
  base: ModelParameters,
  points: readonly SweepPointParameters[],
  trials: number,
  workers: number,
  budget = memoryBudgetBytes(),
): string | null {
  const baseProblem = resourceProblem(base, trials, workers, budget);
  if (baseProblem) return baseProblem;
  let largest = base;
  for (const point of points) {
    const problem = resourceProblem(point.params, trials, workers, budget);
    if (problem) return `${point.label}: ${problem}`;
    if (opportunitiesAtHighWallet(point.params) > opportunitiesAtHighWallet(largest)) largest = point.params;
  }
  const worlds = Math.max(1, workers) * (points.length + 1);
  if (resourceProblem(largest, trials, worlds, budget) === null) return null;
  return (
    `the sweep's ${points.length.toLocaleString('en-US')} points each keep their own account's world in every worker ` +
    `(${worlds.toLocaleString('en-US')} worlds at once), more than this machine allows (EXPANSIM_MEMORY_LIMIT_MB changes it); ` +
    'sweep fewer points, or run on fewer workers (--workers 1)'
  );
}
