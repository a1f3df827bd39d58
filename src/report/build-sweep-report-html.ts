/**
 * The sweep report as one self-contained HTML file, built like the run
 * report (report-page.ts): where the decision flips first, then the chart,
 * then every grid point in a table, then the sweep's facts and the scenario.
 * Pure: text in, text out.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import { defaultPairText } from '../scenario/vocabulary.ts';
import { shortName } from '../charts/chart-theme.ts';
import type { SweepResult } from '../stats/sweep.ts';
import { formatRate } from '../charts/format-figures.ts';
import { parameterLabel, sweepBasePoint } from '../charts/parameter-label.ts';
import { escapeHtml } from './escape-html.ts';
import { buildReportPage, chartContents, chartSection, runFactsSection, tableOfContents, type ReportChart } from './report-page.ts';
import { sweepBasis, sweepHeadline, sweepVerdict } from './sweep-headline.ts';
import type { VegaBundles } from './vega-bundles.ts';

export interface SweepReportHtmlInput {
  scenario: Scenario;
  scenarioText: string;
  result: SweepResult;
  version: string;
  charts: readonly ReportChart[];
  bundles: VegaBundles;
}

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;

/** "0 to 1 in steps of 0.1 (11 values)" for an even grid, else the values listed. */
function valuesText(values: readonly number[]): string {
  const steps = values.slice(1).map((v, i) => Number((v - values[i]!).toPrecision(9)));
  if (values.length > 2 && steps.every((s) => s === steps[0])) return `${values[0]} to ${values[values.length - 1]} in steps of ${steps[0]} (${values.length} values)`;
  return values.join(', ');
}

/** The sweep's facts, for the report's closing section and the deck's last slide. */
export function sweepFacts(input: Pick<SweepReportHtmlInput, 'result' | 'scenario' | 'version'>): [string, string][] {
  const { result, scenario } = input;
  return [
    ['Scenario', result.scenario],
    ['Description', scenario.description || '(none)'],
    ['Seed', String(result.seed)],
    ['Trials per point (simulated accounts)', result.trials.toLocaleString('en-US')],
    ...result.parameters.map((p): [string, string] => [`Swept: ${p.path}`, `${valuesText(p.values)}; the scenario has ${result.baseValues[p.path]}`]),
    ['Grid points', String(result.points.length)],
    ['Horizon', `${result.horizonMonths} months`],
    ['Discount rate', `${formatRate(scenario.discountRate)} a year`],
    ['Terminal value', result.terminalValue === 'runRate' ? 'run rate (last 12 months of cash as a perpetuity net of churn)' : 'none'],
    ['Currency', `${result.currency} (figures in millions)`],
    ['Break-even', result.breakEven.note],
    ['Scenario hash', result.scenarioHash],
    ['expansim version', input.version],
  ];
}

/** Every grid point: the swept values, both means, the difference, its interval and who is ahead. */
function pointsSection(result: SweepResult): string {
  const paths = result.parameters.map((p) => p.path);
  const base = sweepBasePoint(result);
  const [a, b] = [result.compared.a.label, result.compared.b.label];
  const header = [...paths.map(parameterLabel), a, b, `${a} − ${b}`, '95% CI', 'Ahead'];
  const rows = result.points.map((point) => {
    const ahead = !point.signSettled ? 'not settled' : point.diff.mean > 0 ? a : b;
    const cells = [
      ...paths.map((p) => String(point.values[p])),
      signed(point.a.mean),
      signed(point.b.mean),
      signed(point.diff.mean),
      point.diff.ci95 ? `${signed(point.diff.ci95[0])} to ${signed(point.diff.ci95[1])}` : '',
    ];
    const mark = point === base ? ' (this scenario)' : '';
    return `<tr${point === base ? ' class="base"' : ''}>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}<td class="${point.signSettled ? '' : 'open'}">${escapeHtml(ahead + mark)}</td></tr>`;
  });
  return `<section class="points" aria-labelledby="heading-points">
<h2 id="heading-points">Every point</h2>
<p class="reading">Mean NPV per account (${escapeHtml(result.currency)} millions) at each grid point, all on the same ${result.trials.toLocaleString('en-US')} accounts; "not settled" means the 95% interval of the difference contains 0.</p>
<div class="table-scroll"><table class="points">
<thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table></div>
</section>`;
}

export function buildSweepReportHtml(input: SweepReportHtmlInput): string {
  const { result, charts, bundles } = input;
  const swept = result.parameters.map((p) => parameterLabel(p.path)).join(' × ');
  const body = `<header class="answer">
<p class="eyebrow">expansim sweep · ${escapeHtml(result.scenario)} · ${escapeHtml(swept)} · ${escapeHtml(defaultPairText())}</p>
<h1>${escapeHtml(sweepHeadline(result))}</h1>
<p class="verdict">${escapeHtml(sweepVerdict(result))}</p>
<p class="basis">${escapeHtml(sweepBasis(result, input.scenario))}</p>
</header>
${tableOfContents([...chartContents(charts), { id: 'heading-points', text: 'Every point' }, { id: 'heading-facts', text: 'The run' }])}
${charts.map(chartSection).join('\n')}
${pointsSection(result)}
${runFactsSection(sweepFacts(input), input.scenario, input.scenarioText, bundles)}`;
  return buildReportPage({ title: `${result.scenario}: where ${shortName(result.compared.a)} vs ${shortName(result.compared.b)} flips (${swept})`, version: input.version, body, charts, bundles });
}
