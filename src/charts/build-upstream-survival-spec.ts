/**
 * Chart 5: time to the first upstream win, as a survival curve per strategy
 * (Kaplan–Meier, censored at the horizon): the share of accounts still
 * without an upstream win. A curve that stays near 100% is the downstream
 * trap made visible.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ColorDef, PositionDef } from './spec-types.ts';
import type { UpstreamSurvivalData } from '../stats/prepare-chart-data.ts';
import type { SurvivalStep } from '../stats/kaplan-meier.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, legendOf, nameOf, STRATEGY_LINE_LEGEND, strategyScale } from './chart-theme.ts';
import { monthTicks } from './build-fan-chart-spec.ts';
import { formatPercent, rowNumber } from './format-figures.ts';
import { monthAxisTitle } from './month-axis.ts';
import { wrapTitle } from './wrap-title.ts';

/** S(t) at every month 0 … T−1 from the Kaplan–Meier steps (a step function, so the curve can be drawn without gaps). */
export function survivalByMonth(steps: SurvivalStep[], horizonMonths: number): number[] {
  const byMonth: number[] = [];
  let survival = 1;
  let next = 0;
  for (let month = 0; month < horizonMonths; month++) {
    while (next < steps.length && steps[next]!.time <= month) survival = steps[next++]!.survival;
    byMonth.push(survival);
  }
  return byMonth;
}

/** The month S(t) first falls to 50% or below, or null if it never does. */
function medianSurvivalMonth(byMonth: number[]): number | null {
  const month = byMonth.findIndex((s) => s <= 0.5);
  return month < 0 ? null : month;
}

/** The finding: how much sooner one strategy wins upstream, or how many accounts never do. */
export function upstreamSurvivalTitle(data: UpstreamSurvivalData): string {
  const { a, b } = data.pair;
  const curves: Record<string, number[]> = Object.fromEntries([a.key, b.key].map((s) => [s, survivalByMonth(data.survival[s]!, data.horizonMonths)]));
  const medians: Record<string, number | null> = { [a.key]: medianSurvivalMonth(curves[a.key]!), [b.key]: medianSurvivalMonth(curves[b.key]!) };
  const [medianA, medianB] = [medians[a.key]!, medians[b.key]!];
  if (medianA !== null && medianB !== null && medianA !== medianB) {
    const [sooner, later] = medianA < medianB ? [a.key, b.key] : [b.key, a.key];
    return `${nameOf(data.strategies, sooner)}'s median account wins upstream ${medians[later]! - medians[sooner]!} months sooner (month ${medians[sooner]} vs ${medians[later]})`;
  }
  const last = data.horizonMonths - 1;
  const never: Record<string, number> = { [a.key]: curves[a.key]![last]!, [b.key]: curves[b.key]![last]! };
  const [trapped, other] = never[b.key]! >= never[a.key]! ? [b.key, a.key] : [a.key, b.key];
  return `The downstream trap: ${formatPercent(never[trapped]!)} of ${nameOf(data.strategies, trapped)} accounts have no upstream win by month ${last}, the last of ${data.horizonMonths} (${nameOf(data.strategies, other)}: ${formatPercent(never[other]!)})`;
}

/** Where the share axis starts: a tenth below the lowest curve (so it fills the plot), or 0 when the curves fall that far. */
export function survivalFloor(survival: number[]): number {
  const lowest = Math.min(1, ...survival);
  const floor = Math.floor((lowest - 0.05) * 10) / 10;
  return floor <= 0.2 ? 0 : floor;
}

export function buildUpstreamSurvivalSpec(data: UpstreamSurvivalData): TopLevelSpec {
  const last = data.horizonMonths - 1;
  const rows = data.strategies.map(({ key }) => key).flatMap((strategy) =>
    survivalByMonth(data.survival[strategy]!, data.horizonMonths).map((survival, month) => ({ strategy: legendOf(data.strategies, strategy), month, survival: rowNumber(survival) })),
  );
  const ends = data.strategies.map(({ key }) => key).map((strategy) => {
    const survival = rows.find((r) => r.strategy === legendOf(data.strategies, strategy) && r.month === last)!.survival;
    return { strategy: legendOf(data.strategies, strategy), month: last, survival, label: `${nameOf(data.strategies, strategy)}: ${formatPercent(survival)} without` };
  });
  const floor = survivalFloor(rows.map((r) => r.survival));
  const x: PositionDef = { field: 'month', type: 'quantitative', title: monthAxisTitle(data.horizonMonths), scale: { domain: [0, last], nice: false }, axis: { values: monthTicks(last) } };
  const color: ColorDef = { field: 'strategy', type: 'nominal', title: null, scale: strategyScale(data.strategies), legend: STRATEGY_LINE_LEGEND };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(upstreamSurvivalTitle(data)),
      subtitle: [`Share of accounts without an upstream win yet, by month (Kaplan–Meier; accounts without one are censored at month ${last}, the last).`],
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 3, interpolate: 'step-after' },
        encoding: {
          x,
          y: { field: 'survival', type: 'quantitative', title: floor > 0 ? `Accounts without an upstream win (axis from ${formatPercent(floor)})` : 'Accounts without an upstream win', axis: { format: '.0%', tickCount: 6 }, scale: { domain: [floor, 1] } },
          color,
        },
      },
      {
        data: { values: rows },
        mark: { type: 'point', opacity: 0, size: 60 },
        encoding: {
          x,
          y: { field: 'survival', type: 'quantitative' },
          tooltip: [
            { field: 'strategy', title: 'Strategy' },
            { field: 'month', title: 'Month' },
            { field: 'survival', title: 'Without an upstream win', format: '.1%' },
          ],
        },
      },
      {
        data: { values: ends },
        mark: { type: 'text', align: 'right', baseline: 'top', dy: 8, fontSize: 14, fontWeight: 'bold' },
        encoding: { x, y: { field: 'survival', type: 'quantitative' }, text: { field: 'label' }, color },
      },
    ],
  };
}
