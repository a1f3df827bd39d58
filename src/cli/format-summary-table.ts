/**
 * The terminal view of a summary: the strategies side by side (a column
 * each), then each paired comparison with the baseline, in plain text a
 * person reads in a terminal or pastes in a chat.
 */
import type { Comparison } from '../stats/compare-strategies.ts';
import { betterKey } from '../stats/compared-pair.ts';
import type { StrategySummary, Summary } from '../stats/summarize-outcomes.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { strategyLabel } from '../scenario/strategy-schema.ts';

import { formatBestPlan } from './format-best-plan.ts';
import { formatCount as count, formatMillions as money, formatMonth as months, formatShare as percent } from './terminal-figures.ts';

/** Strategy keys to the labels they are shown under (the scenario's `label:`s); a key without one shows as itself. */
export type StrategyLabels = Readonly<Record<string, string>>;

/** The labels of a scenario's strategies, for the tables. */
export function strategyLabelsOf(scenario: Pick<Scenario, 'strategies'>): StrategyLabels {
  return Object.fromEntries(Object.entries(scenario.strategies).map(([key, plan]) => [key, strategyLabel(key, plan)]));
}

type Heading = (key: string) => string;

type Row = string[];

function strategyRows(strategies: StrategySummary[], currency: string, horizonMonths: number): Row[] {
  const each = (read: (s: StrategySummary) => string, label: string): Row => [label, ...strategies.map(read)];
  const unit = `${currency} M`;
  return [
    each((s) => money(s.npv.mean), `NPV, mean (${unit})`),
    each((s) => `${money(s.npv.p10)} / ${money(s.npv.p50)} / ${money(s.npv.p90)}`, 'NPV, P10 / P50 / P90'),
    each((s) => money(s.revenue.mean), `Revenue, mean (${unit})`),
    each((s) => money(s.grossMargin.mean), `Gross margin, mean (${unit})`),
    each((s) => percent(s.costOfSaleShare), 'Cost of sale / revenue'),
    each((s) => percent(s.pLockedDownstream), `P(no upstream win in ${horizonMonths} months)`),
    each((s) => percent(s.pChurned), 'P(churn)'),
    each((s) => months(s.monthsToFirstMidstreamWin.median), 'First midstream win, median month'),
    each((s) => months(s.monthsToFirstUpstreamWin.median), 'First upstream win, median month'),
  ];
}

function layout(rows: Row[], header: Row): string[] {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: Row) => `  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ')}`;
  return [line(header), `  ${'─'.repeat(widths.reduce((sum, width) => sum + width, 0) + 3 * (widths.length - 1))}`, ...rows.map(line)];
}

/** The keys of the comparison's pair: the strategy whose `p…Better` it holds, and the baseline. */
function pairOf(summary: Summary): [string, string] {
  const keys = Object.keys(summary.strategies);
  const first = keys.find((key) => betterKey(key) in summary.comparison)!;
  const others = summary.comparisons ? Object.keys(summary.comparisons) : [first];
  return [first, keys.find((key) => !others.includes(key))!];
}

function comparisonLines(strategyHeading: Heading, a: string, b: string, comparison: Comparison, trials: number, unit: string): string[] {
  const { npvDiff } = comparison;
  const better = comparison[betterKey(a)]!;
  const [nameA, nameB] = [strategyHeading(a), strategyHeading(b)];
  const ci = npvDiff.ci95 ? `95% CI [${money(npvDiff.ci95[0], true)}, ${money(npvDiff.ci95[1], true)}]` : '(no interval from one trial)';
  const label = `P(${nameA} better)`;
  return [
    `  ${nameA} − ${nameB}, paired on the same ${count(trials)} accounts`,
    `    Mean NPV difference   ${money(npvDiff.mean, true)} ${unit}   ${ci}`,
    `    ${label.padEnd(21)} ${percent(better.p)}   95% CI [${percent(better.ci95[0])}, ${percent(better.ci95[1])}]`,
  ];
}

function verdictOf(strategyHeading: Heading, a: string, b: string, comparison: Comparison, unit: string): string {
  const { npvDiff } = comparison;
  const [nameA, nameB] = [strategyHeading(a), strategyHeading(b)];
  if (npvDiff.ci95 === null) return 'One trial cannot say which strategy is better.';
  if (npvDiff.ci95[0] > 0) return `${nameA} beats ${nameB} by ${money(npvDiff.mean)} ${unit} in mean NPV.`;
  if (npvDiff.ci95[1] < 0) return `${nameB} beats ${nameA} by ${money(-npvDiff.mean)} ${unit} in mean NPV.`;
  return 'Neither strategy is ahead in mean NPV at 95% confidence; run more trials or accept a tie.';
}

/** With more than two strategies: which has the best mean NPV, and on what share of accounts each is the best. */
function bestLines(strategyHeading: Heading, summary: Summary): string[] {
  if (!summary.pBest) return [];
  const shares = Object.entries(summary.pBest).map(
    ([key, share]) => `    ${strategyHeading(key).padEnd(21)} ${percent(share.p)}   95% CI [${percent(share.ci95[0])}, ${percent(share.ci95[1])}]`,
  );
  const headline = formatBestPlan(summary, strategyHeading);
  return ['  P(best): share of accounts on which each strategy has the highest NPV', ...shares, ...(headline ? ['', `  ${headline}`] : [])];
}

/** The summary as terminal text (no colours, so it survives pipes and logs). */
export function formatSummaryTable(summary: Summary, labels: StrategyLabels = {}): string {
  const strategyHeading: Heading = (key) => labels[key] ?? key;
  const keys = Object.keys(summary.strategies);
  const [a, b] = pairOf(summary);
  const unit = `${summary.currency} M`;
  const terminal = summary.terminalValue === 'runRate' ? 'run-rate terminal value' : 'no terminal value';
  const comparisons = summary.comparisons ? Object.entries(summary.comparisons) : [[a, summary.comparison] as const];
  return [
    `expansim · ${summary.scenario} · ${count(summary.trials)} trials · seed ${summary.seed} · ${summary.horizonMonths} months · r = ${(100 * summary.discountRate).toFixed(1)}% · ${terminal}`,
    '',
    ...layout(strategyRows(keys.map((key) => summary.strategies[key]!), summary.currency, summary.horizonMonths), ['', ...keys.map(strategyHeading)]),
    '',
    ...comparisons.flatMap(([key, comparison]) => [...comparisonLines(strategyHeading, key, b, comparison, summary.trials, unit), '']),
    ...(summary.pBest ? bestLines(strategyHeading, summary) : [`  ${verdictOf(strategyHeading, a, b, summary.comparison, unit)}`]),
    '',
  ].join('\n');
}
