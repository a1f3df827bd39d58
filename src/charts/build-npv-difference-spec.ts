/**
 * Chart 2: the paired difference a − b of the compared pair per account (both strategies ran
 * on the same accounts): its distribution, the zero line, the mean and its
 * 95% interval. Bars right of zero are accounts where a did better.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LayerSpec, PositionDef } from './spec-types.ts';
import { roundEdge } from '../stats/bin-histogram.ts';
import type { NpvDifferenceData } from '../stats/prepare-chart-data.ts';
import { wrapTitle } from './wrap-title.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, NEUTRAL_COLOR, pairColors, shortName, type ChartStrategy } from './chart-theme.ts';
import { formatMoney, formatPercent, moneyUnit, rowNumber } from './format-figures.ts';
import { binWidthText, clipNote } from './histogram-rows.ts';

/** The pair's short names. */
function names(data: NpvDifferenceData): [string, string] {
  return [shortName(data.pair.a), shortName(data.pair.b)];
}

/** The finding: the mean gap with its interval, and how often each strategy wins account by account. */
export function npvDifferenceTitle(data: NpvDifferenceData): string {
  const { mean, ci95, pBetter, pTie } = data;
  const pOtherBetter = 1 - pBetter - pTie;
  const [a, b] = names(data);
  const money = (value: number) => formatMoney(Math.abs(value), data.currency);
  if (ci95 !== null && ci95[0] <= 0 && ci95[1] >= 0) {
    return `No clear NPV winner: ${a} − ${b} averages ${formatMoney(mean, data.currency, true)} (95% CI ${formatMoney(ci95[0], data.currency)} to ${formatMoney(ci95[1], data.currency)})`;
  }
  const [leader, other, leaderShare] = mean >= 0 ? [a, b, pBetter] : [b, a, pOtherBetter];
  if (data.allPlans) return manyPlansTitle(data, data.allPlans, mean >= 0 ? data.pair.a : data.pair.b, other);
  const lead = `${leader} beats ${other} by ${money(mean)} per account on average`;
  return leaderShare >= 0.5
    ? `${lead}, and in ${formatPercent(leaderShare)} of accounts`
    : `${lead}, yet ${other} does better in ${formatPercent(1 - leaderShare - pTie)} of accounts`;
}

/**
 * With more than two plans, the pair's finding among all of them: "Beachhead
 * beats Hold by $0.50M per account and is the best plan on 22% of accounts",
 * and which plan has the best mean when it is another.
 */
function manyPlansTitle(data: NpvDifferenceData, all: NonNullable<NpvDifferenceData['allPlans']>, leader: ChartStrategy, other: string): string {
  const best = data.strategies.reduce((top, strategy) => ((all.meanNpv[strategy.key] ?? -Infinity) > (all.meanNpv[top.key] ?? -Infinity) ? strategy : top));
  const share = all.pBest[leader.key]?.p ?? 0;
  const finding = `${shortName(leader)} beats ${other} by ${formatMoney(Math.abs(data.mean), data.currency)} per account and is the best plan on ${formatPercent(share)} of accounts`;
  if (best.key === leader.key) return `${finding}, the best mean NPV of the ${data.strategies.length} plans`;
  return `${finding}; ${shortName(best)} has the best mean NPV of the ${data.strategies.length} (${formatMoney(all.meanNpv[best.key] ?? 0, data.currency)})`;
}

