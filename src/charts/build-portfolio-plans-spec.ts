/**
 * Portfolio NPV of the three plans: chosen per account, and the best plans
 * with every account fixed to each strategy, at the same pools: P10–P90
 * range, median and mean.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PortfolioResult } from '../portfolio/run-portfolio.ts';
import { CHART_CONFIG, CHART_WIDTH, NEUTRAL_COLOR } from './chart-theme.ts';
import { formatMoney, moneyUnit, rowNumber } from './format-figures.ts';
import { planName } from './plan-colors.ts';
import { wrapTitle } from './wrap-title.ts';

/** The finding: what choosing per account is worth over the best single-strategy plan. */
export function portfolioPlansTitle(result: PortfolioResult): string {
  const best = result.plans.fixed.reduce((a, b) => (b.mean > a.mean ? b : a));
  return `Choosing per account is worth ${formatMoney(result.plans.chosen.mean - best.mean, result.currency, true)} of expected portfolio NPV over the best all-${planName(best.strategy)} plan`;
}

export function buildPortfolioPlansSpec(result: PortfolioResult): TopLevelSpec {
  const unit = moneyUnit(result.currency);
  const plans = [
    { plan: 'chosen per account', ...result.plans.chosen },
    ...result.plans.fixed.map((fixed) => ({ ...fixed, plan: `all ${planName(fixed.strategy)}` })),
  ].map((row) => ({ plan: row.plan, mean: rowNumber(row.mean), p10: rowNumber(row.p10), p50: rowNumber(row.p50), p90: rowNumber(row.p90), pLoss: row.pLoss }));
  const y = { field: 'plan', type: 'nominal' as const, title: null, sort: plans.map((row) => row.plan) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(portfolioPlansTitle(result)),
      subtitle: ['Portfolio NPV of each plan at the same pools: bar from P10 to P90, white tick the median, black dot the mean.'],
    },
    data: { values: plans },
    width: CHART_WIDTH,
    height: plans.length * 52,
    layer: [
      { mark: { type: 'bar', height: 26, color: NEUTRAL_COLOR, opacity: 0.35 }, encoding: { y, x: { field: 'p10', type: 'quantitative', title: `Portfolio NPV (${unit})`, scale: { zero: false } }, x2: { field: 'p90' } } },
      { mark: { type: 'tick', color: 'white', thickness: 3, size: 26 }, encoding: { y, x: { field: 'p50', type: 'quantitative' } } },
      {
        mark: { type: 'point', filled: true, color: '#1a1a1a', size: 90, opacity: 1 },
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative' },
          tooltip: [
            { field: 'plan', title: 'Plan' },
            { field: 'mean', title: `Mean (${unit})`, format: ',.1f' },
            { field: 'p10', title: 'P10', format: ',.1f' },
            { field: 'p90', title: 'P90', format: ',.1f' },
            { field: 'pLoss', title: 'P(loss)', format: '.1%' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
