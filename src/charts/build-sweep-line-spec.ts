/**
 * Sweep chart, one parameter: both strategies' mean NPV with ±1.96·se bands
 * against the swept value (top), and their difference a − b with its
 * 95% CI (bottom), the break-even crossing(s) with the range where the
 * interval still contains 0 shaded, and the scenario's own value marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ColorDef, LayerSpec, PositionDef } from './spec-types.ts';
import type { SweepResult } from '../stats/sweep.ts';
import { Z_95 } from '../stats/intervals.ts';
import { CHART_CONFIG, CHART_WIDTH, legendName, NEUTRAL_COLOR, shortName, STRATEGY_LINE_LEGEND, strategyScale } from './chart-theme.ts';
import { formatMoney, moneyUnit, rowNumber } from './format-figures.ts';
import { capitalized, formatParameter, parameterDigits, parameterLabel } from './parameter-label.ts';
import { wrapTitle } from './wrap-title.ts';

const CROSSING_COLOR = '#bdbdbd';

function lineParameter(result: SweepResult) {
  const parameter = result.parameters[0];
  if (result.parameters.length !== 1 || !parameter || result.breakEven.kind !== 'line') throw new Error('a sweep line chart needs a one-parameter sweep');
  return { parameter, crossings: result.breakEven.crossings, digits: parameterDigits(parameter), label: parameterLabel(parameter.path) };
}

/** The finding: who is ahead where along the swept value, and where the lead changes hands (with its 95% range). */
export function sweepLineTitle(result: SweepResult): string {
  const { parameter, crossings, digits, label } = lineParameter(result);
  const value = (x: number) => formatParameter(x, digits);
  const range = (r: [number, number]) => `${value(r[0])}–${value(r[1])} at 95%`;
  const { a, b } = result.compared;
  const name = (key: string) => shortName(key === a.key ? a : b);
  if (crossings.length === 1) {
    const c = crossings[0]!;
    return `${name(c.below)} is ahead below ${label} ≈ ${value(c.at)} (${range(c.range)}); ${name(c.above)} above`;
  }
  if (crossings.length > 1) {
    const stretches = crossings.slice(1).map((c) => `${name(c.below)} up to ≈ ${value(c.at)}`);
    return `The lead changes hands ${crossings.length} times along ${label}: ${name(crossings[0]!.below)} ahead below ≈ ${value(crossings[0]!.at)}, ${stretches.join(', ')}, ${name(crossings[crossings.length - 1]!.above)} above`;
  }
  const means = result.points.map((p) => p.diff.mean);
  const leader = means.reduce((x, y) => x + y, 0) >= 0 ? a.key : b.key;
  const span = `${label} from ${value(Math.min(...parameter.values))} to ${value(Math.max(...parameter.values))}`;
  const unsettled = result.points.filter((p) => !p.signSettled).length;
  if (unsettled === result.points.length) return `No clear winner at any ${span}: every 95% interval of ${shortName(a)} − ${shortName(b)} contains 0`;
  const gaps = means.map(Math.abs);
  const by = `by ${formatMoney(Math.min(...gaps), result.currency)} to ${formatMoney(Math.max(...gaps), result.currency)} per account`;
  if (unsettled === 0) return `${name(leader)} is ahead at every ${span} (${by})`;
  return `${name(leader)} is ahead at every ${span} (${by}), though within noise at ${unsettled} of ${result.points.length} points`;
}