export function buildNpvDifferenceSpec(data: NpvDifferenceData): TopLevelSpec {
  const { histogram } = data;
  const unit = moneyUnit(data.currency);
  const [a, b] = names(data);
  const [aBetter, bBetter] = [`${a} better`, `${b} better`];
  const bins = histogram.counts.map((count, i) => {
    const start = roundEdge(histogram.start + i * histogram.width);
    const end = roundEdge(histogram.start + (i + 1) * histogram.width);
    return { start, end, share: rowNumber(count / histogram.total), side: end <= 0 ? bBetter : aBetter, range: `${start} to ${end}` };
  });
  const markers = [{ value: rowNumber(data.mean), label: `mean ${formatMoney(data.mean, data.currency, true)}` }];
  const x: PositionDef = {
    field: 'start',
    type: 'quantitative',
    title: `NPV difference per account, ${a} − ${b} (${unit})`,
    axis: { tickCount: 12 },
    scale: { domain: [bins[0]!.start, bins[bins.length - 1]!.end], nice: false, zero: false },
  };
  const ciText = data.ci95 === null ? '' : '; below, the mean and its 95% CI on a zoomed scale';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(npvDifferenceTitle(data)),
      subtitle: [
        `Same accounts under both strategies; share of accounts per ${binWidthText(histogram.width, data.currency)} bin. Dashed: the mean${ciText}.`,
        clipNote(data.range, [histogram]),
      ],
    },
    vconcat: [
      {
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        layer: [
          {
            data: { values: bins },
            mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
            encoding: {
              x,
              x2: { field: 'end' },
              y: { field: 'share', type: 'quantitative', title: 'Share of accounts', axis: { format: '.0%', tickCount: 6 }, scale: { padding: 0, zero: true } },
              y2: { datum: 0 },
              color: { field: 'side', type: 'nominal', title: null, scale: { domain: [aBetter, bBetter], range: pairColors(data.strategies, data.pair) } },
              tooltip: [
                { field: 'range', title: `${a} − ${b} (${unit})` },
                { field: 'share', title: 'Share of accounts', format: '.1%' },
              ],
            },
          },
          { data: { values: [{ value: 0 }] }, mark: { type: 'rule', color: 'black', strokeWidth: 1.5 }, encoding: { x: { field: 'value', type: 'quantitative' } } },
          {
            data: { values: markers },
            mark: { type: 'rule', color: NEUTRAL_COLOR, strokeWidth: 2.5, strokeDash: [6, 3] },
            encoding: { x: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'label', title: 'Statistic' }] },
          },
          {
            data: { values: markers },
            mark: { type: 'text', align: 'left', baseline: 'top', dx: 6, y: 6, fontSize: 14, fontWeight: 'bold', color: NEUTRAL_COLOR },
            encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
      ...(data.ci95 === null ? [] : [intervalStrip(data, data.ci95)]),
    ],
  };
}

/**
 * The mean and its 95% CI on a scale of their own, with zero: on the
 * histogram's scale (accounts differ by millions) an interval of a few
 * hundred thousand is a hairline.
 */
function intervalStrip(data: NpvDifferenceData, ci95: [number, number]): LayerSpec {
  const [a, b] = names(data);
  const width = ci95[1] - ci95[0];
  // Zero is kept on the scale unless it would shrink the interval to a sliver again.
  const withZero = Math.min(Math.abs(ci95[0]), Math.abs(ci95[1])) <= 3 * width || (ci95[0] <= 0 && ci95[1] >= 0);
  const low = withZero ? Math.min(0, ci95[0]) : ci95[0];
  const high = withZero ? Math.max(0, ci95[1]) : ci95[1];
  const pad = 0.3 * (high - low || Math.abs(data.mean) || 0.1);
  const zeroNote = withZero ? '' : `; 0 lies ${ci95[0] > 0 ? 'left' : 'right'} of this scale`;
  const point = { mean: rowNumber(data.mean), low: rowNumber(ci95[0]), high: rowNumber(ci95[1]), row: '95% CI', label: `mean ${formatMoney(data.mean, data.currency, true)}, 95% CI ${formatMoney(ci95[0], data.currency, true)} to ${formatMoney(ci95[1], data.currency, true)}` };
  const x: PositionDef = {
    field: 'mean',
    type: 'quantitative',
    title: `Mean ${a} − ${b} and its 95% CI, zoomed (${moneyUnit(data.currency)})${zeroNote}`,
    scale: { domain: [rowNumber(low - pad), rowNumber(high + pad)], nice: false, zero: false },
    axis: { tickCount: 6 },
  };
  const y: PositionDef = { field: 'row', type: 'nominal', title: null, axis: null };
  return {
    width: CHART_WIDTH,
    height: 56,
    data: { values: [point] },
    layer: [
      ...(withZero ? [{ data: { values: [{ mean: 0 }] }, mark: { type: 'rule', color: 'black', strokeWidth: 1.5 }, encoding: { x } } as LayerSpec] : []),
      { mark: { type: 'rule', color: NEUTRAL_COLOR, strokeWidth: 3 }, encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, y } },
      { mark: { type: 'tick', color: NEUTRAL_COLOR, thickness: 3, size: 18 }, encoding: { x: { ...x, field: 'low' }, y } },
      { mark: { type: 'tick', color: NEUTRAL_COLOR, thickness: 3, size: 18 }, encoding: { x: { ...x, field: 'high' }, y } },
      {
        mark: { type: 'point', filled: true, size: 90, color: NEUTRAL_COLOR },
        encoding: { x, y, tooltip: [{ field: 'label', title: 'Mean difference' }] },
      },
      { mark: { type: 'text', baseline: 'bottom', dy: -12, fontSize: 13, color: NEUTRAL_COLOR }, encoding: { x, y, text: { field: 'label' } } },
    ],
  };
}
