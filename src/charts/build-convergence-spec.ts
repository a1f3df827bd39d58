/**
 * Chart 11 (precision runs only): how the answer settled. The running mean
 * NPV difference of the compared pair and its 95% band against trials (log scale), the
 * target half-width drawn around the final mean, and where the run stopped.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LayerSpec, PositionDef } from './spec-types.ts';
import type { ConvergenceData } from '../stats/prepare-chart-data.ts';
import type { PrecisionSummary } from '../stats/precision-run.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, DEFAULT_PAIR_NAMES, NEUTRAL_COLOR, shortName } from './chart-theme.ts';
import { currencySymbol, formatMoney, formatPercent, moneyUnit, rowNumber } from './format-figures.ts';
import { wrapTitle } from './wrap-title.ts';

const BAND_COLOR = '#6b6b6b';
const TARGET_COLOR = '#009E73';

/** A half-width with two significant digits, so it never rounds onto the target it is compared with: ±$0.046M. */
export function formatHalfWidth(value: number, currency: string): string {
  return value >= 1 ? formatMoney(value, currency) : `${currencySymbol(currency)}${Number(value.toPrecision(2))}M`;
}

/** The half-width the target allows around `mean`, $M. */
export function allowedHalfWidth(precision: PrecisionSummary, mean: number): number {
  return precision.relative ? precision.target * Math.abs(mean) : precision.target;
}

function finalMean(precision: PrecisionSummary): number {
  return precision.convergence[precision.convergence.length - 1]?.mean ?? 0;
}

/** "±$0.10M" or "±10% of the mean (±$0.016M)". */
function targetText(data: ConvergenceData): string {
  const { precision, currency } = data;
  const allowed = formatMoney(allowedHalfWidth(precision, finalMean(precision)), currency);
  return precision.relative ? `±${formatPercent(precision.target)} of the mean (±${allowed})` : `±${allowed}`;
}

/** The finding: where the difference settled, how tightly, and whether the target was met. */
export function convergenceTitle(data: ConvergenceData): string {
  const { precision, currency } = data;
  const mean = formatMoney(finalMean(precision), currency, true);
  const reached = `±${formatHalfWidth(precision.halfWidth, currency)}`;
  const trials = precision.trialsUsed.toLocaleString('en-US');
  if (precision.stoppedBy === 'precision') {
    return `After ${trials} trials the mean difference is ${mean} ${reached}, within the ${targetText(data)} target`;
  }
  return `The ${targetText(data)} target was not reached by the ${trials}-trial ceiling: the mean difference is ${mean} ${reached}`;
}

/** 1-2-5 ticks between `first` and `last`, plus `last` when the last tick is well short of it. */
export function logTicks(first: number, last: number): number[] {
  const ticks: number[] = [];
  for (let power = 10 ** Math.floor(Math.log10(first)); power <= last; power *= 10) {
    for (const step of [1, 2, 5]) if (step * power >= first && step * power <= last) ticks.push(step * power);
  }
  if (ticks.length === 0 || last / ticks[ticks.length - 1]! > 1.5) ticks.push(last);
  return ticks;
}

export function buildConvergenceSpec(data: ConvergenceData): TopLevelSpec {
  const difference = data.pair ? `${shortName(data.pair.a)} − ${shortName(data.pair.b)}` : DEFAULT_PAIR_NAMES.join(' − ');
  const { precision, currency } = data;
  const unit = moneyUnit(currency);
  const rows = precision.convergence.map((p) => ({
    trials: p.trials,
    mean: rowNumber(p.mean),
    low: rowNumber(p.mean - p.halfWidth),
    high: rowNumber(p.mean + p.halfWidth),
    halfWidth: rowNumber(p.halfWidth),
  }));
  const first = rows[0]?.trials ?? 1;
  const last = precision.trialsUsed;
  const end = finalMean(precision);
  const allowed = allowedHalfWidth(precision, end);
  const x: PositionDef = {
    field: 'trials',
    type: 'quantitative',
    title: 'Trials run (log scale)',
    scale: { type: 'log', domain: [first, last], nice: false },
    axis: { format: ',', values: logTicks(first, last), grid: true },
  };
  const checks: number[] = [];
  precision.batches.reduce((done, batch) => (checks.push(done + batch), done + batch), 0);
  const stopLabel =
    precision.stoppedBy === 'precision'
      ? `stopped at ${last.toLocaleString('en-US')} trials: target met`
      : `stopped at the ${last.toLocaleString('en-US')}-trial ceiling`;
  const ruleAt = (values: object[], mark: object, top = 0): LayerSpec => ({
    data: { values },
    mark: { type: 'rule', ...mark },
    encoding: { x: { field: 'trials', type: 'quantitative' }, ...(top > 0 ? { y: { value: top }, y2: { value: CHART_HEIGHT } } : {}) },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(convergenceTitle(data)),
      subtitle: [
        `Running mean NPV difference ${difference} per account (line) and its 95% CI (grey band), over the first n trials.`,
        `Green band: the target, ${targetText(data)} around the final mean. Dotted: where the precision was checked (${checks.map((c) => c.toLocaleString('en-US')).join(', ')} trials).`,
      ],
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: { values: [{ low: rowNumber(end - allowed), high: rowNumber(end + allowed) }] },
        mark: { type: 'rect', color: TARGET_COLOR, opacity: 0.15 },
        encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
      },
      {
        data: { values: [{ bound: rowNumber(end - allowed) }, { bound: rowNumber(end + allowed) }] },
        mark: { type: 'rule', color: TARGET_COLOR, strokeWidth: 2, strokeDash: [8, 4] },
        encoding: { y: { field: 'bound', type: 'quantitative' } },
      },
      {
        data: { values: rows },
        mark: { type: 'area', color: BAND_COLOR, opacity: 0.25 },
        encoding: { x, y: { field: 'low', type: 'quantitative', title: `Mean NPV difference, ${difference} (${unit})` }, y2: { field: 'high' } },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: 'black', strokeWidth: 1.5 }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      ruleAt(
        checks.slice(0, -1).map((trials) => ({ trials })),
        { color: NEUTRAL_COLOR, strokeWidth: 1.5, strokeDash: [2, 3] },
        // Below the stop label, which they would otherwise cross.
        32,
      ),
      ruleAt([{ trials: last }], { color: NEUTRAL_COLOR, strokeWidth: 2.5, strokeDash: [6, 3] }),
      {
        data: { values: rows },
        mark: { type: 'line', color: '#1a1a1a', strokeWidth: 2.5 },
        encoding: { x, y: { field: 'mean', type: 'quantitative' } },
      },
      {
        data: { values: rows },
        mark: { type: 'point', opacity: 0, size: 60 },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative' },
          tooltip: [
            { field: 'trials', title: 'Trials', format: ',' },
            { field: 'mean', title: `Mean ${difference} (${unit})`, format: '+,.3f' },
            { field: 'halfWidth', title: `95% half-width (${unit})`, format: ',.3f' },
          ],
        },
      },
      {
        data: { values: [{ trials: last, label: stopLabel }] },
        mark: { type: 'text', align: 'right', baseline: 'top', dx: -8, y: 6, fontSize: 14, fontWeight: 'bold', color: NEUTRAL_COLOR },
        encoding: { x: { field: 'trials', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
}
