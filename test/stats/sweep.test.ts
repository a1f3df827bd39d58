import { describe, expect, it } from 'vitest';
import { lineCrossings, zeroContour, type SweepPoint } from '../../src/stats/sweep.ts';
import { runSweep } from '../../src/pipeline/run-sweep.ts';
import { parseVary } from '../../src/scenario/sweep-parameter.ts';
import { runScenario } from '../../src/pipeline/run-scenario.ts';
import { withScenarioValue } from '../../src/scenario/scenario-paths.ts';
import { scenarioFrom } from '../helpers.ts';

const scenario = scenarioFrom('name: sweep\ntrials: 600\nseed: 4\n');

function pointAt(mean: number, half: number): SweepPoint {
  return { values: {}, a: { mean: 0, se: 0 }, b: { mean: 0, se: 0 }, diff: { mean, ci95: [mean - half, mean + half] }, signSettled: Math.abs(mean) > half };
}

describe('sweeps', () => {
  it('parse ranges and lists, and refuse bad paths with valid ones nearby', () => {
    expect(parseVary('resources.capacity=4:9:1').values).toEqual([4, 5, 6, 7, 8, 9]);
    expect(parseVary('account.barriers.functionalWalls=0:1:0.1').values).toHaveLength(11);
    expect(parseVary('account.barriers.functionalWalls=0:1:0.1').values[3]).toBe(0.3);
    expect(parseVary('discountRate=0.05,0.1').values).toEqual([0.05, 0.1]);
    expect(() => parseVary('account.barrier.functionalWalls=0:1:0.1')).toThrowErrorMatchingInlineSnapshot(`[Error: account.barrier.functionalWalls is not a numeric scenario value; valid paths nearby: account.barriers.functionalWalls]`);
    expect(() => parseVary('resources.capacity=9:4:1')).toThrow(/from ≤ to/);
  });

  it("make each point equal a plain run of that scenario", async () => {
    const result = await runSweep(scenario, [parseVary('resources.capacity=5,7')], { workers: 1 });
    for (const point of result.points) {
      const plain = await runScenario(withScenarioValue(scenario, 'resources.capacity', point.values['resources.capacity']!), { workers: 1, ablate: false });
      expect(point.a.mean).toBe(plain.summary.strategies.ato!.npv.mean);
      expect(point.b.mean).toBe(plain.summary.strategies.fitd!.npv.mean);
      expect(point.diff.mean).toBeCloseTo(plain.summary.comparison.npvDiff.mean, 12);
      expect(point.diff.ci95![0]).toBeCloseTo(plain.summary.comparison.npvDiff.ci95![0], 9);
    }
  });

  it('run variants that change the arrivals on worlds from the same seeds', async () => {
    const result = await runSweep(scenario, [parseVary('account.wallet.median=20,30')], { workers: 2 });
    const plain = await runScenario(withScenarioValue(scenario, 'account.wallet.median', 30), { workers: 1, ablate: false });
    expect(result.points[1]!.a.mean).toBe(plain.summary.strategies.ato!.npv.mean);
  });

  it('find a line crossing and the range where the interval contains 0', () => {
    const xs = [0, 1, 2, 3, 4];
    const points = [pointAt(2, 0.5), pointAt(1, 0.5), pointAt(-1, 0.5), pointAt(-2, 0.5), pointAt(-3, 0.5)];
    const [crossing] = lineCrossings(xs, points);
    expect(crossing!.at).toBe(1.5);
    expect(crossing!.below).toBe('ato');
    expect(crossing!.above).toBe('fitd');
    // Upper bound 2.5, 1.5, −0.5 reaches 0 at 1.75; lower bound 1.5, 0.5, −1.5 at 1.25 (200 steps per cell).
    expect(crossing!.range[0]).toBeCloseTo(1.25, 2);
    expect(crossing!.range[1]).toBeCloseTo(1.75, 2);
  });

  it('trace the zero contour of a 2-D map', () => {
    const parameters = [{ path: 'a', values: [0, 1] }, { path: 'b', values: [0, 1] }];
    // diff = a − 0.5: the contour is the vertical line a = 0.5.
    const points = [pointAt(-0.5, 0.1), pointAt(-0.5, 0.1), pointAt(0.5, 0.1), pointAt(0.5, 0.1)];
    const segments = zeroContour(parameters, points);
    expect(segments).toHaveLength(1);
    expect(segments[0]!.from.a).toBeCloseTo(0.5, 12);
    expect(segments[0]!.to.a).toBeCloseTo(0.5, 12);
  });

  it('make a two-parameter map with its break-even contour', async () => {
    const result = await runSweep({ ...scenario, trials: 300 }, [parseVary('account.barriers.functionalWalls=0.2,0.9'), parseVary('resources.capacity=5,8')], { workers: 1 });
    expect(result.points).toHaveLength(4);
    expect(result.breakEven.kind).toBe('map');
    expect(result.points[0]!.values).toEqual({ 'account.barriers.functionalWalls': 0.2, 'resources.capacity': 5 });
  });
});
