/**
 * Chart 4: how far each strategy gets into each stream: per month, the share
 * of accounts covering the stream and the share that have won a deal in it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StreamPenetrationData } from '../stats/prepare-chart-data.ts';
import { STREAMS } from '../scenario/vocabulary.ts';
import { CHART_CONFIG, legendOf, nameOf, shortName, STRATEGY_LINE_LEGEND, strategyScale } from './chart-theme.ts';
import { monthTicks } from './build-fan-chart-spec.ts';
import { formatPercent, rowNumber } from './format-figures.ts';
import { monthAxisTitle } from './month-axis.ts';
import { wrapTitle } from './wrap-title.ts';

export const STREAM_LABELS = { downstream: 'Downstream', midstream: 'Midstream', upstream: 'Upstream' } as const;
const COVERING = 'Covering the stream';
const WON = 'Won a deal in it (still a customer)';

/** The finding: upstream coverage and wins at the horizon, the pair's first strategy vs its second. */
export function streamPenetrationTitle(data: StreamPenetrationData): string {
  const last = data.horizonMonths - 1;
  const { a, b } = data.pair;
  const [first, second] = [data.penetration[a.key]!, data.penetration[b.key]!];
  const share = (values: number[]) => formatPercent(values[last]!);
  return `${shortName(a)} covers upstream in ${share(first.upstream.active)} of accounts by month ${last}, the last, ${shortName(b)} in ${share(second.upstream.active)}; ${share(first.upstream.won)} vs ${share(second.upstream.won)} have won there and are still customers`;
}

export function buildStreamPenetrationSpec(data: StreamPenetrationData): TopLevelSpec {
  const rows = data.strategies.map(({ key }) => key).flatMap((strategy) =>
    STREAMS.flatMap((stream) => {
      const { active, won } = data.penetration[strategy]![stream];
      return active.map((share, month) => ({
        strategy: legendOf(data.strategies, strategy),
        stream: STREAM_LABELS[stream],
        month,
        [COVERING]: rowNumber(share),
        [WON]: rowNumber(won[month]!),
      }));
    }),
  );
  const last = data.horizonMonths - 1;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(streamPenetrationTitle(data)),
      subtitle: [
        'Share of accounts, by month, that cover each stream (solid: opened and ramped up) and that have won a deal in it (dashed); a churned account leaves both lines.',
        `Upstream wins by the horizon, churned accounts included (as in the table): ${data.strategies.map((s) => `${shortName(s)} ${formatPercent(data.upstreamWinShare[s.key] ?? 0)}`).join(', ')}.`,
      ],
    },
    data: { values: rows },
    transform: [{ fold: [COVERING, WON], as: ['measure', 'share'] }],
    facet: { column: { field: 'stream', type: 'nominal', title: null, sort: STREAMS.map((s) => STREAM_LABELS[s]), header: { labelAnchor: 'start', labelPadding: 8 } } },
    spacing: 24,
    spec: {
      width: 248,
      height: 330,
      mark: { type: 'line', strokeWidth: 2.5 },
      encoding: {
        x: { field: 'month', type: 'quantitative', title: monthAxisTitle(data.horizonMonths), scale: { domain: [0, last], nice: false }, axis: { values: monthTicks(last).filter((m, i, all) => i % 2 === 0 || m === all[all.length - 1]) } },
        y: { field: 'share', type: 'quantitative', title: 'Share of accounts', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
        color: { field: 'strategy', type: 'nominal', title: null, scale: strategyScale(data.strategies), legend: STRATEGY_LINE_LEGEND },
        strokeDash: { field: 'measure', type: 'nominal', title: null, scale: { domain: [COVERING, WON], range: [[1, 0], [6, 4]] }, legend: { symbolStrokeWidth: 3, symbolSize: 300 } },
        tooltip: [
          { field: 'strategy', title: 'Strategy' },
          { field: 'stream', title: 'Stream' },
          { field: 'measure', title: 'Measure' },
          { field: 'month', title: 'Month' },
          { field: 'share', title: 'Share of accounts', format: '.1%' },
        ],
      },
    },
    resolve: { axis: { y: 'shared' } },
  };
}
