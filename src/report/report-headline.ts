/**
 * The report's opening: the answer in one line ("Beachhead beats Hold by X
 * [CI] in NPV; P(Beachhead better) = …"), one sentence on what it means, and the key
 * figures side by side.
 */
import { formatCount, formatMoney, formatPercent, formatRate } from '../charts/format-figures.ts';
import { DEFAULT_PAIR_NAMES, shortName } from '../charts/chart-theme.ts';
import { DEFAULT_PAIR } from '../scenario/vocabulary.ts';
import { betterKey } from '../stats/compared-pair.ts';
import { pBetter } from '../stats/compare-strategies.ts';
import type { Summary } from '../stats/summarize-outcomes.ts';

function moneyInterval(interval: [number, number], currency: string): string {
  return `[95% CI ${formatMoney(interval[0], currency)} to ${formatMoney(interval[1], currency)}]`;
}

function shareInterval(interval: [number, number]): string {
  return `[${formatPercent(interval[0], 1)} to ${formatPercent(interval[1], 1)}]`;
}

/** The compared pair of a two-plan summary: its keys and short names (a's is the key of its `p…Better`). */
function summaryPair(summary: Summary, names: Record<string, string>) {
  const keys = Object.keys(summary.strategies);
  const a = keys.find((key) => betterKey(key) in summary.comparison)!;
  const b = keys.find((key) => key !== a)!;
  const name = (key: string) => names[key] ?? shortName({ key, label: key });
  return { a, nameA: name(a), nameB: name(b) };
}

/** "Beachhead beats Hold by $0.16M [95% CI $0.11M to $0.21M] in NPV per account; P(Beachhead better) = 26.7% [26.1% to 27.3%]". */
export function reportHeadline(summary: Summary, names: Record<string, string> = {}): string {
  if (summary.pBest && summary.comparisons) return bestPlanHeadline(summary, names);
  const { npvDiff } = summary.comparison;
  const { a, nameA, nameB } = summaryPair(summary, names);
  const pABetter = pBetter(summary.comparison, a);
  const { currency } = summary;
  const better = `P(${nameA} better) = ${formatPercent(pABetter.p, 1)} ${shareInterval(pABetter.ci95)}`;
  const interval = npvDiff.ci95 === null ? '(one trial: no interval)' : moneyInterval(npvDiff.ci95, currency);
  if (npvDiff.ci95 !== null && npvDiff.ci95[0] <= 0 && npvDiff.ci95[1] >= 0) {
    return `No clear NPV winner: ${nameA} − ${nameB} = ${formatMoney(npvDiff.mean, currency, true)} ${interval} per account; ${better}`;
  }
  const aWins = npvDiff.mean >= 0;
  const [winner, loser] = aWins ? [nameA, nameB] : [nameB, nameA];
  const gapInterval = npvDiff.ci95 === null ? interval : moneyInterval(aWins ? npvDiff.ci95 : [-npvDiff.ci95[1], -npvDiff.ci95[0]], currency);
  return `${winner} beats ${loser} by ${formatMoney(Math.abs(npvDiff.mean), currency)} ${gapInterval} in NPV per account; ${better}`;
}

/** What the headline means for a decision: does the average agree with the typical account? */
export function reportVerdict(summary: Summary, names: Record<string, string> = {}): string {
  if (summary.pBest) return 'Each plan is compared with the baseline on the same accounts; P(best) is the share of accounts on which a plan has the highest NPV of all.';
  const { npvDiff, pTie } = summary.comparison;
  const { a, nameA, nameB } = summaryPair(summary, names);
  const pABetter = pBetter(summary.comparison, a);
  const pBBetter = 1 - pABetter.p - pTie;
  if (npvDiff.ci95 !== null && npvDiff.ci95[0] <= 0 && npvDiff.ci95[1] >= 0) {
    return `The average difference is within simulation noise at ${summary.trials.toLocaleString('en-US')} accounts; ${nameA} does better in ${formatPercent(pABetter.p)} of them and ${nameB} in ${formatPercent(pBBetter)}.`;
  }
  const aLeads = npvDiff.mean > 0;
  const leaderShare = aLeads ? pABetter.p : pBBetter;
  const [leader, other] = aLeads ? [nameA, nameB] : [nameB, nameA];
  if (leaderShare >= 0.5) {
    return `${leader} earns more on average and on most accounts (${formatPercent(leaderShare)} of them): the lead is broad, not carried by a few accounts.`;
  }
  return `${leader} earns more on average, but ${other} does better on ${formatPercent(1 - leaderShare - pTie)} of accounts: ${leader}'s lead comes from a minority of accounts where it pays off big (median difference ${formatMoney(npvDiff.p50, summary.currency, true)}).`;
}

