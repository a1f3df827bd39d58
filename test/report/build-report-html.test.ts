/**
 * report.html as text: one self-contained file, the answer first, every
 * scenario string escaped, and a Content-Security-Policy that allows no
 * network load and only the scripts it carries.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildReportHtml, type ReportHtmlInput } from '../../src/report/build-report-html.ts';
import { buildSweepReportHtml, type SweepReportHtmlInput } from '../../src/report/build-sweep-report-html.ts';
import { escapeHtml } from '../../src/report/escape-html.ts';
import { reportHeadline, reportVerdict } from '../../src/report/report-headline.ts';
import { readVegaBundles } from '../../src/report/vega-bundles.ts';
import type { Summary } from '../../src/stats/summarize-outcomes.ts';
import { SWEEP_LINE, SWEEP_MAP } from '../charts/sweep-fixtures.ts';
import { smallDefaultRun } from './report-run.ts';

const HOSTILE = '</script><script>alert(1)</script><!-- & "quotes"';

async function input(overrides: Partial<ReportHtmlInput> = {}): Promise<ReportHtmlInput> {
  const run = await smallDefaultRun();
  return {
    scenario: run.scenario,
    params: run.params,
    scenarioText: run.text,
    summary: run.summary,
    version: '9.9.9',
    charts: [
      { name: 'first-chart', heading: 'First question?', reading: 'How to read it.', title: 'A finding', spec: { title: HOSTILE, mark: 'point' }, svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', png: new Uint8Array() },
      { name: 'second-chart', heading: 'Second question?', reading: 'How to read that.', title: 'Another finding', spec: { mark: 'bar' }, svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', png: new Uint8Array() },
    ],
    pLoss: { ato: 0.03, fitd: 0.01 },
    bundles: readVegaBundles(),
    ...overrides,
  };
}

async function sweepInput(overrides: Partial<SweepReportHtmlInput> = {}): Promise<SweepReportHtmlInput> {
  const run = await smallDefaultRun();
  const base = await input();
  return { scenario: run.scenario, scenarioText: run.text, result: SWEEP_LINE, version: '9.9.9', charts: [base.charts[0]!], bundles: base.bundles, ...overrides };
}

/** The page's CSP forbids every load and allows exactly its inlined scripts; the markup loads nothing. */
function expectOffline(html: string): void {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replaceAll('&#39;', "'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(scripts).toHaveLength(4);
  for (const script of scripts) expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
  expect(markup.match(/<(link|iframe|object|embed|base)\b/g)).toBeNull();
  // In-page links (the table of contents) load nothing.
  expect(markup.match(/\b(src|href|action)="(?!data:|#[\w-]+")[^"]*"/g)).toBeNull();
  expect(html.includes('sourceMappingURL')).toBe(false);
}

function withComparison(summary: Summary, mean: number, ci95: [number, number] | null, pAtoBetter: number): Summary {
  return { ...summary, comparison: { ...summary.comparison, npvDiff: { ...summary.comparison.npvDiff, mean, ci95, p50: mean }, pAtoBetter: { p: pAtoBetter, ci95: [pAtoBetter - 0.01, pAtoBetter + 0.01] }, pTie: 0 } };
}

describe('buildReportHtml', () => {
  it('opens with the headline answer, then the evidence in registry order, then the run facts', async () => {
    const html = buildReportHtml(await input());
    const order = ['<h1>', 'id="heading-contents"', 'id="heading-robustness"', 'id="heading-risk"', 'id="chart-first-chart"', 'id="chart-second-chart"', 'id="heading-facts"', 'Scenario file'].map((marker) => html.indexOf(marker));
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('How to read it.');
    const contents = [...html.matchAll(/<a href="#([\w-]+)">/g)].map((m) => m[1]);
    expect(contents).toEqual(['heading-robustness', 'heading-risk', 'heading-first-chart', 'heading-second-chart', 'heading-facts']);
    for (const id of contents) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('9.9.9');
  });

  it('forbids every network load and allows exactly the inlined scripts, by hash', async () => {
    expectOffline(buildReportHtml(await input()));
  });

  it('escapes every scenario-provided string', async () => {
    const base = await input();
    const html = buildReportHtml({
      ...base,
      scenario: { ...base.scenario, name: HOSTILE, description: HOSTILE },
      scenarioText: `name: x\ndescription: ${HOSTILE}\n`,
      summary: { ...base.summary, scenario: HOSTILE, description: HOSTILE, currency: '<b>' },
    });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<!-- &');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &amp; &quot;quotes&quot;');
    const specs = /<script type="application\/json" id="chart-specs">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(specs)['first-chart'].title).toBe(HOSTILE);
  });

  it('shows each chart\'s pre-rendered SVG as the image until the interactive chart replaces it', async () => {
    const html = buildReportHtml(await input());
    expect(html).toContain(`<img class="fallback" alt="A finding" src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>').toString('base64')}">`);
  });
});

