/**
 * The portfolio charts on a fixed result: golden vega-lite JSON (UPDATE_GOLDEN=1
 * regenerates), compiled without warnings, titles that state the finding,
 * and the report page's headline.
 */
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { PORTFOLIO_CHARTS } from '../../src/charts/portfolio-chart-registry.ts';
import { STRATEGY_COLORS } from '../../src/charts/chart-theme.ts';
import { planScale } from '../../src/charts/plan-colors.ts';
import { portfolioHeadline } from '../../src/report/build-portfolio-report-html.ts';
import { PORTFOLIO } from './portfolio-fixture.ts';
import { expectGoldenSpec } from './golden-spec.ts';


describe('portfolio charts', () => {
  it.each(PORTFOLIO_CHARTS.map((chart) => [chart.name, chart] as const))('%s matches its golden vega-lite JSON and compiles without warnings', (name, chart) => {
    const spec = chart.build(PORTFOLIO)!;
    expectGoldenSpec(name, spec);
    const warnings: string[] = [];
    const logger = { level: () => logger, error: (...a: unknown[]) => (warnings.push(a.join(' ')), logger), warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger), info: () => logger, debug: () => logger };
    expect(compile(spec, { logger: logger as never }).spec.marks?.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });

  it('state the finding in their titles, and the report its headline', () => {
    const titles = PORTFOLIO_CHARTS.map((chart) => (chart.build(PORTFOLIO)!.title as { text: string | string[] }).text).map((text) => (Array.isArray(text) ? text.join(' ') : text));
    expect(titles).toEqual([
      'Choosing per account is worth +$7.00M of expected portfolio NPV over the best all-FITD plan',
      'The plan: 1 ATO, 2 FITD, 1 uncovered of 4 accounts',
      'Within their pools, Blue leaves 1 account uncovered',
      'One more FTE is worth most to the Red team: +$2.50M of expected NPV',
    ]);
    expect(portfolioHeadline(PORTFOLIO)).toBe('Choosing per account adds +$7.00M of expected NPV over the best all-FITD plan: ATO for 1, FITD for 2, uncovered for 1 of 4 accounts');
  });

  it('colour ATO and FITD as every other chart, further plans in other colours, uncovered grey', () => {
    expect(planScale(['ato', 'fitd', 'beachhead'])).toEqual({ domain: ['ATO', 'FITD', 'BEACHHEAD', 'uncovered'], range: [STRATEGY_COLORS.ato, STRATEGY_COLORS.fitd, '#009E73', '#4d4d4d'] });
  });
});
