/**
 * The sweep report's charts: the line chart for a one-parameter sweep, the
 * map for a two-parameter one (each entry builds null for the other kind).
 */
import type { SweepResult } from '../stats/sweep.ts';
import type { ChartEntry } from './chart-registry.ts';
import { DEFAULT_PAIR_NAMES } from './chart-theme.ts';
import { buildSweepLineSpec } from './build-sweep-line-spec.ts';
import { buildSweepMapSpec } from './build-sweep-map-spec.ts';

const [A, B] = DEFAULT_PAIR_NAMES;

export const SWEEP_CHARTS: readonly ChartEntry<SweepResult>[] = [
  {
    name: 'sweep-line',
    heading: 'Where does the decision flip?',
    reading:
      `Top: each strategy's mean NPV at every value of the swept parameter, with 95% bands; bottom: their difference ${A} − ${B}, above zero where ${A} is ahead. The grey stretch is where the break-even lies at 95%, and the dotted line is the scenario as written.`,
    build: (result) => (result.breakEven.kind === 'line' ? buildSweepLineSpec(result) : null),
  },
  {
    name: 'sweep-map',
    heading: 'Where does the decision flip?',
    reading:
      `Each cell is one combination of the two swept values, coloured by how much more ${A} (blue) or ${B} (orange) earns per account; the black line is the break-even, dashed cells are too close to call at 95%, and the ring is the scenario as written.`,
    build: (result) => (result.breakEven.kind === 'map' ? buildSweepMapSpec(result) : null),
  },
];
