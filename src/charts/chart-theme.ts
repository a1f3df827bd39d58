/**
 * The look shared by every chart: one colour per strategy (the same in every
 * chart, colour-blind safe: Okabe–Ito blue and vermillion), DejaVu Sans (the
 * font the PNGs are rendered with), and sizes readable on a slide.
 */
import type { Config } from 'vega-lite';
import { DEFAULT_PAIR, DEFAULT_PLAN_LOOKS, STRATEGIES, type StrategyName } from '../scenario/vocabulary.ts';

const looks = (read: (look: (typeof DEFAULT_PLAN_LOOKS)[StrategyName]) => string) =>
  Object.fromEntries(STRATEGIES.map((key) => [key, read(DEFAULT_PLAN_LOOKS[key])])) as Record<StrategyName, string>;

/** How each default plan is named in legends. */
export const STRATEGY_LABELS = looks((look) => look.legend);

export const STRATEGY_SHORT_NAMES = looks((look) => look.short);

export const STRATEGY_COLORS = looks((look) => look.color);

/** The short names of the default pair, in titles and readings of charts that always compare it. */
export const DEFAULT_PAIR_NAMES = DEFAULT_PAIR.map((key) => STRATEGY_SHORT_NAMES[key]) as [string, string];

/** Colours of the plans beyond the default ones, in the scenario's order: the rest of the Okabe–Ito palette. */
export const OTHER_STRATEGY_COLORS = ['#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const;

/** A strategy as charts name it: its key and the label the scenario gives it. */
export interface ChartStrategy {
  key: string;
  label: string;
}

/** The legend name of a strategy: a default plan's spelled out, any other plan's label. */
export function legendName(strategy: ChartStrategy): string {
  return (STRATEGY_LABELS as Record<string, string>)[strategy.key] ?? strategy.label;
}

/** The short name of a strategy in titles: a default plan's, or the plan's label. */
export function shortName(strategy: ChartStrategy): string {
  return (STRATEGY_SHORT_NAMES as Record<string, string>)[strategy.key] ?? strategy.label;
}

/** The fixed colour of a strategy: a default plan's own, the others by their place among the other plans. */
export function strategyColor(strategy: ChartStrategy, others: readonly string[]): string {
  const fixed = (STRATEGY_COLORS as Record<string, string>)[strategy.key];
  return fixed ?? OTHER_STRATEGY_COLORS[Math.max(0, others.indexOf(strategy.key)) % OTHER_STRATEGY_COLORS.length]!;
}

/** The legend name of the strategy `key` among `strategies`. */
export function legendOf(strategies: readonly ChartStrategy[], key: string): string {
  return legendName(strategies.find((strategy) => strategy.key === key) ?? { key, label: key });
}

/** The short name of the strategy `key` among `strategies`. */
export function nameOf(strategies: readonly ChartStrategy[], key: string): string {
  return shortName(strategies.find((strategy) => strategy.key === key) ?? { key, label: key });
}

/** The colour scale of a chart coloured by these strategies (legend names → fixed colours). */
export function strategyScale(strategies: readonly ChartStrategy[]): { domain: string[]; range: string[] } {
  const others = strategies.map((strategy) => strategy.key).filter((key) => !(key in STRATEGY_COLORS));
  return { domain: strategies.map(legendName), range: strategies.map((strategy) => strategyColor(strategy, others)) };
}

/** The colours of a compared pair as every chart of the run colours them (a further plan's colour depends on all the run's plans). */
export function pairColors(strategies: readonly ChartStrategy[], pair: { a: ChartStrategy; b: ChartStrategy }): [string, string] {
  const others = strategies.map((strategy) => strategy.key).filter((key) => !(key in STRATEGY_COLORS));
  return [strategyColor(pair.a, others), strategyColor(pair.b, others)];
}

const COLOR_NAMES: Record<string, string> = {
  '#0072B2': 'blue',
  '#D55E00': 'orange',
  '#009E73': 'green',
  '#CC79A7': 'pink',
  '#E69F00': 'amber',
  '#56B4E9': 'sky blue',
  '#F0E442': 'yellow',
  '#000000': 'black',
};

/** A chart colour in words, for the sentences that say how to read a chart. */
export function colorName(color: string): string {
  return COLOR_NAMES[color] ?? color;
}

/** The colour scale of every chart coloured by the default plans. */
export const STRATEGY_SCALE = {
  domain: STRATEGIES.map((key) => STRATEGY_LABELS[key]),
  range: STRATEGIES.map((key) => STRATEGY_COLORS[key]),
};

/** Legend of a colour encoding drawn with lines: line symbols, whatever the layers' marks. */
export const STRATEGY_LINE_LEGEND = { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1, symbolSize: 300 } as const;

/** Font family of every chart; the PNG renderer loads exactly this font. */
export const CHART_FONT = 'DejaVu Sans';

/** Plot area of a single-panel chart, px (before the 2× PNG scale). */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 380;

export const NEUTRAL_COLOR = '#4d4d4d';
export const GRID_COLOR = '#e4e4e4';

/** Space between legends side by side (vega's legend layout, passed through but not typed by vega-lite). */
const LEGEND_LAYOUT = { layout: { top: { anchor: 'start', direction: 'horizontal', margin: 36 } } } as unknown as NonNullable<Config['legend']>;

/** Vega-lite config of every chart. */
export const CHART_CONFIG: Config = {
  background: 'white',
  padding: { left: 16, right: 24, top: 16, bottom: 16 },
  font: CHART_FONT,
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: 20,
    fontWeight: 'bold',
    color: '#1a1a1a',
    subtitleFontSize: 14,
    subtitleColor: '#555555',
    subtitlePadding: 6,
    offset: 16,
    limit: 0,
  },
  axis: {
    labelFontSize: 13,
    titleFontSize: 14,
    titleFontWeight: 'normal',
    titleColor: '#333333',
    labelColor: '#333333',
    gridColor: GRID_COLOR,
    domainColor: '#8c8c8c',
    tickColor: '#8c8c8c',
    titlePadding: 10,
    labelLimit: 260,
  },
  legend: {
    ...LEGEND_LAYOUT,
    orient: 'top',
    direction: 'horizontal',
    labelFontSize: 14,
    titleFontSize: 14,
    titleFontWeight: 'normal',
    symbolSize: 180,
    symbolStrokeWidth: 3,
    columnPadding: 24,
    labelLimit: 320,
  },
  header: { labelFontSize: 15, labelFontWeight: 'bold', titleFontSize: 15, labelColor: '#333333' },
  text: { fontSize: 13 },
};
