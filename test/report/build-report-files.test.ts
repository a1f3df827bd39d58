/**
 * The report of a real (small) run: every chart's spec, SVG and PNG plus
 * report.html, rendered without a warning, each chart fed summaries (a few
 * hundred rows at most) rather than trials. The run has the barrier ablation
 * but no precision target, so the convergence chart is left out.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { buildReportFiles } from '../../src/report/build-report-files.ts';
import { decodePng } from './decode-png.ts';
import { rowCount } from './spec-rows.ts';
import { smallDefaultRun } from './report-run.ts';

describe('buildReportFiles', async () => {
  const run = await smallDefaultRun();
  const warnings: string[] = [];
  const files = await buildReportFiles({ scenario: run.scenario, params: run.params, scenarioText: run.text, summary: run.summary, table: run.table, version: '0.1.0', onWarning: (w) => warnings.push(w) });
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  // A fixed run of two strategies: no precision target, P(better) instead of P(best), and too few trials for switchovers.
  const charts = REPORT_CHARTS.filter((c) => c.name !== 'convergence' && c.name !== 'best-plan' && c.name !== 'assumption-switchovers');

  it('writes each chart the run has data for as vega-lite JSON, SVG and PNG, then report.html', () => {
    expect(files.map((f) => f.path)).toEqual([...charts.flatMap((c) => ['vl.json', 'svg', 'png'].map((ext) => `charts/${c.name}.${ext}`)), 'report.html', 'deck.pptx']);
  });

  it('renders every chart without a warning', () => {
    expect(warnings).toEqual([]);
  });

  it.each(charts.map((c) => c.name))('%s hands vega a few hundred rows at most, and a 2× PNG', (name) => {
    const spec = JSON.parse(byPath.get(`charts/${name}.vl.json`) as string);
    expect(rowCount(spec)).toBeGreaterThan(0);
    expect(rowCount(spec)).toBeLessThanOrEqual(500);
    const svg = byPath.get(`charts/${name}.svg`) as string;
    const png = decodePng(byPath.get(`charts/${name}.png`) as Uint8Array);
    expect(png.width).toBe(2 * Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]));
  });

  it('puts the scenario, its facts and every chart into report.html', () => {
    const html = byPath.get('report.html') as string;
    for (const chart of charts) expect(html).toContain(`id="chart-${chart.name}"`);
    expect(html).not.toContain('id="chart-convergence"');
    expect(html).toContain('How risky is each strategy?');
    expect(html).toContain('<dd>hp-cso</dd>');
    expect(html).toContain('<dd>2,000</dd>');
    expect(html).toContain('name: hp-cso');
  });
});
