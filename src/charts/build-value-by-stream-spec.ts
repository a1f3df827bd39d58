/**
 * Chart 7: where the value comes from: revenue, gross margin and cost of sale
 * per stream, per strategy (means per account over the horizon,
 * undiscounted). Margin and cost side by side show which streams pay for
 * their coverage.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { HConcatView, OffsetDef, PositionDef } from './spec-types.ts';
import type { ValueByStreamData } from '../stats/prepare-chart-data.ts';
import { STREAMS, type StreamName } from '../scenario/vocabulary.ts';
import { CHART_CONFIG, legendOf, nameOf, shortName, strategyScale } from './chart-theme.ts';
import { STREAM_LABELS } from './build-stream-penetration-spec.ts';
import { formatCount, formatMoney, formatPercent, moneyUnit, rowNumber } from './format-figures.ts';
import { wrapTitle } from './wrap-title.ts';

const MEASURES = [
  { key: 'revenue', label: 'Revenue' },
  { key: 'grossMargin', label: 'Gross margin' },
  { key: 'costOfSale', label: 'Cost of sale' },
] as const;

/** The finding: the stream that earns most of the margin, and the costliest stream that does not pay for itself. */
export function valueByStreamTitle(data: ValueByStreamData): string {
  const { a, b } = data.pair;
  const margin = (s: string) => data.value[s]!.grossMargin;
  const total = (s: string) => STREAMS.reduce((sum, stream) => sum + margin(s)[stream], 0);
  const top = STREAMS.reduce((best, stream) => (margin(a.key)[stream] + margin(b.key)[stream] > margin(a.key)[best] + margin(b.key)[best] ? stream : best));
  const share = (s: string) => (total(s) > 0 ? formatPercent(margin(s)[top] / total(s)) : 'none');
  const head = `${STREAM_LABELS[top]} earns ${share(a.key)} of ${shortName(a)}'s gross margin and ${share(b.key)} of ${shortName(b)}'s`;
  let worst: { strategy: string; stream: StreamName; loss: number } | null = null;
  for (const { key: strategy } of data.strategies) {
    for (const stream of STREAMS) {
      const loss = data.value[strategy]!.costOfSale[stream] - margin(strategy)[stream];
      if (loss > 0 && (worst === null || loss > worst.loss)) worst = { strategy, stream, loss };
    }
  }
  if (worst === null) return head;
  const { strategy, stream } = worst;
  return `${head}; ${nameOf(data.strategies, strategy)}'s ${stream} costs ${formatMoney(data.value[strategy]!.costOfSale[stream], data.currency)} to earn ${formatMoney(margin(strategy)[stream], data.currency)} of margin`;
}

export function buildValueByStreamSpec(data: ValueByStreamData): TopLevelSpec {
  const unit = moneyUnit(data.currency);
  const rows = MEASURES.flatMap(({ key, label }) =>
    data.strategies.map(({ key }) => key).flatMap((strategy) =>
      STREAMS.map((stream) => ({
        measure: label,
        strategy: legendOf(data.strategies, strategy),
        stream: STREAM_LABELS[stream],
        value: rowNumber(data.value[strategy]![key][stream]),
        label: formatCount(data.value[strategy]![key][stream]),
      })),
    ),
  );
  const x: PositionDef = { field: 'stream', type: 'nominal', title: null, sort: STREAMS.map((s) => STREAM_LABELS[s]), axis: { labelAngle: 0 } };
  const xOffset: OffsetDef = { field: 'strategy', type: 'nominal', sort: strategyScale(data.strategies).domain };
  const panel = (measure: (typeof MEASURES)[number]): HConcatView => ({
    title: { text: measure.label, fontSize: 15, subtitle: '', offset: 8 },
    data: { values: rows.filter((row) => row.measure === measure.label) },
    width: 270,
    height: 300,
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x,
          xOffset,
          y: { field: 'value', type: 'quantitative', title: `Per account (${unit})`, stack: null },
          color: { field: 'strategy', type: 'nominal', title: null, scale: strategyScale(data.strategies) },
          tooltip: [
            { field: 'strategy', title: 'Strategy' },
            { field: 'stream', title: 'Stream' },
            { field: 'measure', title: 'Measure' },
            { field: 'value', title: `Per account (${unit})`, format: ',.2f' },
          ],
        },
      },
      {
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11 },
        encoding: { x, xOffset, y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  });
  const build = data.strategies.map((s) => `${shortName(s)} ${formatMoney(data.buildCost[s.key]!, data.currency)}`).join(', ');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(valueByStreamTitle(data)),
      subtitle: [
        `Mean per account over ${data.horizonMonths} months (${unit}, undiscounted); each panel has its own scale.`,
        `Cost of sale is coverage and pursuit per stream; the capability build cost comes on top (${build}).`,
      ],
    },
    hconcat: MEASURES.map(panel),
    spacing: 28,
  };
}
