/**
 * The sweep report's charts: the line chart for a one-parameter sweep, the
 * map for a two-parameter one (each entry builds null for the other kind).
 */
import type { SweepResult } from '../stats/sweep.ts';
import type { ChartEntry } from './chart-registry.ts';
import { colorName, shortName, strategyScale } from './chart-theme.ts';
import { buildSweepLineSpec } from './build-sweep-line-spec.ts';
import { buildSweepMapSpec } from './build-sweep-map-spec.ts';

/** The compared pair's short names and map colours in words. */
function pairWords(result: SweepResult): { A: string; B: string; blue: string; orange: string } {
  const { a, b } = result.compared;
  const [colorA = '', colorB = ''] = strategyScale([a, b]).range;
  return { A: shortName(a), B: shortName(b), blue: colorName(colorA), orange: colorName(colorB) };
}

export const SWEEP_CHARTS: readonly ChartEntry<SweepResult>[] = [
  {
    name: 'sweep-line',
    heading: 'Where does the decision flip?',
    reading: (result) => {
      const { A, B } = pairWords(result);
      return `Top: each strategy's mean NPV at every value of the swept parameter, with 95% bands; bottom: their difference ${A} − ${B}, above zero where ${A} is ahead. The grey stretch is where the break-even lies at 95%, and the dotted line is the scenario as written.`;
    },
    build: (result) => (result.breakEven.kind === 'line' ? buildSweepLineSpec(result) : null),
  },
  {
    name: 'sweep-map',
    heading: 'Where does the decision flip?',
    reading: (result) => {
      const { A, B, blue, orange } = pairWords(result);
      return `Each cell is one combination of the two swept values, coloured by how much more ${A} (${blue}) or ${B} (${orange}) earns per account; the black line is the break-even, dashed cells are too close to call at 95%, and the ring is the scenario as written.`;
    },
    build: (result) => (result.breakEven.kind === 'map' ? buildSweepMapSpec(result) : null),
  },
];
