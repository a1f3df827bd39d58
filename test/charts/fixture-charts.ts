/**
 * Every chart built from the fixture that has its data: the run report's
 * charts on CHART_DATA, each sweep chart on its kind of sweep. Shared by the
 * golden, compile and render tests.
 */
import type { TopLevelSpec } from 'vega-lite';
import { REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { SWEEP_CHARTS } from '../../src/charts/sweep-chart-registry.ts';
import { CHART_DATA } from './chart-fixtures.ts';
import { SWEEP_LINE, SWEEP_MAP } from './sweep-fixtures.ts';

export interface FixtureChart {
  name: string;
  build: () => TopLevelSpec;
  /** The same chart built from a deep copy of its data (for purity checks). */
  rebuild: () => TopLevelSpec;
}

const sweepFixture = { 'sweep-line': SWEEP_LINE, 'sweep-map': SWEEP_MAP } as const;

export const FIXTURE_CHARTS: FixtureChart[] = [
  ...REPORT_CHARTS.map((c) => ({ name: c.name, build: () => c.build(CHART_DATA)!, rebuild: () => c.build(structuredClone(CHART_DATA))! })),
  ...SWEEP_CHARTS.map((c) => {
    const result = sweepFixture[c.name as keyof typeof sweepFixture];
    return { name: c.name, build: () => c.build(result)!, rebuild: () => c.build(structuredClone(result))! };
  }),
];