/** The basis every figure rests on, in one line. */
export function reportBasis(summary: Summary): string {
  const keys = Object.keys(summary.strategies);
  const migrating = keys.join() === DEFAULT_PAIR.join() ? DEFAULT_PAIR_NAMES[1] : 'the plans that open streams later';
  const terminal =
    summary.terminalValue === 'runRate'
      ? `NPV includes a run-rate terminal value (without one, the horizon alone biases the comparison toward ${migrating})`
      : `NPV has no terminal value: the horizon alone, which biases the comparison toward ${migrating}`;
  const under = keys.length === 2 ? 'both strategies' : `all ${keys.length} strategies`;
  return `${summary.trials.toLocaleString('en-US')} simulated accounts, each run under ${under}, over ${summary.horizonMonths} months at a ${formatRate(summary.discountRate)} yearly discount rate; money in ${summary.currency} millions. ${terminal}.`;
}

/** A row of figures: its label, and a value per strategy key. */
export type KeyFigure = { label: string } & Record<string, string>;

/**
 * With more than two strategies: the best plan by mean NPV, how far it leads
 * the baseline, and on what share of accounts it is the best of all.
 */
export function bestPlanHeadline(summary: Summary, names: Record<string, string> = {}): string {
  const name = (key: string) => names[key] ?? key;
  const entries = Object.entries(summary.strategies);
  const [best] = entries.reduce((top, entry) => (entry[1].npv.mean > top[1].npv.mean ? entry : top));
  const baseline = entries.map(([key]) => key).find((key) => !(key in summary.comparisons!))!;
  const share = summary.pBest![best]!;
  const sure = `it is the best plan on ${formatPercent(share.p, 1)} ${shareInterval(share.ci95)} of accounts`;
  if (best === baseline) return `${name(best)}, the baseline, has the best mean NPV (${formatMoney(summary.strategies[best]!.npv.mean, summary.currency)} per account); ${sure}`;
  const { npvDiff } = summary.comparisons![best]!;
  const interval = npvDiff.ci95 === null ? '(one trial: no interval)' : moneyInterval(npvDiff.ci95, summary.currency);
  return `${name(best)} beats ${name(baseline)} by ${formatMoney(npvDiff.mean, summary.currency)} ${interval} per account, the best mean NPV of the ${entries.length} plans; ${sure}`;
}

/** The figures a reviewer asks for first, a column per strategy. */
export function keyFigures(summary: Summary, pLoss: Record<string, number>): KeyFigure[] {
  const { currency } = summary;
  type StrategySummary = Summary['strategies'][string];
  const both = (read: (s: StrategySummary, key: string) => string) =>
    Object.fromEntries(Object.entries(summary.strategies).map(([key, strategy]) => [key, read(strategy, key)]));
  const months = (m: { median: number | null; reached: number }) =>
    m.median === null ? 'never' : `month ${m.median} (${formatPercent(m.reached)} of accounts get one)`;
  return [
    { label: 'Mean NPV per account', ...both((s) => formatMoney(s.npv.mean, currency)) },
    { label: 'Median NPV (P10 to P90)', ...both((s) => `${formatMoney(s.npv.p50, currency)} (${formatMoney(s.npv.p10, currency)} to ${formatMoney(s.npv.p90, currency)})`) },
    { label: 'Accounts losing money (NPV < 0)', ...both((_, key) => formatPercent(pLoss[key]!, 1)) },
    { label: 'Terminal value in NPV (mean)', ...both((s) => formatMoney(s.terminalValue.mean, currency)) },
    { label: 'Revenue per account (mean, undiscounted)', ...both((s) => formatMoney(s.revenue.mean, currency)) },
    { label: 'Cost of sale / revenue', ...both((s) => (s.costOfSaleShare === null ? 'n/a' : formatPercent(s.costOfSaleShare, 1))) },
    { label: 'Deals won per account', ...both((s) => formatCount(s.dealsWon.mean)) },
    { label: 'First upstream win (median, among accounts with one)', ...both((s) => months(s.monthsToFirstUpstreamWin)) },
    { label: `No upstream win in ${summary.horizonMonths} months`, ...both((s) => formatPercent(s.pLockedDownstream)) },
    { label: 'Accounts that churned', ...both((s) => formatPercent(s.pChurned)) },
  ];
}
