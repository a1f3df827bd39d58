/**
 * Does the verdict survive the valuation? The compared pair's mean NPV
 * difference with its 95% interval under each discount rate, terminal value
 * and horizon checked, coloured by who leads; the run's own setting marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RobustnessData } from '../stats/prepare-chart-data.ts';
import type { PositionDef } from './spec-types.ts';
import { CHART_CONFIG, CHART_WIDTH, legendOf, nameOf, NEUTRAL_COLOR, strategyScale } from './chart-theme.ts';
import { moneyUnit, rowNumber } from './format-figures.ts';
import { valuationFinding, verdictSettings } from './robustness-findings.ts';
import { wrapTitle } from './wrap-title.ts';

const ROW_STEP = 22;

export function buildValuationVerdictsSpec(data: RobustnessData): TopLevelSpec {
  const { robustness, currency } = data;
  const [a, b] = robustness.pair;
  const pairStrategies = data.strategies.filter((s) => s.key === a || s.key === b);
  const names = Object.fromEntries(data.strategies.map((s) => [s.key, legendOf(data.strategies, s.key)]));
  const rows = robustness.valuation.verdicts.map((verdict) => {
    const [low, high] = verdict.diff.ci95 ?? [verdict.diff.mean, verdict.diff.mean];
    return {
      setting: `${verdictSettings(verdict)}${verdict.asRun ? ' (as run)' : ''}`,
      diff: rowNumber(verdict.diff.mean),
      low: rowNumber(low),
      high: rowNumber(high),
      leader: names[verdict.leader]!,
      trials: verdict.trials,
    };
  });
  const y: PositionDef = { field: 'setting', type: 'nominal', title: null, sort: rows.map((r) => r.setting), axis: { labelLimit: 360 } };
  const x: PositionDef = { field: 'diff', type: 'quantitative', title: `Mean NPV difference ${names[a]} − ${names[b]} per account (${moneyUnit(currency)})` };
  const color = { field: 'leader', type: 'nominal' as const, title: 'Leads', scale: strategyScale(pairStrategies) };
  const horizonNote = robustness.valuation.horizonTrials === null
    ? 'Other horizons were not re-simulated (no ablation in this run).'
    : `Other horizons are re-simulated on the first ${robustness.valuation.horizonTrials.toLocaleString('en-US')} accounts (each valued at every rate, with and without a terminal value); the run's horizon re-values every account's own cash.`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(valuationFinding(robustness, { names: Object.fromEntries(data.strategies.map((s) => [s.key, nameOf(data.strategies, s.key)])), currency })),
      subtitle: [`The same accounts valued other ways; bars are 95% intervals, right of zero means ${names[a]} leads.`, horizonNote],
    },
    width: CHART_WIDTH - 360,
    height: { step: ROW_STEP },
    layer: [
      { mark: { type: 'rule', color: NEUTRAL_COLOR, strokeDash: [4, 4] }, data: { values: [{ zero: 0 }] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      {
        data: { values: rows },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, color },
      },
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          y,
          x,
          color,
          tooltip: [
            { field: 'setting', title: 'Valuation' },
            { field: 'diff', title: 'Mean difference', format: '.3f' },
            { field: 'low', title: '95% CI low', format: '.3f' },
            { field: 'high', title: '95% CI high', format: '.3f' },
            { field: 'trials', title: 'Accounts' },
          ],
        },
      },
    ],
  };
}
