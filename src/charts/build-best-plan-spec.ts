/**
 * With more than two strategies: P(best), the share of accounts on which each
 * plan has the highest NPV of all, as bars in the plans' colours with their
 * 95% (Wilson) intervals, next to each plan's mean NPV.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BestPlanData } from '../stats/prepare-chart-data.ts';
import type { PositionDef } from './spec-types.ts';
import { CHART_CONFIG, CHART_WIDTH, legendName, NEUTRAL_COLOR, shortName, strategyScale } from './chart-theme.ts';
import { formatMoney, formatPercent, rowNumber } from './format-figures.ts';
import { wrapTitle } from './wrap-title.ts';

/** The finding: which plan is best on most accounts, and which has the best mean. */
export function bestPlanTitle(data: BestPlanData): string {
  const byShare = [...data.strategies].sort((x, y) => data.pBest[y.key]!.p - data.pBest[x.key]!.p);
  const byMean = [...data.strategies].sort((x, y) => data.meanNpv[y.key]! - data.meanNpv[x.key]!);
  const top = byShare[0]!;
  const best = byMean[0]!;
  const share = `${shortName(top)} is the best plan on ${formatPercent(data.pBest[top.key]!.p)} of accounts`;
  if (top.key === best.key) return `${share}, and has the best mean NPV (${formatMoney(data.meanNpv[best.key]!, data.currency)} per account)`;
  return `${share}; ${shortName(best)} has the best mean NPV (${formatMoney(data.meanNpv[best.key]!, data.currency)} per account) and is the best on ${formatPercent(data.pBest[best.key]!.p)}`;
}

export function buildBestPlanSpec(data: BestPlanData): TopLevelSpec {
  const rows = data.strategies.map((strategy) => {
    const share = data.pBest[strategy.key]!;
    return {
      strategy: legendName(strategy),
      p: rowNumber(share.p),
      low: rowNumber(share.ci95[0]),
      high: rowNumber(share.ci95[1]),
      label: `${formatPercent(share.p)} · mean NPV ${formatMoney(data.meanNpv[strategy.key]!, data.currency)}`,
    };
  });
  const y: PositionDef = { field: 'strategy', type: 'nominal', title: null, sort: rows.map((r) => r.strategy) };
  const x: PositionDef = { field: 'p', type: 'quantitative', title: 'Share of accounts on which the plan has the highest NPV', axis: { format: '.0%' }, scale: { domain: [0, 1] } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(bestPlanTitle(data)),
      subtitle: [`All ${data.strategies.length} plans on the same ${data.trials.toLocaleString('en-US')} accounts; a tie shares the account. Whiskers: 95% CI.`],
    },
    width: CHART_WIDTH,
    height: { step: 48 },
    data: { values: rows },
    layer: [
      { mark: { type: 'bar', height: { band: 0.6 } }, encoding: { y, x, color: { field: 'strategy', type: 'nominal', title: null, scale: strategyScale(data.strategies), legend: null } } },
      { mark: { type: 'rule', color: NEUTRAL_COLOR, strokeWidth: 1.5 }, encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
      { mark: { type: 'text', align: 'left', dx: 8, fontSize: 13 }, encoding: { y, x: { field: 'high', type: 'quantitative' }, text: { field: 'label' } } },
    ],
  };
}
