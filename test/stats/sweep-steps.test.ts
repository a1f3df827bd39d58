import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { createOutcomeTable } from '../../src/engine/outcome-table.ts';
import { recordVariant } from '../../src/engine/variants.ts';
import { normalFromUniform } from '../../src/model/sampling.ts';
import { runSweep } from '../../src/pipeline/run-sweep.ts';
import { loadScenario } from '../../src/scenario/load-scenario.ts';
import { lineCrossings, summarizeSweepPoints, sweepPointKey, type Crossing, type SweepPoint } from '../../src/stats/sweep.ts';
import { interpolatedHalfWidth, sweepStep, sweepStepKey, type SweepStep } from '../../src/stats/sweep-steps.ts';

const PAIR = { a: { index: 0, key: 'ato', label: 'ATO' }, b: { index: 1, key: 'fitd', label: 'FITD' } };
const width = (c: Crossing) => c.range[1] - c.range[0];
const withCorrelation = (steps: readonly SweepStep[], correlation: number) => steps.map(() => ({ correlation }));

describe('the paired change between neighbouring sweep points', () => {
  it('reads the correlation of two points from their SEs and the SE of their paired change', () => {
    // Var(d₁ − d₀) = V₀ + V₁ − 2C: SEs 0.3 and 0.4 with a paired SE of 0.5 are uncorrelated, 0.1 nearly one.
    const estimate = (se: number) => ({ mean: 0, se, ci95: null });
    const uncorrelated = sweepStep(2, estimate(0.3), estimate(0.4), estimate(0.5));
    expect(uncorrelated).toMatchObject({ from: 2, to: 3, change: { mean: 0, se: 0.5 } });
    expect(uncorrelated.unpairedSe).toBeCloseTo(0.5, 12);
    expect(uncorrelated.correlation).toBeCloseTo(0, 12);
    expect(sweepStep(0, estimate(0.3), estimate(0.4), estimate(0.1))!.correlation).toBeCloseTo(1, 12);
    // Rounding may push the covariance a hair past the SEs' product: the correlation stays in [−1, 1].
    expect(sweepStep(0, estimate(0.3), estimate(0.3), estimate(0)).correlation).toBe(1);
    expect(sweepStep(0, { mean: 0, se: null, ci95: null }, estimate(0.4), estimate(0.1))).toMatchObject({ unpairedSe: null, correlation: null });
  });

  it('interpolates the half-width exactly: the linear interpolation at ρ = 1, narrower below it', () => {
    for (const t of [0, 0.25, 0.5, 0.9, 1]) {
      expect(interpolatedHalfWidth(2, 4, 1, t)).toBeCloseTo(2 * (1 - t) + 4 * t, 12);
      expect(interpolatedHalfWidth(2, 4, 0.9, t)).toBeLessThanOrEqual(interpolatedHalfWidth(2, 4, 1, t) + 1e-12);
      expect(interpolatedHalfWidth(2, 4, 0, t)).toBeCloseTo(Math.hypot(2 * (1 - t), 4 * t), 12);
    }
  });

  it('give the crossing range of the correlation it is told, ρ = 1 by default', () => {
    const pointAt = (mean: number, half: number): SweepPoint => ({ values: {}, a: { mean: 0, se: 0 }, b: { mean: 0, se: 0 }, diff: { mean, ci95: [mean - half, mean + half] }, signSettled: Math.abs(mean) > half });
    const points = [pointAt(2, 0.5), pointAt(1, 0.5), pointAt(-1, 0.5), pointAt(-2, 0.5)];
    const [linear] = lineCrossings([0, 1, 2, 3], points);
    const [paired] = lineCrossings([0, 1, 2, 3], points, ['ato', 'fitd'], [{ correlation: 0.5 }, { correlation: 0.5 }, { correlation: 0.5 }]);
    expect(linear!.range).toEqual(lineCrossings([0, 1, 2, 3], points, ['ato', 'fitd'], [{ correlation: 1 }, { correlation: 1 }, { correlation: 1 }])[0]!.range);
    // Between x = 1 and 2, D(t) = 1 − 2t and the half-width is 0.5·√(1 − t + t²) at ρ = 0.5:
    // they meet at t = (1 ± √0.2)/2, x = 1.276 and 1.724 (1.25 and 1.75 at ρ = 1), to the walk's 1/200 of a cell.
    expect(linear!.range[0]).toBeCloseTo(1.25, 2);
    expect(paired!.at).toBe(1.5);
    expect(paired!.range[0]).toBeCloseTo(1.276, 2);
    expect(paired!.range[1]).toBeCloseTo(1.724, 2);
  });
});

