/**
 * The review report as one self-contained HTML file: the headline answer
 * first, then how sure it is and what it hinges on (robustness-section.ts),
 * then risk and (on precision runs) how precise the answer is, then the
 * charts as evidence (interactive through inlined vega, vega-lite and
 * vega-embed, each over its pre-rendered SVG as the fallback), then the
 * run's facts and the scenario. The page shell and its Content-Security-Policy
 * are report-page.ts's. Pure: text in, text out.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { FullSummary } from '../stats/full-summary.ts';
import { formatRate } from '../charts/format-figures.ts';
import { escapeHtml } from './escape-html.ts';
import { keyFigures, reportBasis, reportHeadline, reportVerdict } from './report-headline.ts';
import { buildReportPage, chartContents, chartSection, runFactsSection, strategyTable, tableOfContents, type ReportChart } from './report-page.ts';
import { dominanceVerdicts, precisionReached, riskFigures, riskVerdict, type VerdictPair } from './risk-verdicts.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { comparedPair, strategyRefs, type StrategyRef } from '../stats/compared-pair.ts';
import { shortName } from '../charts/chart-theme.ts';
import { DEFAULT_PAIR, defaultPairText } from '../scenario/vocabulary.ts';
import type { VegaBundles } from './vega-bundles.ts';
import { ROBUSTNESS_CHARTS, ROBUSTNESS_HEADING, robustnessCaveat, robustnessSection } from './robustness-section.ts';

export type { ReportChart } from './report-page.ts';

export interface ReportHtmlInput {
  scenario: Scenario;
  params: Pick<ModelParameters, 'strategies' | 'baseline'>;
  scenarioText: string;
  summary: FullSummary;
  version: string;
  charts: readonly ReportChart[];
  /** Share of loss-making accounts, by strategy key. */
  pLoss: Record<string, number>;
  bundles: VegaBundles;
}

/** The run's facts, for the report's closing section and the deck's last slide. */
export function runFacts(summary: FullSummary, version: string): [string, string][] {
  return [
    ['Scenario', summary.scenario],
    ['Description', summary.description || '(none)'],
    ['Seed', String(summary.seed)],
    ['Trials (simulated accounts)', summary.trials.toLocaleString('en-US')],
    ['Horizon', `${summary.horizonMonths} months`],
    ['Discount rate', `${formatRate(summary.discountRate)} a year`],
    ['Terminal value', summary.terminalValue === 'runRate' ? 'run rate (last 12 months of cash as a perpetuity net of churn)' : 'none'],
    ['Currency', `${summary.currency} (figures in millions)`],
    ['Scenario hash', summary.scenarioHash],
    ['Model version', String(summary.modelVersion)],
    ['expansim version', version],
  ];
}

/** Downside figures and the dominance checks in plain words. */
function riskSection(summary: FullSummary, plans: Plans): string {
  const { dominance, currency } = summary;
  return `<section class="analysis" aria-labelledby="heading-risk">
<h2 id="heading-risk">How risky is each strategy?</h2>
<p class="verdict">${escapeHtml(riskVerdict(dominance, currency, plans.verdictPair))}</p>
${strategyTable(riskFigures(dominance, currency), plans.strategies)}
${dominanceVerdicts(dominance, currency, plans.verdictPair)
  .map((v) => `<p class="answer"><strong>${escapeHtml(v.question)}</strong> ${escapeHtml(v.answer)}</p>`)
  .join('\n')}
</section>`;
}

/** How sure the answer is: only on precision runs. */
function precisionSection(summary: FullSummary, plans: Plans): string {
  const text = precisionReached(summary.precision, summary.currency, plans.verdictPair);
  if (text === null) return '';
  return `<section class="analysis" aria-labelledby="heading-precision">
<h2 id="heading-precision">How precise is the answer?</h2>
<p>${escapeHtml(text)}</p>
</section>`;
}

/** The run's plans as the report and the deck name them: in order, by short name, and the compared pair. */
export interface Plans {
  strategies: StrategyRef[];
  names: Record<string, string>;
  verdictPair: VerdictPair;
  /** The default pair's two names spelled out (defaultPairText), else the labels joined by "vs". */
  versus: string;
}

export function plansOf(params: Pick<ModelParameters, 'strategies' | 'baseline'>): Plans {
  const { a, b } = comparedPair(params);
  const strategies = strategyRefs(params);
  const isDefaultPair = strategies.map((s) => s.key).join() === DEFAULT_PAIR.join();
  return {
    strategies,
    names: Object.fromEntries(strategies.map((strategy) => [strategy.key, shortName(strategy)])),
    verdictPair: { a: { key: a.key, name: shortName(a) }, b: { key: b.key, name: shortName(b) } },
    versus: isDefaultPair ? defaultPairText() : strategies.map((strategy) => strategy.label).join(' vs '),
  };
}

export function buildReportHtml(input: ReportHtmlInput): string {
  const { summary, charts, bundles } = input;
  const plans = plansOf(input.params);
  const { names, versus } = plans;
  const caveat = robustnessCaveat(summary, names);
  const robustCharts = charts.filter((chart) => ROBUSTNESS_CHARTS.has(chart.name));
  const otherCharts = charts.filter((chart) => !ROBUSTNESS_CHARTS.has(chart.name));
  const body = `<header class="answer">
<p class="eyebrow">expansim · ${escapeHtml(summary.scenario)} · ${escapeHtml(versus)}</p>
<h1>${escapeHtml(reportHeadline(summary, names))}</h1>
<p class="verdict">${escapeHtml(reportVerdict(summary, names))}</p>
${caveat === null ? '' : `<p class="verdict caveat">${escapeHtml(caveat)}</p>`}
${strategyTable(keyFigures(summary, input.pLoss), plans.strategies)}
<p class="basis">${escapeHtml(reportBasis(summary))}</p>
</header>
${tableOfContents([
  { id: 'heading-robustness', text: ROBUSTNESS_HEADING },
  ...chartContents(robustCharts),
  ...(precisionSection(summary, plans) ? [{ id: 'heading-precision', text: 'How precise is the answer?' }] : []),
  { id: 'heading-risk', text: 'How risky is each strategy?' },
  ...chartContents(otherCharts),
  { id: 'heading-facts', text: 'The run' },
])}
${robustnessSection(summary, names, plans.strategies.length)}
${robustCharts.map(chartSection).join('\n')}
${[precisionSection(summary, plans), riskSection(summary, plans)].filter(Boolean).join('\n')}
${otherCharts.map((chart, i) => chartSection(chart, robustCharts.length + i)).join('\n')}
${runFactsSection(runFacts(summary, input.version), input.scenario, input.scenarioText, bundles)}`;
  return buildReportPage({ title: `${summary.scenario}: ${plans.strategies.map(shortName).join(' vs ')}`, version: input.version, body, charts, bundles });
}