describe('the risk and precision sections', () => {
  it('puts risk in plain words after the answer and before the evidence, and no precision section on a fixed run', async () => {
    const html = buildReportHtml(await input());
    const order = ['<h1>', 'How risky is each strategy?', 'first-order stochastic dominance', 'second-order stochastic dominance', 'id="chart-first-chart"'].map((m) => html.indexOf(m));
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('Expected shortfall: mean NPV of the worst 10%');
    expect(html).not.toContain('How precise is the answer?');
  });

  it('says what precision a precision run reached, before the risk section', async () => {
    const base = await input();
    const precision = { target: 0.1, relative: false, halfWidth: 0.093, trialsUsed: 7000, maxTrials: 50000, stoppedBy: 'precision' as const, batches: [2000, 3000, 2000], convergence: [{ trials: 7000, mean: 0.16, halfWidth: 0.093 }] };
    const html = buildReportHtml({ ...base, summary: { ...base.summary, precision } });
    expect(html).toContain(
      'Trials were added in batches (2,000, 3,000, 2,000) until the 95% CI of the mean difference ATO − FITD was at most ±$0.10M: reached after 7,000 trials, at ±$0.093M.',
    );
    expect(html.indexOf('How precise is the answer?')).toBeGreaterThan(html.indexOf('<h1>'));
    expect(html.indexOf('How precise is the answer?')).toBeLessThan(html.indexOf('How risky is each strategy?'));
  });
});

describe('buildSweepReportHtml', () => {
  it('opens with where the decision flips, then the chart, the table of points and the facts', async () => {
    const html = buildSweepReportHtml(await sweepInput());
    expect(html).toContain('<h1>ATO is ahead below functional walls ≈ 0.67 (0.55–0.8 at 95%); FITD above</h1>');
    expect(html).toContain(escapeHtml("At this scenario's own value (functional walls 0.5), ATO − FITD = +$0.30M [95% CI $0.10M to $0.50M] per account: ATO is ahead."));
    const order = ['<h1>', 'id="heading-contents"', 'id="chart-first-chart"', 'id="heading-points"', 'id="heading-facts"', 'Scenario file'].map((m) => html.indexOf(m));
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html.match(/<tr( class="base")?><td>/g)).toHaveLength(SWEEP_LINE.points.length);
    expect(html).toContain('<tr class="base"><td>0.5</td>');
    expect(html).toContain('0 to 1 in steps of 0.25 (5 values); the scenario has 0.5');
  });

  it('lists both swept values of a map and says when the scenario\'s point is too close to call', async () => {
    const html = buildSweepReportHtml(await sweepInput({ result: SWEEP_MAP }));
    expect(html).toContain(escapeHtml("this scenario's own point is too close to call"));
    expect(html).toContain('<th scope="col">functional walls</th><th scope="col">capacity</th>');
    expect(html.match(/not settled/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('forbids every network load and allows exactly the inlined scripts, by hash', async () => {
    expectOffline(buildSweepReportHtml(await sweepInput()));
    expectOffline(buildSweepReportHtml(await sweepInput({ result: SWEEP_MAP })));
  });

  it('escapes every scenario-provided string', async () => {
    const base = await sweepInput();
    const html = buildSweepReportHtml({
      ...base,
      scenario: { ...base.scenario, name: HOSTILE, description: HOSTILE },
      scenarioText: `name: x\ndescription: ${HOSTILE}\n`,
      result: { ...SWEEP_LINE, scenario: HOSTILE, currency: '<b>' },
    });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<!-- &');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &amp; &quot;quotes&quot;');
    const specs = /<script type="application\/json" id="chart-specs">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(specs)['first-chart'].title).toBe(HOSTILE);
  });
});

describe('the headline', () => {
  it('quotes the paired difference with its interval and P(ATO better)', async () => {
    const { summary } = await smallDefaultRun();
    expect(reportHeadline(withComparison(summary, 0.1621, [0.1096, 0.2147], 0.26665))).toBe(
      'ATO beats FITD by $0.16M [95% CI $0.11M to $0.21M] in NPV per account; P(ATO better) = 26.7% [25.7% to 27.7%]',
    );
    expect(reportHeadline(withComparison(summary, -0.5, [-0.7, -0.3], 0.3))).toBe(
      'FITD beats ATO by $0.50M [95% CI $0.30M to $0.70M] in NPV per account; P(ATO better) = 30.0% [29.0% to 31.0%]',
    );
    expect(reportHeadline(withComparison(summary, 0.02, [-0.03, 0.07], 0.5))).toBe(
      'No clear NPV winner: ATO − FITD = +$0.02M [95% CI −$0.03M to $0.07M] per account; P(ATO better) = 50.0% [49.0% to 51.0%]',
    );
  });

  it('says whether the average lead holds on most accounts', async () => {
    const { summary } = await smallDefaultRun();
    expect(reportVerdict(withComparison(summary, 0.16, [0.11, 0.21], 0.27))).toBe(
      "ATO earns more on average, but FITD does better on 73% of accounts: ATO's lead comes from a minority of accounts where it pays off big (median difference +$0.16M).",
    );
    expect(reportVerdict(withComparison(summary, 0.16, [0.11, 0.21], 0.6))).toBe(
      'ATO earns more on average and on most accounts (60% of them): the lead is broad, not carried by a few accounts.',
    );
  });
});
