/**
 * Chart 3: discounted cumulative cash over time, per strategy: the median
 * account's path and the P10–P90 band (a fan chart). Excludes the terminal
 * value, which the subtitle quotes, so the chart shows cash actually earned.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ColorDef, LayerSpec, PositionDef } from './spec-types.ts';
import type { CashFanData } from '../stats/prepare-chart-data.ts';
import type { FanMonth } from '../stats/summarize-cash-fan.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, legendOf, nameOf, STRATEGY_LINE_LEGEND, strategyScale } from './chart-theme.ts';
import { formatMoney, moneyUnit, rowNumber } from './format-figures.ts';
import { monthAxisTitle } from './month-axis.ts';
import { wrapTitle } from './wrap-title.ts';

/** The last month at which the leading median changed hands, or null if one led throughout. */
function lastLeadChange(firstFan: FanMonth[], secondFan: FanMonth[]): number | null {
  let change: number | null = null;
  for (let t = 1; t < firstFan.length; t++) {
    const before = Math.sign(firstFan[t - 1]!.p50 - secondFan[t - 1]!.p50);
    const now = Math.sign(firstFan[t]!.p50 - secondFan[t]!.p50);
    if (now !== 0 && before !== now) change = firstFan[t]!.month;
  }
  return change;
}

/** The finding: who ends ahead on the median path, and since when. */
export function fanChartTitle(data: CashFanData): string {
  const { a, b } = data.pair;
  const [first, second] = [data.fan[a.key]!, data.fan[b.key]!];
  const end = first.length - 1;
  if (end < 0) return 'No cash paths were kept for this run';
  const lastMonth = first[end]!.month;
  const leader = first[end]!.p50 >= second[end]!.p50 ? a.key : b.key;
  const other = leader === a.key ? b.key : a.key;
  const median = (key: string) => data.fan[key]![end]!.p50;
  const gap = `${formatMoney(median(leader), data.currency)} vs ${formatMoney(median(other), data.currency)} by month ${lastMonth}, the last`;
  const change = lastLeadChange(first, second);
  const scale = Math.max(Math.abs(first[end]!.p50), Math.abs(second[end]!.p50));
  if (median(leader) - median(other) < 0.05 * scale) {
    return `${nameOf(data.strategies, other)}'s median account catches up in cash by month ${lastMonth}, the last (${formatMoney(median(other), data.currency)} vs ${formatMoney(median(leader), data.currency)})`;
  }
  if (change === null || change === 0) return `${nameOf(data.strategies, leader)}'s median account leads in cash in every month (${gap})`;
  return `${nameOf(data.strategies, leader)}'s median account pulls ahead in cash from month ${change} (${gap})`;
}

export function buildFanChartSpec(data: CashFanData): TopLevelSpec {
  const unit = moneyUnit(data.currency);
  const rows = data.strategies.map(({ key }) => key).flatMap((strategy) =>
    data.fan[strategy]!.map((m) => ({ strategy: legendOf(data.strategies, strategy), month: m.month, p10: rowNumber(m.p10), p50: rowNumber(m.p50), p90: rowNumber(m.p90) })),
  );
  const lastMonth = rows.reduce((max, r) => Math.max(max, r.month), 0);
  const x: PositionDef = { field: 'month', type: 'quantitative', title: monthAxisTitle(lastMonth + 1), scale: { domain: [0, lastMonth], nice: false }, axis: { values: monthTicks(lastMonth) } };
  const color: ColorDef = { field: 'strategy', type: 'nominal', title: null, scale: strategyScale(data.strategies), legend: STRATEGY_LINE_LEGEND };
  const terminal =
    data.terminalValue === 'runRate'
      ? ` Excludes the terminal value (mean ${data.strategies.map(({ key }) => `${formatMoney(data.meanTerminalValue[key]!, data.currency)} ${nameOf(data.strategies, key)}`).join(', ')}).`
      : '';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(fanChartTitle(data)),
      subtitle: [
        `Discounted cumulative cash per account: median (solid) and P10–P90 band (dashed edges), over the first ${data.sampledTrials.toLocaleString('en-US')} accounts.`,
        ...(terminal ? [terminal.trim()] : []),
      ],
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: rows },
    layer: [
      // A pale fill, with each band's edges drawn in its colour: two strong fills overlap into brown.
      {
        mark: { type: 'area', opacity: 0.07 },
        encoding: {
          x,
          y: { field: 'p10', type: 'quantitative', title: `Cumulative discounted cash (${unit})` },
          y2: { field: 'p90' },
          color,
        },
      },
      ...(['p10', 'p90'] as const).map(
        (edge): LayerSpec => ({ mark: { type: 'line', strokeWidth: 1.5, strokeDash: [5, 3] }, encoding: { x, y: { field: edge, type: 'quantitative' }, color } }),
      ),
      { data: { values: [{ value: 0 }] }, mark: { type: 'rule', color: '#8c8c8c', strokeWidth: 1 }, encoding: { y: { field: 'value', type: 'quantitative' } } },
      {
        mark: { type: 'line', strokeWidth: 3 },
        encoding: { x, y: { field: 'p50', type: 'quantitative' }, color },
      },
      {
        mark: { type: 'point', opacity: 0, size: 60 },
        encoding: {
          x,
          y: { field: 'p50', type: 'quantitative' },
          tooltip: [
            { field: 'strategy', title: 'Strategy' },
            { field: 'month', title: 'Month' },
            { field: 'p10', title: `P10 (${unit})`, format: ',.2f' },
            { field: 'p50', title: `Median (${unit})`, format: ',.2f' },
            { field: 'p90', title: `P90 (${unit})`, format: ',.2f' },
          ],
        },
      },
    ],
  };
}

/** Month ticks every year (every 6 months on short horizons), plus the last month. */
export function monthTicks(lastMonth: number): number[] {
  const step = lastMonth <= 24 ? 6 : lastMonth <= 120 ? 12 : 24;
  const ticks: number[] = [];
  for (let m = 0; m <= lastMonth; m += step) ticks.push(m);
  if (lastMonth - ticks[ticks.length - 1]! >= step / 2) ticks.push(lastMonth);
  return ticks;
}
