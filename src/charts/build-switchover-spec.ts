/**
 * Assumption switchovers as a tornado: for each uncertain coefficient, the
 * compared pair's mean difference at the low and the high end of its
 * plausible range (bars from the scenario's own value), largest swing on
 * top; the label says where inside the range the verdict flips, if it does.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RobustnessData } from '../stats/prepare-chart-data.ts';
import type { PositionDef } from './spec-types.ts';
import { CHART_CONFIG, CHART_WIDTH, NEUTRAL_COLOR, nameOf } from './chart-theme.ts';
import { formatMoney, moneyUnit, rowNumber } from './format-figures.ts';
import { assumptionValue, hingeFinding, switchoverAccounts, switchoverText } from './robustness-findings.ts';
import { wrapTitle } from './wrap-title.ts';

const ROW_STEP = 34;
const END_COLORS = { 'Low end of the range': '#7f7f7f', 'High end of the range': '#1a1a1a' } as const;

export function buildSwitchoverSpec(data: RobustnessData): TopLevelSpec | null {
  const switchovers = data.robustness.switchovers;
  if (switchovers === null) return null;
  const [a, b] = data.robustness.pair.map((key) => nameOf(data.strategies, key));
  const base = rowNumber(switchovers.base.mean);
  const rowLabel = (s: (typeof switchovers.assumptions)[number]) => `${s.label} (${assumptionValue(s.low)}–${assumptionValue(s.high)})`;
  const rows = switchovers.assumptions.flatMap((s) =>
    (['low', 'high'] as const).map((end) => {
      const at = end === 'low' ? s.atLow : s.atHigh;
      return {
        assumption: rowLabel(s),
        end: end === 'low' ? 'Low end of the range' : 'High end of the range',
        value: assumptionValue(at.value),
        base,
        diff: rowNumber(at.diff.mean),
        change: rowNumber(at.change.mean),
      };
    }),
  );
  const labels = switchovers.assumptions.map((s) => ({ assumption: rowLabel(s), text: switchoverText(s) }));
  const y: PositionDef = { field: 'assumption', type: 'nominal', title: null, sort: switchovers.assumptions.map(rowLabel), axis: { labelLimit: 380 } };
  const x: PositionDef = { field: 'diff', type: 'quantitative', title: `Mean NPV difference ${a} − ${b} per account (${moneyUnit(data.currency)})` };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(hingeFinding(switchovers)),
      subtitle: [
        `Each bar runs from the scenario's own value (${a} − ${b} ${formatMoney(switchovers.base.mean, data.currency, true)}, grey line) to one end of the assumption's plausible range (the run's own difference plus the change re-run on ${switchoverAccounts(switchovers)});`,
        'a bar that crosses the dashed zero line flips the verdict, and the right column says where.',
      ],
    },
    hconcat: [
      {
        width: CHART_WIDTH - 520,
        height: ROW_STEP * switchovers.assumptions.length,
        layer: [
          { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: NEUTRAL_COLOR, strokeDash: [4, 4] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
          { data: { values: [{ base }] }, mark: { type: 'rule', color: '#bbbbbb', strokeWidth: 2 }, encoding: { x: { field: 'base', type: 'quantitative' } } },
          {
            data: { values: rows },
            mark: { type: 'bar', height: 12, opacity: 0.85 },
            encoding: {
              y,
              yOffset: { field: 'end', sort: ['Low end of the range', 'High end of the range'] },
              x,
              x2: { field: 'base' },
              color: { field: 'end', type: 'nominal', title: null, scale: { domain: Object.keys(END_COLORS), range: Object.values(END_COLORS) } },
              tooltip: [
                { field: 'assumption', title: 'Assumption' },
                { field: 'end', title: 'End' },
                { field: 'value', title: 'Value' },
                { field: 'diff', title: `${a} − ${b}`, format: '.3f' },
                { field: 'change', title: 'Change from the scenario', format: '.3f' },
              ],
            },
          },
        ],
      },
      {
        width: 330,
        height: ROW_STEP * switchovers.assumptions.length,
        data: { values: labels },
        mark: { type: 'text', align: 'left', fontSize: 12 },
        encoding: { y: { ...y, axis: null }, text: { field: 'text' } },
      },
    ],
  };
}
