/**
 * Chart 1: the NPV per account under each strategy, overlaid, with means and
 * P10/P90 marked. Heavy right tail: the range is clipped to P1–P99 and the
 * subtitle says so.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ColorDef, PositionDef } from './spec-types.ts';
import type { NpvDistributionData } from '../stats/prepare-chart-data.ts';
import { wrapTitle } from './wrap-title.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, legendOf, nameOf, STRATEGY_LINE_LEGEND, strategyScale } from './chart-theme.ts';
import { formatMoney, formatPercent, moneyUnit, rowNumber } from './format-figures.ts';
import { binWidthText, clipNote, histogramEdges } from './histogram-rows.ts';

/** The finding: which strategy has the higher mean, and whether the gap matters next to the spread. */
export function npvDistributionTitle(data: NpvDistributionData): string {
  const { a, b } = data.pair;
  const [first, second] = [data.npv[a.key]!, data.npv[b.key]!];
  const [high, low] = first.mean >= second.mean ? [a.key, b.key] : [b.key, a.key];
  const gap = data.npv[high]!.mean - data.npv[low]!.mean;
  const means = `${formatMoney(data.npv[high]!.mean, data.currency)} vs ${formatMoney(data.npv[low]!.mean, data.currency)}`;
  if (gap < 0.05 * Math.max(Math.abs(first.mean), Math.abs(second.mean))) {
    // The means tie, so say what this chart shows that the risk profile does not: the shape, the typical account against the mean.
    const [A, B] = [nameOf(data.strategies, a.key), nameOf(data.strategies, b.key)];
    const money = (value: number) => formatMoney(value, data.currency);
    const skewed = first.p50 < 0.8 * first.mean && second.p50 < 0.8 * second.mean;
    const typical = `the median account earns ${money(first.p50)} and ${money(second.p50)}`;
    return skewed
      ? `${A} and ${B} have near-identical means (${money(first.mean)} and ${money(second.mean)}), but ${typical}: a long tail of big accounts lifts the means`
      : `${A} and ${B} give near-identical NPV distributions (mean ${money(first.mean)} and ${money(second.mean)}; ${typical})`;
  }
  const lowMean = data.npv[low]!.mean;
  if (lowMean <= 0) return `${nameOf(data.strategies, high)}'s mean NPV per account is higher (${means})`;
  const ratio = data.npv[high]!.mean / lowMean;
  const how = ratio >= 2 ? `${ratio.toFixed(1)}× ${nameOf(data.strategies, low)}'s` : `${formatPercent(gap / lowMean)} higher`;
  return `${nameOf(data.strategies, high)}'s mean NPV per account is ${how} (${means})`;
}

export function buildNpvDistributionSpec(data: NpvDistributionData): TopLevelSpec {
  const edges = data.strategies.map(({ key }) => key).flatMap((strategy) => histogramEdges(data.histograms[strategy]!, legendOf(data.strategies, strategy)));
  const markers = data.strategies.map(({ key }) => key).flatMap((strategy) => {
    const npv = data.npv[strategy]!;
    return [
      { strategy: legendOf(data.strategies, strategy), marker: 'Mean', label: 'mean', value: rowNumber(npv.mean) },
      { strategy: legendOf(data.strategies, strategy), marker: 'P10 and P90', label: 'P10', value: rowNumber(npv.p10) },
      { strategy: legendOf(data.strategies, strategy), marker: 'P10 and P90', label: 'P90', value: rowNumber(npv.p90) },
    ];
  });
  const unit = moneyUnit(data.currency);
  const x: PositionDef = { field: 'x', type: 'quantitative', title: `NPV per account (${unit})`, axis: { tickCount: 12 }, scale: { domain: [edges[0]!.x, edges[edges.length - 1]!.x], nice: false, zero: false } };
  const color: ColorDef = { field: 'strategy', type: 'nominal', title: null, scale: strategyScale(data.strategies), legend: STRATEGY_LINE_LEGEND };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(npvDistributionTitle(data)),
      subtitle: [
        `Share of accounts per ${binWidthText(data.histograms[data.pair.a.key]!.width, data.currency)} bin; lines mark each strategy's mean (solid) and P10 and P90 (dashed).`,
        clipNote(data.range, data.strategies.map(({ key }) => data.histograms[key]!)),
      ],
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: { values: edges },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5 },
        encoding: { x, y: { field: 'share', type: 'quantitative', title: 'Share of accounts', axis: { format: '.0%', tickCount: 6 }, scale: { padding: 0 } }, color },
      },
      {
        data: { values: edges },
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.12 },
        encoding: { x, y: { field: 'share', type: 'quantitative', stack: null }, color },
      },
      {
        data: { values: edges },
        transform: [{ filter: 'datum.end != null' }],
        mark: { type: 'rect', opacity: 0 },
        encoding: {
          x,
          x2: { field: 'end' },
          y: { field: 'share', type: 'quantitative' },
          y2: { datum: 0 },
          tooltip: [
            { field: 'strategy', title: 'Strategy' },
            { field: 'range', title: `NPV (${unit})` },
            { field: 'share', title: 'Share of accounts', format: '.1%' },
          ],
        },
      },
      {
        data: { values: markers },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          x: { field: 'value', type: 'quantitative' },
          color,
          strokeDash: { field: 'marker', type: 'nominal', title: null, scale: { domain: ['Mean', 'P10 and P90'], range: [[1, 0], [6, 4]] } },
          tooltip: [
            { field: 'strategy', title: 'Strategy' },
            { field: 'label', title: 'Statistic' },
            { field: 'value', title: `NPV (${unit})`, format: ',.2f' },
          ],
        },
      },
    ],
  };
}
