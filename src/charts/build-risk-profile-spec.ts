/**
 * Chart 8: the risk profile a finance reviewer reads: both NPV CDFs on one
 * chart. Where one curve lies to the right of the other at every height, that
 * strategy's NPV is higher at every percentile.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ColorDef, PositionDef } from './spec-types.ts';
import type { NpvCdfData } from '../stats/prepare-chart-data.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, legendOf, nameOf, shortName, STRATEGY_LINE_LEGEND, strategyScale } from './chart-theme.ts';
import { formatMoney, formatPercent, moneyUnit, rowNumber } from './format-figures.ts';
import { wrapTitle } from './wrap-title.ts';

/** Percentile label: 0.2 → "P20". */
function percentile(p: number): string {
  return `P${Math.round(p * 100)}`;
}

/**
 * The finding, read at P10 (downside) and P90 (upside): near-identical
 * profiles, one strategy ahead at every percentile, or a trade-off.
 */
export function riskProfileTitle(data: NpvCdfData): string {
  const { a, b } = data.pair;
  const [A, B] = [shortName(a), shortName(b)];
  const [first, second] = [data.npv[a.key]!, data.npv[b.key]!];
  const spread = Math.max(first.p90 - first.p10, second.p90 - second.p10);
  const money = (value: number) => formatMoney(value, data.currency);
  const at = (label: 'P10' | 'P90', key: 'p10' | 'p90') => `${label} ${money(first[key])} vs ${money(second[key])}`;
  const downside = first.p10 - second.p10;
  const upside = first.p90 - second.p90;
  if (Math.abs(downside) <= 0.05 * spread && Math.abs(upside) <= 0.05 * spread) {
    // P10 and P90 tie; the left tail, what this chart is for, may not.
    const [lossA, lossB] = [data.pLoss[a.key] ?? 0, data.pLoss[b.key] ?? 0];
    if (Math.abs(lossA - lossB) >= 0.01 && Math.max(lossA, lossB) >= 2 * Math.min(lossA, lossB)) {
      const [riskier, safer] = lossA > lossB ? [A, B] : [B, A];
      return `${riskier} loses money on ${formatPercent(Math.max(lossA, lossB), 1)} of accounts, ${safer} on ${formatPercent(Math.min(lossA, lossB), 1)}; from P10 up the two are near-identical (${at('P10', 'p10')})`;
    }
    return `${A} and ${B} carry near-identical NPV risk (${A} vs ${B}: ${at('P10', 'p10')}, ${at('P90', 'p90')})`;
  }
  const lead = data.cdf[a.key]!.map((point, i) => Math.sign(point.value - data.cdf[b.key]![i]!.value));
  const range = `${percentile(data.range.lowerQuantile)} to ${percentile(data.range.upperQuantile)}`;
  if (lead.every((l) => l >= 0)) return `${A}'s NPV is at least as high as ${B}'s at every percentile (${range})`;
  if (lead.every((l) => l <= 0)) return `${B}'s NPV is at least as high as ${A}'s at every percentile (${range})`;
  if (Math.sign(downside) === Math.sign(upside)) {
    return `${downside > 0 ? A : B} is ahead at both P10 and P90 (${A} vs ${B}: ${at('P10', 'p10')}, ${at('P90', 'p90')})`;
  }
  const [safer, bolder] = downside > 0 ? [A, B] : [B, A];
  return `${safer} has the better downside, ${bolder} the better upside (${A} vs ${B}: ${at('P10', 'p10')}, ${at('P90', 'p90')})`;
}

export function buildRiskProfileSpec(data: NpvCdfData): TopLevelSpec {
  const unit = moneyUnit(data.currency);
  const rows = data.strategies.map(({ key }) => key).flatMap((strategy) => data.cdf[strategy]!.map((point) => ({ strategy: legendOf(data.strategies, strategy), value: rowNumber(point.value), p: point.p })));
  const color: ColorDef = { field: 'strategy', type: 'nominal', title: null, scale: strategyScale(data.strategies), legend: STRATEGY_LINE_LEGEND };
  const x: PositionDef = { field: 'value', type: 'quantitative', title: `NPV per account (${unit})`, axis: { tickCount: 12 }, scale: { zero: false, nice: false } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(riskProfileTitle(data)),
      subtitle: [
        `Share of accounts with an NPV at or below each value (the CDF), ${percentile(data.range.lowerQuantile)} to ${percentile(data.range.upperQuantile)}; a curve further right is better at that percentile.`,
        `Accounts that lose money (NPV below zero): ${data.strategies.map((s) => `${shortName(s)} ${formatPercent(data.pLoss[s.key]!, 1)}`).join(', ')}.`,
      ],
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 3 },
        encoding: { x, y: { field: 'p', type: 'quantitative', title: 'Share of accounts at or below', axis: { format: '.0%', values: [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1] }, scale: { domain: [0, 1] } }, color },
      },
      {
        mark: { type: 'point', opacity: 0, size: 60 },
        encoding: {
          x,
          y: { field: 'p', type: 'quantitative' },
          tooltip: [
            { field: 'strategy', title: 'Strategy' },
            { field: 'p', title: 'Percentile', format: '.0%' },
            { field: 'value', title: `NPV (${unit})`, format: ',.2f' },
          ],
        },
      },
    ],
  };
}
