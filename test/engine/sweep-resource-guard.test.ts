import { describe, expect, it } from 'vitest';
import { compileParameters } from '../../src/model/parameters.ts';
import { opportunitiesAtHighWallet, resourceProblem } from '../../src/engine/resource-guard.ts';
import { sweepResourceProblem } from '../../src/engine/sweep-resource-guard.ts';
import { withScenarioValue } from '../../src/scenario/scenario-paths.ts';
import { scenarioFrom } from '../helpers.ts';

const scenario = scenarioFrom('name: guard\n');
const base = compileParameters(scenario);
const GB = 2 ** 30;
const at = (path: string, value: number) => ({ label: `--vary ${path}=${value}`, params: compileParameters(withScenarioValue(scenario, path, value)) });

describe('the sweep memory guard', () => {
  it('passes a sweep whose every point and whole fit', () => {
    expect(sweepResourceProblem(base, [at('resources.capacity', 4), at('resources.capacity', 8)], 1000, 2, 4 * GB)).toBeNull();
  });

  it('holds every point to the same guard as a run, naming the point', () => {
    const tiny = at('model.streams.downstream.dealSize.repurchase', 1e-9);
    expect(resourceProblem(tiny.params, 1000, 2, 4 * GB)).toMatch(/opportunities in one account's world/);
    const problem = sweepResourceProblem(base, [at('resources.capacity', 4), tiny], 1000, 2, 4 * GB);
    expect(problem).toMatch(/^--vary model\.streams\.downstream\.dealSize\.repurchase=1e-9: the wallet and deal sizes imply about [\d,]+ opportunities/);
  });

  it('counts one world per point in every worker', () => {
    const points = Array.from({ length: 400 }, (_, i) => at('resources.capacity', 1 + i / 100));
    const oneWorld = opportunitiesAtHighWallet(base) * 200;
    // Each world fits many times over, all of them together do not.
    const budget = oneWorld * 300;
    expect(resourceProblem(base, 100, 2, budget)).toBeNull();
    expect(sweepResourceProblem(base, points, 100, 2, budget)).toMatchInlineSnapshot(`"the sweep's 400 points each keep their own account's world in every worker (802 worlds at once), more than this machine allows (EXPANSIM_MEMORY_LIMIT_MB changes it); sweep fewer points, or run on fewer workers (--workers 1)"`);
    expect(sweepResourceProblem(base, points.slice(0, 50), 100, 2, budget)).toBeNull();
  });
});