export function buildSweepLineSpec(result: SweepResult): TopLevelSpec {
  const { parameter, crossings, digits, label } = lineParameter(result);
  const unit = moneyUnit(result.currency);
  const path = parameter.path;
  const base = result.baseValues[path]!;
  const xs = parameter.values;
  const x: PositionDef = {
    field: 'x',
    type: 'quantitative',
    title: `${capitalized(label)} (${path})`,
    scale: { domain: [Math.min(...xs), Math.max(...xs)], nice: false, zero: false },
    axis: { format: '~g', ...(xs.length <= 21 ? { values: xs } : { tickCount: 10 }) },
  };
  const xBare: PositionDef = { ...x, title: null };
  const spread = (mean: number, se: number | null) => [rowNumber(mean - Z_95 * (se ?? 0)), rowNumber(mean + Z_95 * (se ?? 0))] as const;
  const strategyRows = (['a', 'b'] as const).flatMap((side) =>
    result.points.map((p) => {
      const [low, high] = spread(p[side].mean, p[side].se);
      return { x: p.values[path]!, strategy: legendName(result.compared[side]), mean: rowNumber(p[side].mean), low, high };
    }),
  );
  const diffRows = result.points.map((p) => ({
    x: p.values[path]!,
    mean: rowNumber(p.diff.mean),
    low: rowNumber(p.diff.ci95?.[0] ?? p.diff.mean),
    high: rowNumber(p.diff.ci95?.[1] ?? p.diff.mean),
    settled: p.signSettled ? 'yes' : 'no',
  }));
  const color: ColorDef = { field: 'strategy', type: 'nominal', title: null, scale: strategyScale([result.compared.a, result.compared.b]), legend: STRATEGY_LINE_LEGEND };
  const difference = `${shortName(result.compared.a)} − ${shortName(result.compared.b)}`;
  const crossingRows = crossings.map((c) => ({ from: c.range[0], to: c.range[1], at: c.at, label: `break-even ≈ ${formatParameter(c.at, digits)}` }));
  const shading: LayerSpec = {
    data: { values: crossingRows },
    mark: { type: 'rect', color: CROSSING_COLOR, opacity: 0.35 },
    encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' } },
  };
  const baseRule: LayerSpec = {
    data: { values: [{ x: base }] },
    mark: { type: 'rule', color: NEUTRAL_COLOR, strokeWidth: 2, strokeDash: [2, 3] },
    encoding: { x: { field: 'x', type: 'quantitative' } },
  };
  const baseText = `this scenario: ${formatParameter(base, digits)}`;
  const [low, high] = [Math.min(...xs), Math.max(...xs)];
  const leftHalf = base <= (low + high) / 2;
  // Drawn only inside the swept range: a mark outside it would stretch the chart to reach it.
  const baseInside = base >= low && base <= high;
  const baseLabel: LayerSpec = {
    data: { values: [{ x: base, label: baseText }] },
    mark: { type: 'text', align: leftHalf ? 'left' : 'right', dx: leftHalf ? 6 : -6, baseline: 'top', y: 4, fontSize: 13, color: NEUTRAL_COLOR },
    encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'label' } },
  };
  const baseWords = baseInside
    ? 'Dotted: this scenario.'
    : `This scenario's own value, ${formatParameter(base, digits)}, is ${base < low ? 'below' : 'above'} the swept range.`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(sweepLineTitle(result)),
      subtitle: [
        `Mean NPV per account at each value, on the same ${result.trials.toLocaleString('en-US')} accounts at every point; bands: 95% CI.`,
        `Bottom: the difference; hollow points are not settled at 95% (the interval contains 0). ${baseWords}`,
        ...(crossings.length > 0 ? [`Grey: where the break-even lies at 95% (the interval of ${difference} contains 0 there).`] : []),
      ],
    },
    vconcat: [
      {
        width: CHART_WIDTH,
        height: 250,
        layer: [
          shading,
          { data: { values: strategyRows }, mark: { type: 'area', opacity: 0.18 }, encoding: { x: xBare, y: { field: 'low', type: 'quantitative', title: `Mean NPV (${unit})`, scale: { zero: false } }, y2: { field: 'high' }, color } },
          ...(baseInside ? [baseRule, baseLabel] : []),
          { data: { values: strategyRows }, mark: { type: 'line', strokeWidth: 3, point: { size: 50, filled: true } }, encoding: { x: xBare, y: { field: 'mean', type: 'quantitative' }, color } },
          {
            data: { values: strategyRows },
            mark: { type: 'point', opacity: 0, size: 80 },
            encoding: {
              x: xBare,
              y: { field: 'mean', type: 'quantitative' },
              tooltip: [
                { field: 'strategy', title: 'Strategy' },
                { field: 'x', title: capitalized(label) },
                { field: 'mean', title: `Mean NPV (${unit})`, format: ',.3f' },
                { field: 'low', title: '95% CI from', format: ',.3f' },
                { field: 'high', title: '95% CI to', format: ',.3f' },
              ],
            },
          },
        ],
      },
      {
        width: CHART_WIDTH,
        height: 210,
        layer: [
          shading,
          { data: { values: diffRows }, mark: { type: 'area', color: NEUTRAL_COLOR, opacity: 0.2 }, encoding: { x, y: { field: 'low', type: 'quantitative', title: `${difference} (${unit})` }, y2: { field: 'high' } } },
          { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: 'black', strokeWidth: 1.5 }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
          ...(baseInside ? [baseRule] : []),
          { data: { values: crossingRows }, mark: { type: 'rule', color: '#1a1a1a', strokeWidth: 2, strokeDash: [6, 3] }, encoding: { x: { field: 'at', type: 'quantitative' } } },
          {
            data: { values: crossingRows },
            mark: { type: 'text', align: 'left', dx: 6, baseline: 'top', y: 4, fontSize: 13, fontWeight: 'bold', color: '#1a1a1a' },
            encoding: { x: { field: 'at', type: 'quantitative' }, text: { field: 'label' } },
          },
          { data: { values: diffRows }, mark: { type: 'line', color: '#1a1a1a', strokeWidth: 2.5 }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
          {
            data: { values: diffRows },
            mark: { type: 'point', size: 70, strokeWidth: 2, color: '#1a1a1a', opacity: 1 },
            encoding: {
              x,
              y: { field: 'mean', type: 'quantitative' },
              fill: { field: 'settled', type: 'nominal', scale: { domain: ['yes', 'no'], range: ['#1a1a1a', 'white'] }, legend: null },
              fillOpacity: { value: 1 },
              tooltip: [
                { field: 'x', title: capitalized(label) },
                { field: 'mean', title: `${difference} (${unit})`, format: '+,.3f' },
                { field: 'low', title: '95% CI from', format: '+,.3f' },
                { field: 'high', title: '95% CI to', format: '+,.3f' },
                { field: 'settled', title: 'Sign settled at 95%' },
              ],
            },
          },
        ],
      },
    ],
    spacing: 20,
  };
}
