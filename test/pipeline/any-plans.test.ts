/**
 * `strategies:` is the list of plans compared: any two of them (no ATO or FITD needed), and a
 * fifth plan is a scenario edit only, end to end from the scenario text to the charts' specs,
 * the report, the deck and the terminal table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartReading, REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { runScenario } from '../../src/pipeline/run-scenario.ts';
import { buildReportHtml } from '../../src/report/build-report-html.ts';
import { runDeckInput } from '../../src/report/deck-inputs.ts';
import { presentCharts } from '../../src/report/render-chart-files.ts';
import { readVegaBundles } from '../../src/report/vega-bundles.ts';
import { prepareChartData } from '../../src/stats/prepare-chart-data.ts';
import { formatSummaryTable, strategyLabelsOf } from '../../src/cli/format-summary-table.ts';
import { scenarioFrom } from '../helpers.ts';

/** Every word a run's outputs show, the chart specs (data included), the report page and the deck's text. */
async function runOutputsText(yaml: string) {
  const scenario = scenarioFrom(yaml);
  const run = await runScenario(scenario, { workers: 1, ablationTrials: 100 });
  const data = prepareChartData(run.params, run.summary, run.table);
  const specs = presentCharts(REPORT_CHARTS, data).map(({ entry, spec }) => ({ name: entry.name, text: JSON.stringify(spec) }));
  const html = buildReportHtml({ scenario: run.scenario, params: run.params, scenarioText: yaml, summary: run.summary, version: '0.0.0', charts: [], pLoss: data.npvCdf.pLoss, bundles: readVegaBundles() });
  const deck = JSON.stringify(runDeckInput(run.params, run.summary, [], data.npvCdf.pLoss, '0.0.0'));
  const readings = REPORT_CHARTS.map((entry) => chartReading(entry, data));
  return { run, specs, readings, html, deck, table: formatSummaryTable(run.summary, strategyLabelsOf(run.scenario)) };
}

describe('the plans a scenario compares', () => {
  it('can be any two: beachhead against hold, with nothing of ATO or FITD in the outputs', async () => {
    const yaml = `name: two-plans
trials: 300
seed: 4
baseline: hold
strategies:
  beachhead: { label: Beachhead, open: { midstream: start, upstream: migrate }, rampMonths: 4 }
  hold: { label: Hold, open: { midstream: never, upstream: never }, buildCost: 0 }
`;
    const { run, specs, readings, html, deck, table } = await runOutputsText(yaml);
    expect(Object.keys(run.summary.strategies)).toEqual(['beachhead', 'hold']);
    for (const reading of readings) expect(reading).not.toMatch(/\bATO\b|\bFITD\b/);
    expect(Object.keys(run.summary.comparison)).toContain('pBeachheadBetter');
    expect(specs.map((s) => s.name)).toContain('barrier-ablation');
    for (const { name, text } of specs) expect(text, name).not.toMatch(/\bATO\b|\bFITD\b|"ato|"fitd/);
    // The report's own words (the page's scripts are vega's).
    const words = html.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(words).not.toMatch(/\bATO\b|\bFITD\b|all at once|foot in the door/);
    expect(words).toContain('Beachhead vs Hold');
    expect(deck).not.toMatch(/\bATO\b|\bFITD\b/);
    expect(table).toContain('Beachhead − Hold');
  });

  it('take a fifth plan from a scenario edit alone', async () => {
    const four = readFileSync('scenarios/hp-cso-four-plans.yaml', 'utf8').replace(/^trials: \d+$/m, 'trials: 300');
    const yaml = four.replace('baseline: hold', '  midOnly:\n    label: Midstream only\n    open: { midstream: migrate, upstream: never }\nbaseline: hold');
    const { run, specs, html, deck, table } = await runOutputsText(yaml);
    const keys = ['ato', 'fitd', 'beachhead', 'hold', 'midOnly'];
    expect(Object.keys(run.summary.strategies)).toEqual(keys);
    expect(Object.keys(run.summary.comparisons ?? {})).toEqual(['ato', 'fitd', 'beachhead', 'midOnly']);
    const shares = Object.values(run.summary.pBest ?? {}).map((share) => share.p);
    expect(shares).toHaveLength(5);
    expect(shares.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
    expect(Object.keys(run.summary.pathClasses).sort()).toEqual([...keys].sort());
    const distribution = specs.find((s) => s.name === 'npv-distribution')?.text ?? '';
    for (const label of ['ATO (all at once)', 'FITD (foot in the door)', 'Beachhead', 'Hold', 'Midstream only']) expect(distribution).toContain(label);
    expect(specs.find((s) => s.name === 'best-plan')?.text).toContain('All 5 plans');
    expect(html).toContain('ATO vs FITD vs Beachhead vs Hold vs Midstream only');
    expect(deck).toContain('Midstream only');
    expect(table).toContain('Midstream only − Hold');
  });
});
