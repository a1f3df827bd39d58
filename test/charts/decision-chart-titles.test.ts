/**
 * The findings the decision-analysis and sweep charts state, computed from
 * the data: each wording branch on the small fixed inputs, and the helpers
 * that name and place swept values.
 */
import { describe, expect, it } from 'vitest';
import { buildConvergenceSpec, convergenceTitle, logTicks } from '../../src/charts/build-convergence-spec.ts';
import { pathClassesTitle } from '../../src/charts/build-path-classes-spec.ts';
import { sweepLineTitle } from '../../src/charts/build-sweep-line-spec.ts';
import { cellEdges, cellLabel, sweepMapTitle } from '../../src/charts/build-sweep-map-spec.ts';
import { interactionNote, tornadoTitle } from '../../src/charts/build-tornado-spec.ts';
import { formatParameter, parameterDigits, parameterLabel } from '../../src/charts/parameter-label.ts';
import type { SweepPoint, SweepResult } from '../../src/stats/sweep.ts';
import { CHART_DATA } from './chart-fixtures.ts';
import { SWEEP_LINE, SWEEP_MAP } from './sweep-fixtures.ts';

const ablation = CHART_DATA.ablation!;
const precision = CHART_DATA.convergence!;

/** The one-parameter fixture with every difference shifted by `shift` and a half-width of `half`, and no crossing. */
function shiftedLine(shift: number, half: number): SweepResult {
  const points: SweepPoint[] = SWEEP_LINE.points.map((p) => {
    const mean = p.diff.mean + shift;
    return { ...p, diff: { mean, ci95: [mean - half, mean + half] }, signSettled: Math.abs(mean) > half };
  });
  return { ...SWEEP_LINE, points, breakEven: { ...SWEEP_LINE.breakEven, kind: 'line', crossings: [] } as SweepResult['breakEven'] };
}

describe('decision-analysis chart titles', () => {
  it('tornado: the barrier the choice turns on most, or none beyond noise; the interaction in words', () => {
    expect(tornadoTitle(ablation)).toBe('The choice turns most on functional walls: at 0 instead of 0.6, ATO − FITD moves by +$1.20M per account; at 0.9, by −$0.40M');
    const walls = ablation.ablation.functionalWalls;
    const noisy = { ...walls, diff: { mean: 0.05, se: 0.05, ci95: [-0.05, 0.15] as [number, number] }, high: { ...walls.high, diff: { mean: -0.02, se: 0.05, ci95: [-0.12, 0.08] as [number, number] } } };
    expect(tornadoTitle({ ...ablation, ablation: { ...ablation.ablation, functionalWalls: noisy } })).toBe(
      'No barrier moves the choice beyond simulation noise; the largest shift, functional walls, is +$0.05M per account',
    );
    expect(interactionNote(ablation)).toBe(
      'All five removed at once: ATO − FITD +$3.75M, $1.15M more than the five single removals add up to (the barriers interact, 95% CI $0.95M to $1.35M).',
    );
    const additive = { ...ablation.ablation.interaction, diff: { mean: 0.05, se: 0.1, ci95: [-0.15, 0.25] as [number, number] } };
    expect(interactionNote({ ...ablation, ablation: { ...ablation.ablation, interaction: additive } })).toBe(
      'All five removed at once: ATO − FITD +$3.75M, about what the five single removals add up to (interaction +$0.05M, 95% CI −$0.15M to $0.25M).',
    );
  });

  it('path classes: the class that carries most of the leader\'s lead', () => {
    expect(pathClassesTitle(CHART_DATA.pathClasses)).toBe("ATO's lead comes from the 30% of accounts FITD loses to churn: ATO earns $1.50M more on each");
    expect(pathClassesTitle({ ...CHART_DATA.pathClasses, meanDiff: -0.1 })).toBe(
      "FITD's lead comes from the 30% of accounts where FITD stalls at midstream: FITD earns $0.30M more on each",
    );
  });

  it('convergence: the answer and its precision, target met or not', () => {
    expect(convergenceTitle(precision)).toBe('After 4,000 trials the mean difference is +$0.25M ±$0.08M, within the ±$0.10M target');
    const ceiling = { ...precision, precision: { ...precision.precision, stoppedBy: 'maxTrials' as const, relative: true, target: 0.1, halfWidth: 0.12 } };
    expect(convergenceTitle(ceiling)).toBe('The ±10% of the mean (±$0.03M) target was not reached by the 4,000-trial ceiling: the mean difference is +$0.25M ±$0.12M');
    expect(logTicks(100, 4000)).toEqual([100, 200, 500, 1000, 2000, 4000]);
    expect(logTicks(100, 5500)).toEqual([100, 200, 500, 1000, 2000, 5000]);
    // The target band is drawn around the final mean: 0.25 ± 0.1.
    expect(JSON.stringify(buildConvergenceSpec(precision))).toContain('{"low":0.15,"high":0.35}');
  });
});

