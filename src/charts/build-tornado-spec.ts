/**
 * Chart 9: the barrier ablation as a tornado. For each barrier, the change in
 * the mean NPV difference of the compared pair when it is removed (level → 0) and when
 * it is raised to the high level, with 95% whiskers, largest effect on top;
 * two narrow side panels show the change in each strategy's own mean NPV.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { HConcatView, LayerSpec, PositionDef } from './spec-types.ts';
import type { AblationData } from '../stats/prepare-chart-data.ts';
import { ablationPair, strategyEffect, type AblationEffect } from '../stats/barrier-ablation.ts';
import type { MeanEstimate } from '../stats/variant-statistics.ts';
import type { BarrierName } from '../scenario/vocabulary.ts';
import { CHART_CONFIG, NEUTRAL_COLOR, pairColors, shortName } from './chart-theme.ts';
import { formatMoney, moneyUnit, rowNumber } from './format-figures.ts';
import { wrapTitle } from './wrap-title.ts';

/** Barriers as a slide names them (MODEL.md §1). */
export const BARRIER_LABELS: Record<BarrierName, string> = {
  functionalWalls: 'Functional walls',
  hardwareImage: 'Hardware image',
  purchasingControl: 'Purchasing control',
  itVendorControl: 'IT vendor control',
  executiveReluctance: 'Executive reluctance',
};

/** The pair's names, colours and the two directions a change can push the choice. */
function pairLook(data: AblationData) {
  const [a, b] = [shortName(data.pair.a), shortName(data.pair.b)];
  const [colorA, colorB] = pairColors(data.strategies, data.pair);
  return { a, b, colorA, colorB, towardA: `Shifts the choice toward ${a}`, towardB: `Shifts the choice toward ${b}` };
}
const ROW_STEP = 30;

/** True when the estimate's 95% interval contains 0 (or there is none). */
function withinNoise(estimate: MeanEstimate): boolean {
  return estimate.ci95 === null || (estimate.ci95[0] <= 0 && estimate.ci95[1] >= 0);
}

