/**
 * With more than two plans the deck's title, the report's basis, the difference chart's title
 * and the charts' readings speak of all the plans and name the compared pair by its labels.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chartReading, REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { npvDifferenceTitle, buildNpvDifferenceSpec } from '../../src/charts/build-npv-difference-spec.ts';
import { shortName, strategyScale } from '../../src/charts/chart-theme.ts';
import { formatPercent } from '../../src/charts/format-figures.ts';
import { runScenario, type ScenarioRun } from '../../src/pipeline/run-scenario.ts';
import { plansOf } from '../../src/report/build-report-html.ts';
import { runDeckInput } from '../../src/report/deck-inputs.ts';
import { reportBasis, reportHeadline } from '../../src/report/report-headline.ts';
import { prepareChartData, type ChartData } from '../../src/stats/prepare-chart-data.ts';
import { scenarioFrom } from '../helpers.ts';

const FOUR = scenarioFrom(`name: four
trials: 1000
seed: 1
baseline: hold
strategies:
  ato: {}
  fitd: {}
  beachhead: { label: Beachhead, open: { midstream: start, upstream: migrate }, rampMonths: 4 }
  hold: { label: Hold, open: { midstream: never, upstream: never }, buildCost: 0 }
`);

describe('the wording of a four-plan run', () => {
  let run: ScenarioRun;
  let data: ChartData;
  beforeAll(async () => {
    run = await runScenario(FOUR, { workers: 1, ablationTrials: 100 });
    data = prepareChartData(run.params, run.summary, run.table);
  });

  it("the deck's title is the report's headline: the best plan by its label, its lead on the baseline and its P(best) with an interval", () => {
    const { names } = plansOf(run.params);
    const headline = runDeckInput(run.params, run.summary, [], data.npvCdf.pLoss, '0.0.0').headline;
    expect(headline).toBe(reportHeadline(run.summary, names));
    const best = Object.entries(run.summary.strategies).reduce((top, entry) => (entry[1].npv.mean > top[1].npv.mean ? entry : top))[0];
    expect(headline.startsWith(names[best]!)).toBe(true);
    expect(headline).toContain(`is the best plan on ${formatPercent(run.summary.pBest![best]!.p, 1)} [`);
    expect(headline).not.toMatch(/\b(beachhead|hold)\b/);
  });

  it("the difference chart's title states the pair's finding among all four plans", () => {
    const difference = data.npvDifference;
    const leader = difference.mean >= 0 ? difference.pair.a : difference.pair.b;
    const title = npvDifferenceTitle(difference);
    expect(title.startsWith(`${shortName(leader)} beats`)).toBe(true);
    expect(title).toContain(`and is the best plan on ${formatPercent(run.summary.pBest![leader.key]!.p)} of accounts`);
    expect(title).toContain('of the 4');
  });

  it('the pair charts and their readings colour each plan as every other chart does', () => {
    const scale = strategyScale(data.strategies);
    const colorOf = (key: string) => scale.range[data.strategies.findIndex((s) => s.key === key)];
    const spec = JSON.stringify(buildNpvDifferenceSpec(data.npvDifference));
    expect(spec).toContain(JSON.stringify([colorOf(data.pair.a.key), colorOf(data.pair.b.key)]));
    const entry = REPORT_CHARTS.find((c) => c.name === 'npv-difference')!;
    // ATO against Hold, the fourth plan: blue, and the second further colour (pink).
    expect(chartReading(entry, data)).toContain('(right of zero, blue) or less (left, pink) ATO earned than Hold');
  });

  it('the basis says every account ran under all four plans', () => {
    expect(reportBasis(run.summary)).toContain('each run under all 4 strategies');
    expect(reportBasis(run.summary)).not.toContain('toward FITD');
  });
});
