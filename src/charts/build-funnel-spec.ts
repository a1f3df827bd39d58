/**
 * Chart 6: the sales funnel by project type, per strategy: opportunities
 * seen → each sales stage passed → every stage passed → won (closed inside
 * the horizon, the table's deals won), as mean counts per account over the
 * horizon. Entering early is a part of "seen", drawn as the pale part of its
 * bar, not as a stage. Panels have their own scales (repurchases outnumber
 * innovation deals a hundred to one).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ConcatSpec, OffsetDef, PositionDef } from './spec-types.ts';
import type { FunnelData } from '../stats/prepare-chart-data.ts';
import { PROJECT_TYPES, type ProjectTypeName } from '../scenario/vocabulary.ts';
import { CHART_CONFIG, legendOf, nameOf, strategyScale } from './chart-theme.ts';
import { formatCount, rowNumber } from './format-figures.ts';
import { wrapTitle } from './wrap-title.ts';

export const PROJECT_TYPE_LABELS: Record<ProjectTypeName, string> = {
  repurchase: 'Repurchase',
  replacement: 'Replacement',
  expansion: 'Expansion',
  innovation: 'Innovation',
};

/** Step keys → the words on the chart's axis. */
export function funnelStepLabel(step: string): string {
  if (step === 'seen') return 'Seen';
  if (step === 'early') return 'Entered early';
  if (step === 'passed') return 'Passed every stage';
  if (step === 'won') return 'Won (closed in time)';
  const stage = /^stage(\d)$/.exec(step);
  if (stage) return `Passed stage ${stage[1]}`;
  throw new Error(`unknown funnel step ${step}`);
}

const STEP_ORDER = ['seen', 'stage1', 'stage2', 'stage3', 'stage4', 'passed', 'won'].map(funnelStepLabel);


function wonCount(data: FunnelData, strategy: string, type: ProjectTypeName): number {
  return data.funnel[strategy]![type].find((s) => s.step === 'won')?.count ?? 0;
}

/** The finding: deals won per account under each strategy, and the project type where the ratio is widest. */
export function funnelTitle(data: FunnelData): string {
  const { a, b } = data.pair;
  const total = (strategy: string) => PROJECT_TYPES.reduce((sum, type) => sum + wonCount(data, strategy, type), 0);
  const won: Record<string, number> = { [a.key]: total(a.key), [b.key]: total(b.key) };
  const [more, fewer] = won[a.key]! >= won[b.key]! ? [a.key, b.key] : [b.key, a.key];
  const count = (value: number) => (Math.max(won[a.key]!, won[b.key]!) >= 100 ? String(Math.round(value)) : formatCount(value));
  const head = `${nameOf(data.strategies, more)} wins ${count(won[more]!)} deals per account, ${nameOf(data.strategies, fewer)} ${count(won[fewer]!)}`;
  const ratios = PROJECT_TYPES.filter((type) => wonCount(data, fewer, type) > 0).map((type) => ({ type, ratio: wonCount(data, more, type) / wonCount(data, fewer, type) }));
  const widest = ratios.sort((a, b) => b.ratio - a.ratio)[0];
  if (!widest || widest.ratio < 1.5) return head;
  return `${head}; the gap is widest in ${widest.type} deals (${widest.ratio.toFixed(1)}×)`;
}

export function buildFunnelSpec(data: FunnelData): TopLevelSpec {
  const rows = data.strategies.map(({ key }) => key).flatMap((strategy) =>
    PROJECT_TYPES.flatMap((type) =>
      data.funnel[strategy]![type].map((step) => ({
        strategy: legendOf(data.strategies, strategy),
        type: PROJECT_TYPE_LABELS[type],
        // An early entry is drawn on the Seen row, as the part of the seen it is.
        step: funnelStepLabel(step.kind === 'entry' ? 'seen' : step.step),
        kind: step.kind,
        what: step.kind === 'entry' ? 'Entered early (a part of seen)' : funnelStepLabel(step.step),
        count: rowNumber(step.count),
        label: formatCount(step.count),
        shareOfSeen: step.shareOfSeen === null ? null : rowNumber(step.shareOfSeen),
      })),
    ),
  );
  const y: PositionDef = { field: 'step', type: 'ordinal', title: null, sort: STEP_ORDER };
  const yOffset: OffsetDef = { field: 'strategy', type: 'nominal', sort: strategyScale(data.strategies).domain };
  const tooltip = [
    { field: 'strategy', title: 'Strategy' },
    { field: 'type', title: 'Project type' },
    { field: 'what', title: 'Step' },
    { field: 'count', title: 'Per account', format: ',.2f' },
    { field: 'shareOfSeen', title: 'Share of seen', format: '.0%' },
  ];
  const panel = (type: ProjectTypeName): ConcatSpec => ({
    title: { text: PROJECT_TYPE_LABELS[type], fontSize: 15, subtitle: '', offset: 8 },
    data: { values: rows.filter((row) => row.type === PROJECT_TYPE_LABELS[type]) },
    width: 300,
    height: { step: 11 },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'stage'" }],
        mark: { type: 'bar' },
        encoding: {
          y,
          yOffset,
          x: { field: 'count', type: 'quantitative', title: 'Per account', axis: { tickCount: 4 }, stack: null },
          color: { field: 'strategy', type: 'nominal', title: null, scale: strategyScale(data.strategies) },
          tooltip,
        },
      },
      {
        transform: [{ filter: "datum.kind === 'entry'" }],
        mark: { type: 'bar', color: 'white', opacity: 0.45 },
        encoding: { y, yOffset, x: { field: 'count', type: 'quantitative', stack: null }, tooltip },
      },
      {
        transform: [{ filter: "datum.kind === 'stage'" }],
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 11 },
        encoding: { y, yOffset, x: { field: 'count', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(funnelTitle(data)),
      subtitle: [
        'Mean opportunities per account over the horizon at each step of the sales funnel; each panel has its own scale.',
        `Won: closed inside the ${data.horizonMonths} months, as in the table; the pale part of Seen entered early (an entry, not a stage: late entrants skip stage 1).`,
      ],
    },
    concat: PROJECT_TYPES.map(panel),
    columns: 2,
    spacing: { column: 40, row: 24 },
  };
}