/** A level without float noise or trailing zeros: 0.6, 0.9, 0. */
function level(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** The finding: which barrier the choice turns on most, and by how much either way. */
export function tornadoTitle(data: AblationData): string {
  const { ablation, currency } = data;
  const top = ablation.order[0]!;
  const entry = ablation[top];
  const money = (value: number) => formatMoney(value, currency, true);
  const name = BARRIER_LABELS[top].toLowerCase();
  if (withinNoise(entry.diff) && withinNoise(entry.high.diff)) {
    return `No barrier moves the choice beyond simulation noise; the largest shift, ${name}, is ${money(Math.abs(entry.diff.mean) >= Math.abs(entry.high.diff.mean) ? entry.diff.mean : entry.high.diff.mean)} per account`;
  }
  const { a, b } = pairLook(data);
  return `The choice turns most on ${name}: at 0 instead of ${level(entry.level)}, ${a} − ${b} moves by ${money(entry.diff.mean)} per account; at ${level(entry.high.level)}, by ${money(entry.high.diff.mean)}`;
}

/** The interaction in words: how far removing all five differs from the sum of removing each alone. */
export function interactionNote(data: AblationData): string {
  const { allRemoved, interaction } = data.ablation;
  const money = (value: number) => formatMoney(value, data.currency, true);
  const ci = interaction.diff.ci95 ? `, 95% CI ${formatMoney(interaction.diff.ci95[0], data.currency)} to ${formatMoney(interaction.diff.ci95[1], data.currency)}` : '';
  const { a, b } = pairLook(data);
  const head = `All five removed at once: ${a} − ${b} ${money(allRemoved.diff.mean)}`;
  if (withinNoise(interaction.diff)) return `${head}, about what the five single removals add up to (interaction ${money(interaction.diff.mean)}${ci}).`;
  const more = interaction.diff.mean > 0 ? 'more' : 'less';
  return `${head}, ${formatMoney(Math.abs(interaction.diff.mean), data.currency)} ${more} than the five single removals add up to (the barriers interact${ci}).`;
}

/** A row's own fields; each strategy of the pair adds its change under its key, and the change's bounds under `<key>Low` and `<key>High`. */
interface TornadoRow {
  row: string;
  barrier: string;
  change: string;
  diff: number;
  low: number;
  high: number;
  side: string;
  label: string;
  [strategyField: string]: string | number;
}

const ROW_FIELDS = new Set(['row', 'barrier', 'change', 'diff', 'low', 'high', 'side', 'label']);

/** The row fields of the pair's strategies: their keys (`ato`, `fitd`), or `a` and `b` where a key would clash with another field. */
export function tornadoFields([a, b]: readonly [string, string]): [string, string] {
  const fields = [a, b].flatMap((key) => [key, `${key}Low`, `${key}High`, `${key}Label`]);
  const clash = new Set(fields).size < fields.length || fields.some((field) => ROW_FIELDS.has(field));
  return clash ? ['a', 'b'] : [a, b];
}

function rowOf(barrier: BarrierName, change: string, effect: AblationEffect, currency: string, [a, b]: [string, string], toward: [string, string]): TornadoRow {
  const bounds = (estimate: MeanEstimate) => estimate.ci95 ?? [estimate.mean, estimate.mean];
  const first = strategyEffect(effect, a);
  const second = strategyEffect(effect, b);
  const [low, high] = bounds(effect.diff);
  const [firstLow, firstHigh] = bounds(first);
  const [secondLow, secondHigh] = bounds(second);
  const [fieldA, fieldB] = tornadoFields([a, b]);
  // The field order is the order of the chart's data rows in the spec.
  return {
    row: `${BARRIER_LABELS[barrier]} ${change}`,
    barrier: BARRIER_LABELS[barrier],
    change,
    [fieldA]: rowNumber(first.mean),
    [fieldB]: rowNumber(second.mean),
    diff: rowNumber(effect.diff.mean),
    low: rowNumber(low),
    high: rowNumber(high),
    [`${fieldA}Low`]: rowNumber(firstLow),
    [`${fieldA}High`]: rowNumber(firstHigh),
    [`${fieldB}Low`]: rowNumber(secondLow),
    [`${fieldB}High`]: rowNumber(secondHigh),
    side: effect.diff.mean >= 0 ? toward[0] : toward[1],
    label: formatMoney(effect.diff.mean, currency, true),
    [`${fieldA}Label`]: formatMoney(first.mean, currency, true),
    [`${fieldB}Label`]: formatMoney(second.mean, currency, true),
  };
}

/** Grey bands behind every other barrier, so each barrier's two rows read as a pair. */
function pairBands(rows: TornadoRow[], domain: [number, number], y: PositionDef): LayerSpec {
  const shaded = rows.filter((_, i) => Math.floor(i / 2) % 2 === 0).map((r) => ({ row: r.row }));
  return {
    data: { values: shaded },
    mark: { type: 'rect', color: '#f2f2f2' },
    encoding: { y, x: { datum: domain[0], type: 'quantitative' }, x2: { datum: domain[1] } },
  };
}

/** A symmetric-enough domain covering every bar and whisker, with room for labels on the main panel. */
function domainOf(values: number[], pad: number): [number, number] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  return [rowNumber(low - (low < 0 ? pad * span : 0)), rowNumber(high + (high > 0 ? pad * span : 0))];
}

/** A side panel's value beside its whisker: right of a gain, left of a loss. */
function sideLabel(strategy: string, align: 'left' | 'right', y: PositionDef): LayerSpec {
  const gain = align === 'left';
  return {
    transform: [{ filter: `datum.${strategy} ${gain ? '>=' : '<'} 0` }],
    mark: { type: 'text', align, dx: gain ? 4 : -4, fontSize: 11, color: '#1a1a1a' },
    encoding: { y: { ...y, axis: null }, x: { field: `${strategy}${gain ? 'High' : 'Low'}`, type: 'quantitative' }, text: { field: `${strategy}Label` } },
  };
}

function zeroRule(): LayerSpec {
  return { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: 'black', strokeWidth: 1.5 }, encoding: { x: { field: 'zero', type: 'quantitative' } } };
}

