/**
 * Small, fixed sweep results for golden tests of the sweep charts and for the
 * sweep report tests: a one-parameter sweep with one break-even crossing and
 * a 3 × 3 map with a contour and unsettled points.
 */
import type { SweepPoint, SweepResult } from '../../src/stats/sweep.ts';

const FW = 'account.barriers.functionalWalls';
const CAPACITY = 'resources.capacity';

const point = (values: Record<string, number>, ato: number, fitd: number, half: number): SweepPoint => {
  const diff = ato - fitd;
  return {
    values,
    a: { mean: ato, se: 0.2 },
    b: { mean: fitd, se: 0.15 },
    diff: { mean: diff, ci95: [diff - half, diff + half] },
    signSettled: Math.abs(diff) > half,
  };
};

const facts = {
  scenario: 'fixture',
  scenarioHash: 'f1x7',
  seed: 1,
  trials: 1000,
  horizonMonths: 72,
  terminalValue: 'runRate' as const,
  currency: 'USD',
  compared: { a: { index: 0, key: 'ato', label: 'ATO' }, b: { index: 1, key: 'fitd', label: 'FITD' } },
};

export const SWEEP_LINE: SweepResult = {
  ...facts,
  parameters: [{ path: FW, values: [0, 0.25, 0.5, 0.75, 1] }],
  baseValues: { [FW]: 0.5 },
  points: [
    point({ [FW]: 0 }, 11.5, 10.3, 0.2),
    point({ [FW]: 0.25 }, 10.5, 9.7, 0.2),
    point({ [FW]: 0.5 }, 8.7, 8.4, 0.2),
    point({ [FW]: 0.75 }, 7.2, 7.35, 0.2),
    point({ [FW]: 1 }, 6.5, 6.9, 0.2),
  ],
  breakEven: {
    kind: 'line',
    crossings: [{ at: 0.67, range: [0.55, 0.8], below: 'ato', above: 'fitd' }],
    steps: [],
    note: 'where the mean NPV difference ATO − FITD changes sign; range: where its 95% interval still contains 0',
  },
};

export const SWEEP_MAP: SweepResult = {
  ...facts,
  parameters: [
    { path: FW, values: [0, 0.5, 1] },
    { path: CAPACITY, values: [5, 7, 9] },
  ],
  baseValues: { [FW]: 0.5, [CAPACITY]: 7 },
  points: [
    point({ [FW]: 0, [CAPACITY]: 5 }, 6, 10.5, 0.2),
    point({ [FW]: 0, [CAPACITY]: 7 }, 11.5, 10.3, 0.2),
    point({ [FW]: 0, [CAPACITY]: 9 }, 11.5, 10.3, 0.2),
    point({ [FW]: 0.5, [CAPACITY]: 5 }, 4, 8.4, 0.2),
    point({ [FW]: 0.5, [CAPACITY]: 7 }, 8.5, 8.4, 0.2),
    point({ [FW]: 0.5, [CAPACITY]: 9 }, 8.5, 8.4, 0.2),
    point({ [FW]: 1, [CAPACITY]: 5 }, 2.3, 6.9, 0.2),
    point({ [FW]: 1, [CAPACITY]: 7 }, 6.5, 6.9, 0.2),
    point({ [FW]: 1, [CAPACITY]: 9 }, 6.5, 6.9, 0.2),
  ],
  breakEven: {
    kind: 'map',
    contour: [
      { from: { [FW]: 0, [CAPACITY]: 6.58 }, to: { [FW]: 0.5, [CAPACITY]: 6.96 } },
      { from: { [FW]: 0.5, [CAPACITY]: 6.96 }, to: { [FW]: 0.6, [CAPACITY]: 7 } },
      { from: { [FW]: 0.6, [CAPACITY]: 7 }, to: { [FW]: 0.6, [CAPACITY]: 9 } },
    ],
    unsettledPoints: 2,
    note: 'the zero contour of the mean NPV difference ATO − FITD; unsettled points: 95% interval contains 0',
  },
};
