/**
 * report.html as text: one self-contained file, the answer first, every
 * scenario string escaped, and a Content-Security-Policy that allows no
 * network load and only the scripts it carries.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildReportHtml, type ReportHtmlInput } from '../../src/report/build-report-html.ts';
import { reportHeadline, reportVerdict } from '../../src/report/report-headline.ts';
import { readVegaBundles } from '../../src/report/vega-bundles.ts';
import type { Summary } from '../../src/stats/summarize-outcomes.ts';
import { smallDefaultRun } from './report-run.ts';

const HOSTILE = '</script><script>alert(1)</script><!-- & "quotes"';

async function input(overrides: Partial<ReportHtmlInput> = {}): Promise<ReportHtmlInput> {
  const run = await smallDefaultRun();
  return {
    scenario: run.scenario,
    scenarioText: run.text,
    summary: run.summary,
    version: '9.9.9',
    charts: [
      { name: 'first-chart', heading: 'First question?', reading: 'How to read it.', title: 'A finding', spec: { title: HOSTILE, mark: 'point' }, svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' },
      { name: 'second-chart', heading: 'Second question?', reading: 'How to read that.', title: 'Another finding', spec: { mark: 'bar' }, svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' },
    ],
    pLoss: { ato: 0.03, fitd: 0.01 },
    bundles: readVegaBundles(),
    ...overrides,
  };
}

function withComparison(summary: Summary, mean: number, ci95: [number, number] | null, pAtoBetter: number): Summary {
  return { ...summary, comparison: { ...summary.comparison, npvDiff: { ...summary.comparison.npvDiff, mean, ci95, p50: mean }, pAtoBetter: { p: pAtoBetter, ci95: [pAtoBetter - 0.01, pAtoBetter + 0.01] }, pTie: 0 } };
}

describe('buildReportHtml', () => {
  it('opens with the headline answer, then the evidence in registry order, then the run facts', async () => {
    const html = buildReportHtml(await input());
    const order = ['<h1>', 'id="chart-first-chart"', 'id="chart-second-chart"', 'The run', 'Scenario file'].map((marker) => html.indexOf(marker));
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('How to read it.');
    expect(html).toContain('9.9.9');
  });

  it('forbids every network load and allows exactly the inlined scripts, by hash', async () => {
    const html = buildReportHtml(await input());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replaceAll('&#39;', "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(4);
    for (const script of scripts) expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup.match(/<(link|iframe|object|embed|base)\b/g)).toBeNull();
    expect(markup.match(/\b(src|href|action)="(?!data:)[^"]*"/g)).toBeNull();
    expect(html.includes('sourceMappingURL')).toBe(false);
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