/**
 * A seeded check with a known break-even: d(x) = x − 1.5 on the grid 0…4, each
 * trial's differences sharing one noise term across the points (as common
 * random numbers share a world) plus a little of their own, ρ ≈ 0.96. The
 * true break-even sits mid-segment, where the correlation matters most.
 */
function syntheticSweeps(replications: number, trials: number): { paired: Crossing; linear: Crossing; independent: Crossing }[] {
  const xs = [0, 1, 2, 3, 4];
  const parameters = [{ path: 'x', values: xs }];
  const random = seedrandom('sweep-steps coverage');
  const normal = () => normalFromUniform(random());
  const results = [];
  for (let r = 0; r < replications; r++) {
    const table = createOutcomeTable(0, 1, 12, ['ato', 'fitd'], [...xs.map((_, i) => sweepPointKey(i)), ...xs.slice(1).map((_, i) => sweepStepKey(i))]);
    const d = new Float64Array(xs.length);
    for (let trial = 0; trial < trials; trial++) {
      const shared = 1.5 * normal();
      xs.forEach((x, i) => {
        d[i] = x - 1.5 + shared + 0.3 * normal();
        recordVariant(table.variants[sweepPointKey(i)]!, d[i]!, 0, 0, 0);
      });
      for (let i = 0; i + 1 < xs.length; i++) recordVariant(table.variants[sweepStepKey(i)]!, d[i + 1]!, 0, d[i]!, 0);
    }
    const { points, breakEven } = summarizeSweepPoints(table, parameters, PAIR);
    if (breakEven.kind !== 'line' || breakEven.crossings.length !== 1) throw new Error(`replication ${r}: not one crossing`);
    const [linear] = lineCrossings(xs, points);
    const [independent] = lineCrossings(xs, points, ['ato', 'fitd'], withCorrelation(breakEven.steps, 0));
    results.push({ paired: breakEven.crossings[0]!, linear: linear!, independent: independent! });
  }
  return results;
}

describe('the break-even interval with the paired changes', () => {
  it('covers a known break-even about 95% of the time, never wider than the bounds interpolated, where treating the points as unrelated under-covers', () => {
    const replications = 400;
    const sweeps = syntheticSweeps(replications, 50);
    const covers = (c: Crossing) => c.range[0] <= 1.5 && 1.5 <= c.range[1];
    const coverage = (pick: (s: (typeof sweeps)[number]) => Crossing) => sweeps.filter((s) => covers(pick(s))).length / replications;
    // Binomial SE of a 95% coverage over 400 replications is 1.1 points; 0.91–0.99 is ±3.6 SE.
    expect(coverage((s) => s.paired)).toBeGreaterThan(0.91);
    expect(coverage((s) => s.paired)).toBeLessThan(0.99);
    // Independence would claim a half-width ~0.71× the true one mid-segment (coverage ≈ 84%, SE 1.8 points).
    expect(coverage((s) => s.independent)).toBeLessThan(0.9);
    for (const s of sweeps) {
      expect(width(s.paired)).toBeLessThanOrEqual(width(s.linear) + 1e-9);
      expect(width(s.paired)).toBeGreaterThanOrEqual(width(s.independent) - 1e-9);
    }
  });

  it('on a swept wallet: paired changes far tighter than unpaired, and a break-even range inside the linearly interpolated one', async () => {
    const { scenario } = loadScenario('scenarios/hp-cso.yaml');
    const result = await runSweep({ ...scenario, trials: 300 }, [{ path: 'account.wallet.median', values: [8, 12, 16, 20, 24] }], { workers: 1 });
    if (result.breakEven.kind !== 'line') throw new Error('a one-parameter sweep is a line');
    const { steps, crossings } = result.breakEven;
    expect(steps.map((s) => [s.from, s.to])).toEqual([[0, 1], [1, 2], [2, 3], [3, 4]]);
    for (const step of steps) {
      // Keyed uniforms keep each world's draws as the wallet moves (here paired SE 0.19–0.38× unpaired, ρ 0.92–0.99).
      expect(step.change.se!).toBeLessThan(0.5 * step.unpairedSe!);
      expect(step.correlation!).toBeGreaterThan(0.8);
      expect(step.change.mean).toBeCloseTo(result.points[step.to]!.diff.mean - result.points[step.from]!.diff.mean, 9);
    }
    expect(crossings).toHaveLength(1);
    const [linear] = lineCrossings([8, 12, 16, 20, 24], result.points);
    expect(crossings[0]!.at).toBe(linear!.at);
    expect(crossings[0]!.range[0]).toBeGreaterThanOrEqual(linear!.range[0]);
    expect(crossings[0]!.range[1]).toBeLessThanOrEqual(linear!.range[1]);
    expect(width(crossings[0]!)).toBeLessThan(width(linear!));
  });
});