describe('sweep chart titles', () => {
  it('one parameter: where the lead changes hands, with its 95% range', () => {
    expect(sweepLineTitle(SWEEP_LINE)).toBe('ATO is ahead below functional walls ≈ 0.67 (0.55–0.8 at 95%); FITD above');
    const twice = {
      ...SWEEP_LINE,
      breakEven: { kind: 'line' as const, note: '', steps: [], crossings: [{ at: 0.3, range: [0.2, 0.4] as [number, number], below: 'ato' as const, above: 'fitd' as const }, { at: 0.8, range: [0.7, 0.9] as [number, number], below: 'fitd' as const, above: 'ato' as const }] },
    };
    expect(sweepLineTitle(twice)).toBe('The lead changes hands 2 times along functional walls: ATO ahead below ≈ 0.3, FITD up to ≈ 0.8, ATO above');
  });

  it('one parameter without a crossing: the leader everywhere, how settled, or no winner', () => {
    expect(sweepLineTitle(shiftedLine(1, 0.2))).toBe('ATO is ahead at every functional walls from 0 to 1 (by $0.60M to $2.20M per account)');
    expect(sweepLineTitle(shiftedLine(0.5, 0.2))).toBe('ATO is ahead at every functional walls from 0 to 1 (by $0.10M to $1.70M per account), though within noise at 1 of 5 points');
    expect(sweepLineTitle(shiftedLine(1, 5))).toBe('No clear winner at any functional walls from 0 to 1: every 95% interval of ATO − FITD contains 0');
  });

  it('two parameters: the region where the smaller side leads, and the scenario\'s own point', () => {
    const region = 'ATO leads only with functional walls below about 0.6 and capacity above about 6.6; FITD elsewhere';
    expect(sweepMapTitle(SWEEP_MAP)).toBe(`${region}; this scenario's own point is too close to call`);
    const offGrid = { ...SWEEP_MAP, baseValues: { ...SWEEP_MAP.baseValues, 'resources.capacity': 8 } };
    expect(sweepMapTitle(offGrid)).toBe(`${region}; 2 are too close to call`);
    const atoBase = { ...SWEEP_MAP, baseValues: { ...SWEEP_MAP.baseValues, 'account.barriers.functionalWalls': 0 } };
    expect(sweepMapTitle(atoBase)).toBe(`${region}; ATO leads at this scenario's own point`);
    // A region with two separate pieces has no one-sided shape: the count it was.
    const patchy = { ...SWEEP_MAP, points: SWEEP_MAP.points.map((p, i) => ({ ...p, diff: { ...p.diff, mean: i % 2 === 0 ? 1 : -1 } })) };
    expect(sweepMapTitle(patchy)).toMatch(/^ATO is ahead at \d of 9 grid points, FITD at \d/);
  });
});

describe('swept values', () => {
  it('names a path in words and writes values to the grid\'s precision', () => {
    expect(['account.barriers.functionalWalls', 'resources.capacity', 'resources.fte.upstream', 'strategies.ato.rampMonths', 'model.churn.base'].map(parameterLabel)).toEqual([
      'functional walls',
      'capacity',
      'FTE upstream',
      'ATO ramp months',
      'churn base',
    ]);
    expect([0.1, 1, 10, 0.25].map((step) => parameterDigits({ path: 'x', values: [0, step, 2 * step] }))).toEqual([2, 1, 0, 2]);
    expect([formatParameter(0.6181, 2), formatParameter(7, 1), formatParameter(6.64, 1)]).toEqual(['0.62', '7', '6.6']);
  });

  it('draws each cell halfway to its neighbours and labels it with a sign', () => {
    expect(cellEdges([0, 0.5, 1])).toEqual([
      { low: -0.25, high: 0.25 },
      { low: 0.25, high: 0.75 },
      { low: 0.75, high: 1.25 },
    ]);
    expect(cellEdges([4, 5, 7])).toEqual([
      { low: 3.5, high: 4.5 },
      { low: 4.5, high: 6 },
      { low: 6, high: 8 },
    ]);
    expect([1.26, -6.44, 0.031, -0.004, 12.3].map(cellLabel)).toEqual(['+1.3', '−6.4', '+0.03', '0.00', '+12']);
  });
});