export function buildTornadoSpec(data: AblationData): TopLevelSpec {
  const { ablation, currency } = data;
  const unit = moneyUnit(currency);
  const pair = ablationPair(ablation);
  const look = pairLook(data);
  const toward: [string, string] = [look.towardA, look.towardB];
  const rows = ablation.order.flatMap((barrier) => {
    const entry = ablation[barrier];
    return [
      rowOf(barrier, `${level(entry.level)} → 0`, entry, currency, pair, toward),
      rowOf(barrier, `${level(entry.level)} → ${level(entry.high.level)}`, entry.high, currency, pair, toward),
    ];
  });
  const order = rows.map((r) => r.row);
  const y: PositionDef = { field: 'row', type: 'nominal', sort: order, title: null, scale: { paddingInner: 0, paddingOuter: 0 }, axis: { labelFontSize: 13, labelPadding: 8, ticks: false } };
  const mainDomain = domainOf(rows.flatMap((r) => [r.low, r.high]), 0.3);
  const [fieldA, fieldB] = tornadoFields(pair);
  // Room beside the whiskers for the value labels.
  const sideDomain = domainOf(rows.flatMap((r) => [fieldA, fieldB].flatMap((field) => [Number(r[`${field}Low`]), Number(r[`${field}High`])])), 0.45);
  const tooltip = [
    { field: 'row', title: 'Barrier level' },
    { field: 'diff', title: `Change in ${look.a} − ${look.b} (${unit})`, format: '+,.3f' },
    { field: 'low', title: '95% CI from', format: '+,.3f' },
    { field: 'high', title: '95% CI to', format: '+,.3f' },
    { field: fieldA, title: `Change in ${look.a} (${unit})`, format: '+,.3f' },
    { field: fieldB, title: `Change in ${look.b} (${unit})`, format: '+,.3f' },
  ];
  const endLabel = (side: string, align: 'left' | 'right', at: 'high' | 'low'): LayerSpec => ({
    transform: [{ filter: { field: 'side', equal: side } }],
    mark: { type: 'text', align, dx: align === 'left' ? 5 : -5, fontSize: 13, fontWeight: 'bold', color: '#1a1a1a' },
    encoding: { y, x: { field: at, type: 'quantitative' }, text: { field: 'label' } },
  });
  const main: HConcatView = {
    title: { text: `Change in ${look.a} − ${look.b}`, fontSize: 15, subtitle: '', offset: 8 },
    width: 430,
    height: { step: ROW_STEP },
    layer: [
      pairBands(rows, mainDomain, y),
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x: { field: 'diff', type: 'quantitative', title: `Change in mean NPV difference per account (${unit})`, scale: { domain: mainDomain, nice: false }, axis: { tickCount: 6 } },
          x2: { datum: 0 },
          color: { field: 'side', type: 'nominal', title: null, scale: { domain: toward, range: [look.colorA, look.colorB] } },
          tooltip,
        },
      },
      zeroRule(),
      { mark: { type: 'rule', color: NEUTRAL_COLOR, strokeWidth: 1.5 }, encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
      endLabel(look.towardA, 'left', 'high'),
      endLabel(look.towardB, 'right', 'low'),
    ],
  };
  const side = (strategy: string): HConcatView => ({
    title: { text: `Change in ${strategy === fieldA ? look.a : look.b}'s NPV`, fontSize: 15, subtitle: '', offset: 8 },
    width: 170,
    height: { step: ROW_STEP },
    layer: [
      pairBands(rows, sideDomain, { ...y, axis: null }),
      {
        mark: { type: 'bar', height: { band: 0.5 }, color: strategy === fieldA ? look.colorA : look.colorB, opacity: 0.85 },
        encoding: {
          y: { ...y, axis: null },
          x: { field: strategy, type: 'quantitative', title: `Mean per account (${unit})`, scale: { domain: sideDomain, nice: false }, axis: { tickCount: 4 } },
          x2: { datum: 0 },
          tooltip,
        },
      },
      zeroRule(),
      {
        mark: { type: 'rule', color: NEUTRAL_COLOR, strokeWidth: 1.2 },
        encoding: { y: { ...y, axis: null }, x: { field: `${strategy}Low`, type: 'quantitative' }, x2: { field: `${strategy}High` } },
      },
      sideLabel(strategy, 'left', y),
      sideLabel(strategy, 'right', y),
    ],
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(tornadoTitle(data)),
      subtitle: [
        `Each barrier removed (→ 0) or raised (→ ${level(ablation.highLevel)}) on the same ${ablation.trials.toLocaleString('en-US')} accounts; largest effect on top; whiskers: 95% CI.`,
        interactionNote(data),
      ],
    },
    data: { values: rows },
    hconcat: [main, side(fieldA), side(fieldB)],
    spacing: 28,
  };
}
