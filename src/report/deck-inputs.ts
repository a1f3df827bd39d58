/**
 * What the deck of a run and of a sweep says, in the deck's generic shape
 * (build-deck.ts): the same headline, verdict, figures and facts as the
 * HTML report, and the rendered charts with their notes.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { FullSummary } from '../stats/full-summary.ts';
import type { SweepResult } from '../stats/sweep.ts';
import type { PortfolioResult } from '../portfolio/run-portfolio.ts';
import { planName } from '../charts/plan-colors.ts';
import { formatMoney, formatPercent } from '../charts/format-figures.ts';
import { portfolioHeadline } from './build-portfolio-report-html.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { parameterLabel } from '../charts/parameter-label.ts';
import type { DeckChart, DeckInput } from './build-deck.ts';
import { plansOf, runFacts } from './build-report-html.ts';
import { sweepFacts } from './build-sweep-report-html.ts';
import { chartNotes } from './chart-notes.ts';
import { keyFigures, reportBasis, reportHeadline, reportVerdict } from './report-headline.ts';
import type { ReportChart } from './report-page.ts';
import { precisionReached, riskVerdict } from './risk-verdicts.ts';
import { robustnessCaveat } from './robustness-section.ts';
import { shortName } from '../charts/chart-theme.ts';
import { sweepBasis, sweepHeadline, sweepVerdict } from './sweep-headline.ts';

const MAX_FACT_LENGTH = 100;

function deckCharts(charts: readonly ReportChart[]): DeckChart[] {
  return charts.map((chart) => ({ title: chart.title, png: chart.png, notes: chartNotes(chart) }));
}

/** A fact short enough for one line of the closing slide; the report has it whole. */
function deckFacts(facts: readonly [string, string][]): [string, string][] {
  return facts.map(([label, value]) => [label, value.length > MAX_FACT_LENGTH ? `${value.slice(0, MAX_FACT_LENGTH - 1)}…` : value]);
}

export function runDeckInput(params: Pick<ModelParameters, 'strategies' | 'baseline'>, summary: FullSummary, charts: readonly ReportChart[], pLoss: Record<string, number>, version: string): DeckInput {
  const plans = plansOf(params);
  const precision = precisionReached(summary.precision, summary.currency, plans.verdictPair);
  const { strategies, names } = plans;
  const robustness = robustnessCaveat(summary, names);
  return {
    eyebrow: `expansim · ${summary.scenario} · ${strategies.map((s) => s.label).join(' vs ')}`,
    headline: reportHeadline(summary, names),
    caveat: [reportVerdict(summary, names), ...(robustness ? [robustness] : []), riskVerdict(summary.dominance, summary.currency, plans.verdictPair), ...(precision ? [precision] : []), reportBasis(summary)],
    charts: deckCharts(charts),
    table: {
      title: 'The headline figures',
      header: ['', ...strategies.map((s) => s.label)],
      rows: keyFigures(summary, pLoss).map((f) => [f.label, ...strategies.map((s) => f[s.key] ?? '')]),
    },
    facts: deckFacts(runFacts(summary, version)),
  };
}

export function sweepDeckInput(result: SweepResult, scenario: Scenario, charts: readonly ReportChart[], version: string): DeckInput {
  const swept = result.parameters.map((p) => parameterLabel(p.path)).join(' × ');
  const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;
  const paths = result.parameters.map((p) => p.path);
  const { a, b } = result.compared;
  return {
    eyebrow: `expansim sweep · ${result.scenario} · ${swept} · ${a.label} vs ${b.label}`,
    headline: sweepHeadline(result),
    caveat: [sweepVerdict(result), sweepBasis(result, scenario)],
    charts: deckCharts(charts),
    table: {
      title: `Mean NPV per account (${result.currency} M) at each point`,
      header: [...paths.map(parameterLabel), a.label, b.label, `${a.label} − ${b.label}`, 'Ahead'],
      rows: result.points.map((point) => [
        ...paths.map((p) => String(point.values[p])),
        signed(point.a.mean),
        signed(point.b.mean),
        signed(point.diff.mean),
        !point.signSettled ? 'not settled' : point.diff.mean > 0 ? a.label : b.label,
      ]),
    },
    facts: deckFacts(sweepFacts({ result, scenario, version })),
  };
}

export function portfolioDeckInput(result: PortfolioResult, charts: readonly ReportChart[], version: string): DeckInput {
  const money = (value: number, signed = false) => formatMoney(value, result.currency, signed);
  const teams = result.teams.map(
    (t) => `${t.team}: ${t.fteUsed} of ${t.pool} FTE used; one more FTE adds ${money(t.valueOfOneMoreFte, true)} of expected NPV`,
  );
  const distributions = [['chosen per account', result.plans.chosen] as const, ...result.plans.fixed.map((f) => [`all ${planName(f.strategy)}`, f] as const)];
  return {
    eyebrow: `expansim portfolio · ${result.book} · ${result.accounts.length} accounts · ${result.strategies.map(planName).join(', ')}`,
    headline: portfolioHeadline(result),
    caveat: [
      ...teams,
      `Expected NPVs from ${result.trials.toLocaleString('en-US')} trials per account and option, on common random numbers; the plan is exact on the ${result.step}-FTE grid for those estimates.`,
    ],
    charts: deckCharts(charts),
    table: {
      title: `Portfolio NPV of the plans at the same pools (${result.currency} M)`,
      header: ['Plan', 'Mean', 'P10', 'P50', 'P90', 'P(loss)'],
      rows: distributions.map(([label, d]) => [label, money(d.mean), money(d.p10), money(d.p50), money(d.p90), formatPercent(d.pLoss)]),
    },
    facts: deckFacts([
      ['Book', result.book],
      ['Seed', String(result.seed)],
      ['Trials per account and option', result.trials.toLocaleString('en-US')],
      ['Capacity step', `${result.step} FTE`],
      ['Strategies', result.strategies.map(planName).join(', ')],
      ['Currency', `${result.currency} (figures in millions)`],
      ['expansim version', version],
    ]),
  };
}
