/**
 * The portfolio report as one self-contained HTML file, built like the run
 * report (report-page.ts): the finding first, then the charts, the plan per
 * account and team in tables, then the book's facts and files. Pure.
 */
import type { PortfolioResult } from '../portfolio/run-portfolio.ts';
import { formatMoney, formatPercent } from '../charts/format-figures.ts';
import { planName } from '../charts/plan-colors.ts';
import { escapeHtml } from './escape-html.ts';
import { buildReportPage, chartSection, type ReportChart } from './report-page.ts';
import type { VegaBundles } from './vega-bundles.ts';

export interface PortfolioReportHtmlInput {
  result: PortfolioResult;
  bookText: string;
  baseText: string;
  accountsFile: string | null;
  version: string;
  charts: readonly ReportChart[];
  bundles: VegaBundles;
}

/** The headline: what choosing per account is worth, and the plan in words. */
export function portfolioHeadline(result: PortfolioResult): string {
  const best = result.plans.fixed.reduce((a, b) => (b.mean > a.mean ? b : a));
  const gain = result.plans.chosen.mean - best.mean;
  const counts = [...result.strategies.map((s) => s as string | null), null]
    .map((strategy) => ({ name: planName(strategy), count: result.accounts.filter((a) => a.strategy === strategy).length }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.name} for ${entry.count}`);
  return `Choosing per account adds ${formatMoney(gain, result.currency, true)} of expected NPV over the best all-${planName(best.strategy)} plan: ${counts.join(', ')} of ${result.accounts.length} accounts`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<div class="table-scroll"><table class="points">
<thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n')}</tbody>
</table></div>`;
}

function planSection(result: PortfolioResult): string {
  const money = (value: number, signed = false) => formatMoney(value, result.currency, signed);
  const teams = table(
    ['Team', 'Pool FTE', 'Used FTE', 'Expected NPV', 'One more FTE adds', 'Unconstrained FTE'],
    result.teams.map((t) => [t.team, String(t.pool), String(t.fteUsed), money(t.expectedNpv), money(t.valueOfOneMoreFte, true), String(t.unconstrainedFte)]),
  );
  const accounts = table(
    ['Account', 'Group', 'Team', 'Plan', 'FTE', 'Expected NPV', 'Runner-up', 'Choice − runner-up', '95% CI', 'P(choice better)'],
    result.accounts.map((a) => [
      a.account,
      a.group,
      a.team,
      planName(a.strategy),
      String(a.fte),
      money(a.expectedNpv),
      a.runnerUp ? `${planName(a.runnerUp.strategy)} ${a.runnerUp.fte} FTE${a.runnerUp.fitsPool ? '' : ' (beyond the pool)'}` : '',
      a.difference ? money(a.difference.mean, true) : '',
      a.difference?.ci95 ? `${money(a.difference.ci95[0], true)} to ${money(a.difference.ci95[1], true)}` : '',
      a.pChoiceBetter === null ? '' : formatPercent(a.pChoiceBetter),
    ]),
  );
  const plans = table(
    ['Plan', 'Mean', 'P10', 'P50', 'P90', 'P(loss)'],
    [
      ['chosen per account', result.plans.chosen] as const,
      ...result.plans.fixed.map((fixed) => [`all ${planName(fixed.strategy)}`, fixed] as const),
    ].map(([label, d]) => [label, money(d.mean), money(d.p10), money(d.p50), money(d.p90), formatPercent(d.pLoss)]),
  );
  return `<section class="points" aria-labelledby="heading-plan">
<h2 id="heading-plan">The plan</h2>
<p class="reading">Per team, then per account (${escapeHtml(result.currency)} millions). The runner-up is the best option with another plan that fits the team's pool with the other choices kept (or, beyond the pool, what the account would earn with more people); P(choice better) is the share of trials in which the choice earns more.</p>
${teams}
${accounts}
<h3>Portfolio NPV of the plans, at the same pools</h3>
${plans}
</section>`;
}

function factsSection(input: PortfolioReportHtmlInput): string {
  const { result } = input;
  const libraries = input.bundles.scripts.map((b) => `${b.name} ${b.version}`).join(', ');
  const facts: [string, string][] = [
    ['Book', result.book],
    ['Seed', `${result.seed} (account i runs with accountSeed(${result.seed}, i))`],
    ['Trials per account and option', result.trials.toLocaleString('en-US')],
    ['Capacity step', `${result.step} FTE`],
    ['Strategies', result.strategies.map(planName).join(', ')],
    ['Accounts CSV', input.accountsFile ?? '(none)'],
    ['Currency', `${result.currency} (figures in millions)`],
    ['expansim version', input.version],
  ];
  return `<section class="run-facts" aria-labelledby="heading-facts">
<h2 id="heading-facts">The book</h2>
<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<h3>Book file</h3>
<pre class="scenario">${escapeHtml(input.bookText)}</pre>
<details><summary>Base scenario</summary><pre class="scenario">${escapeHtml(input.baseText)}</pre></details>
<p class="colophon">Charts drawn with ${escapeHtml(libraries)}, inlined: this file needs no network.</p>
</section>`;
}

export function buildPortfolioReportHtml(input: PortfolioReportHtmlInput): string {
  const { result, charts, bundles } = input;
  const body = `<header class="answer">
<p class="eyebrow">expansim portfolio · ${escapeHtml(result.book)} · ${result.accounts.length} accounts · ${result.teams.length} teams</p>
<h1>${escapeHtml(portfolioHeadline(result))}</h1>
<p class="basis">${escapeHtml(`Every account's strategies and capacities (0 to full coverage in steps of ${result.step} FTE) evaluated on the same ${result.trials.toLocaleString('en-US')} simulated worlds; each team's plan is the exact optimum within its pool.`)}</p>
</header>
${charts.map(chartSection).join('\n')}
${planSection(result)}
${factsSection(input)}`;
  return buildReportPage({ title: `${result.book}: portfolio plan`, version: input.version, body, charts, bundles });
}
