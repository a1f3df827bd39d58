/**
 * Payback: the share of accounts whose discounted cumulative cash is back
 * above zero for good, month by month, per strategy, with the median peak
 * cash need each asks the CFO to fund (median and P10–P90) beside it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RobustnessData } from '../stats/prepare-chart-data.ts';
import type { ColorDef, PositionDef } from './spec-types.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, legendOf, nameOf, STRATEGY_LINE_LEGEND, strategyScale } from './chart-theme.ts';
import { monthTicks } from './build-fan-chart-spec.ts';
import { monthAxisTitle } from './month-axis.ts';
import { formatMoney, moneyUnit, rowNumber } from './format-figures.ts';
import { wrapTitle } from './wrap-title.ts';

/** The finding: who pays back first (median month) and who needs the most cash. */
export function paybackTitle(data: RobustnessData): string {
  const cash = data.robustness.cash!;
  const parts = data.strategies.map(({ key }) => {
    const month = cash[key]!.paybackMonth.p50;
    return `${nameOf(data.strategies, key)}'s median account ${month === null ? 'is not paid back in the horizon' : `pays back in month ${month}`} and needs ${formatMoney(cash[key]!.peakCashNeed.p50, data.currency)} of cash at its deepest`;
  });
  return parts.join('; ');
}

export function buildPaybackSpec(data: RobustnessData): TopLevelSpec | null {
  const cash = data.robustness.cash;
  if (cash === null) return null;
  const last = data.horizonMonths - 1;
  const rows = data.strategies.flatMap(({ key }) =>
    cash[key]!.paidBackByMonth.map((share, month) => ({ strategy: legendOf(data.strategies, key), month, share: rowNumber(share) })),
  );
  const needs = data.strategies.map(({ key }) => {
    const { p10, p50, p90 } = cash[key]!.peakCashNeed;
    return { strategy: legendOf(data.strategies, key), p10: rowNumber(p10), p50: rowNumber(p50), p90: rowNumber(p90) };
  });
  const needY: PositionDef = { field: 'strategy', type: 'nominal', title: null, axis: null, sort: needs.map((n) => n.strategy) };
  const x: PositionDef = { field: 'month', type: 'quantitative', title: monthAxisTitle(data.horizonMonths), scale: { domain: [0, last], nice: false }, axis: { values: monthTicks(last) } };
  const color: ColorDef = { field: 'strategy', type: 'nominal', title: null, scale: strategyScale(data.strategies), legend: STRATEGY_LINE_LEGEND };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(paybackTitle(data)),
      subtitle: [
        `Share of accounts paid back: discounted cumulative cash above zero from that month to the horizon (no terminal value; ${data.robustness.cashSampledTrials.toLocaleString('en-US')} accounts sampled).`,
        'Right: the peak cash need, the deepest the cumulative cash goes below zero (dot: median, bar: P10 to P90).',
      ],
    },
    hconcat: [
      {
        width: CHART_WIDTH - 260,
        height: CHART_HEIGHT,
        data: { values: rows },
        layer: [
          {
            mark: { type: 'line', strokeWidth: 3, interpolate: 'step-after' },
            encoding: { x, y: { field: 'share', type: 'quantitative', title: 'Accounts paid back', axis: { format: '.0%' }, scale: { domain: [0, 1] } }, color },
          },
          {
            mark: { type: 'point', opacity: 0, size: 60 },
            encoding: {
              x,
              y: { field: 'share', type: 'quantitative' },
              tooltip: [
                { field: 'strategy', title: 'Strategy' },
                { field: 'month', title: 'Month' },
                { field: 'share', title: 'Paid back', format: '.1%' },
              ],
            },
          },
        ],
      },
      {
        width: 220,
        height: { step: 48 },
        data: { values: needs },
        layer: [
          { mark: { type: 'rule', strokeWidth: 3 }, encoding: { y: needY, x: { field: 'p10', type: 'quantitative', title: `Peak cash need per account (${moneyUnit(data.currency)})` }, x2: { field: 'p90' }, color } },
          {
            mark: { type: 'point', filled: true, size: 110 },
            encoding: {
              y: needY,
              x: { field: 'p50', type: 'quantitative' },
              color,
              tooltip: [
                { field: 'strategy', title: 'Strategy' },
                { field: 'p10', title: 'P10', format: '.3f' },
                { field: 'p50', title: 'Median', format: '.3f' },
                { field: 'p90', title: 'P90', format: '.3f' },
              ],
            },
          },
        ],
      },
    ],
  };
}
