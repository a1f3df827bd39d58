/**
 * Golden tests of every chart builder on small fixed inputs: the vega-lite
 * JSON is compared with test/charts/golden/<name>.vl.json (never pixels).
 * Regenerate after an intended change with UPDATE_GOLDEN=1 and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { SWEEP_CHARTS } from '../../src/charts/sweep-chart-registry.ts';
import { STRATEGY_COLORS, STRATEGY_LABELS } from '../../src/charts/chart-theme.ts';
import { presentCharts } from '../../src/report/render-chart-files.ts';
import { CHART_DATA } from './chart-fixtures.ts';
import { FIXTURE_CHARTS } from './fixture-charts.ts';
import { SWEEP_LINE, SWEEP_MAP } from './sweep-fixtures.ts';
import { expectGoldenSpec } from './golden-spec.ts';


function collectWarnings() {
  const warnings: string[] = [];
  const logger = {
    level: (_?: number) => logger,
    error: (...args: unknown[]) => (warnings.push(`error: ${args.join(' ')}`), logger),
    warn: (...args: unknown[]) => (warnings.push(`warn: ${args.join(' ')}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  return { warnings, logger };
}

describe('chart builders', () => {
  it('the registries list sixteen run charts and two sweep charts with unique kebab-case names', () => {
    const names = [...REPORT_CHARTS, ...SWEEP_CHARTS].map((c) => c.name);
    expect(REPORT_CHARTS).toHaveLength(16);
    expect(SWEEP_CHARTS).toHaveLength(2);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('leaves out the charts whose section a run lacks (no ablation, no precision target)', () => {
    expect(presentCharts(REPORT_CHARTS, CHART_DATA).map((c) => c.entry.name)).toEqual(REPORT_CHARTS.map((c) => c.name));
    const fixedRun = { ...CHART_DATA, ablation: null, convergence: null, bestPlan: null };
    expect(presentCharts(REPORT_CHARTS, fixedRun).map((c) => c.entry.name)).toEqual(
      REPORT_CHARTS.map((c) => c.name).filter((n) => n !== 'barrier-ablation' && n !== 'convergence' && n !== 'best-plan'),
    );
    expect(presentCharts(SWEEP_CHARTS, SWEEP_LINE).map((c) => c.entry.name)).toEqual(['sweep-line']);
    expect(presentCharts(SWEEP_CHARTS, SWEEP_MAP).map((c) => c.entry.name)).toEqual(['sweep-map']);
  });

  it.each(FIXTURE_CHARTS.map((c) => [c.name, c] as const))('%s matches its golden vega-lite JSON', (name, chart) => {
    expectGoldenSpec(name, chart.build());
  });

  it.each(FIXTURE_CHARTS.map((c) => [c.name, c] as const))('%s compiles with vega-lite without warnings', (_, chart) => {
    const { warnings, logger } = collectWarnings();
    const { spec } = compile(chart.build(), { logger: logger as never });
    expect(warnings).toEqual([]);
    expect(spec.marks?.length).toBeGreaterThan(0);
  });

  it.each(FIXTURE_CHARTS.map((c) => [c.name, c] as const))('%s is a pure function of its data', (_, chart) => {
    expect(JSON.stringify(chart.rebuild())).toBe(JSON.stringify(chart.build()));
  });

  it('colours ATO and FITD the same way in every chart coloured by strategy', () => {
    for (const chart of FIXTURE_CHARTS) {
      const text = JSON.stringify(chart.build());
      if (!text.includes(STRATEGY_LABELS.ato) || chart.name === 'best-plan') continue;
      expect(text, chart.name).toContain(JSON.stringify({ domain: [STRATEGY_LABELS.ato, STRATEGY_LABELS.fitd], range: [STRATEGY_COLORS.ato, STRATEGY_COLORS.fitd] }).slice(1, -1));
    }
  });

  it('keeps ATO blue and FITD vermillion next to other plans, which take the rest of the Okabe–Ito palette in order', () => {
    const text = JSON.stringify(FIXTURE_CHARTS.find((c) => c.name === 'best-plan')!.build());
    expect(text).toContain(JSON.stringify({ domain: [STRATEGY_LABELS.ato, STRATEGY_LABELS.fitd, 'Beachhead'], range: [STRATEGY_COLORS.ato, STRATEGY_COLORS.fitd, '#009E73'] }).slice(1, -1));
  });

  it('colours "ATO ahead" blue and "FITD ahead" vermillion in every chart of the difference', () => {
    for (const name of ['npv-difference', 'barrier-ablation', 'path-classes', 'sweep-map']) {
      const text = JSON.stringify(FIXTURE_CHARTS.find((c) => c.name === name)!.build());
      const ato = text.indexOf(STRATEGY_COLORS.ato);
      const fitd = text.indexOf(STRATEGY_COLORS.fitd);
      expect(ato, name).toBeGreaterThan(0);
      // Domains list the ATO side first, except the map's scale, which runs from FITD's side (negative) to ATO's.
      expect(name === 'sweep-map' ? fitd < ato : ato < fitd, name).toBe(true);
    }
  });

  it('gives every chart a title, axis titles with units where money is plotted, and the DejaVu font', () => {
    for (const chart of FIXTURE_CHARTS) {
      const spec = chart.build() as { title: { text: unknown }; config: { font: string } };
      expect(spec.title.text, chart.name).toBeTruthy();
      expect(spec.config.font).toBe('DejaVu Sans');
      const text = JSON.stringify(spec);
      // P(best) plots shares of accounts; every other chart that names NPV or cash plots money.
      if (chart.name !== 'best-plan' && /NPV|cash|Per account \(/.test(text)) expect(text, chart.name).toMatch(/\(\$M\)/);
    }
  });
});
