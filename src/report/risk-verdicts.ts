/**
 * The run report's words on risk and certainty: the downside figures side by
 * side, what the stochastic-dominance checks mean in plain words, and the
 * precision a precision run reached.
 */
import { formatMoney, formatPercent } from '../charts/format-figures.ts';
import { overKey } from '../stats/compared-pair.ts';
import type { DominanceCheck, DominanceSummary } from '../stats/risk-profile.ts';
import type { PrecisionSummary } from '../stats/precision-run.ts';
import { formatHalfWidth } from '../charts/build-convergence-spec.ts';
import type { KeyFigure } from './report-headline.ts';
import { DEFAULT_PAIR_NAMES } from '../charts/chart-theme.ts';
import { DEFAULT_PAIR } from '../scenario/vocabulary.ts';

/** The two strategies the verdicts compare: their keys and the names the text uses (the default pair unless named). */
export interface VerdictPair {
  a: { key: string; name: string };
  b: { key: string; name: string };
}

const DEFAULT_VERDICT_PAIR: VerdictPair = { a: { key: DEFAULT_PAIR[0], name: DEFAULT_PAIR_NAMES[0] }, b: { key: DEFAULT_PAIR[1], name: DEFAULT_PAIR_NAMES[1] } };

function namesOf(pair: VerdictPair) {
  const NAMES: Record<string, string> = { [pair.a.key]: pair.a.name, [pair.b.key]: pair.b.name };
  const OTHER: Record<string, string> = { [pair.a.key]: pair.b.key, [pair.b.key]: pair.a.key };
  return { NAMES, OTHER };
}

/** P(loss), P10 and the mean of the worst 10%, a column per strategy (by key). */
export function riskFigures(dominance: DominanceSummary, currency: string): KeyFigure[] {
  const each = (read: (risk: DominanceSummary['risk'][string]) => string) => Object.fromEntries(Object.entries(dominance.risk).map(([key, risk]) => [key, read(risk)]));
  return [
    { label: 'Accounts losing money (NPV < 0)', ...each((risk) => formatPercent(risk.pLoss, 1)) },
    { label: 'P10 NPV: 1 account in 10 does worse', ...each((risk) => formatMoney(risk.p10, currency)) },
    { label: 'Expected shortfall: mean NPV of the worst 10%', ...each((risk) => formatMoney(risk.expectedShortfall10, currency)) },
  ];
}

/** Which strategy of the pair carries less downside, by the mean of its worst 10% and its share of loss-making accounts. */
export function riskVerdict(dominance: DominanceSummary, currency: string, pair: VerdictPair = DEFAULT_VERDICT_PAIR): string {
  const { NAMES, OTHER } = namesOf(pair);
  const [first, second] = [dominance.risk[pair.a.key]!, dominance.risk[pair.b.key]!];
  const money = (value: number) => formatMoney(value, currency);
  const tail = (s: string) => dominance.risk[s]!.expectedShortfall10;
  const loss = (s: string) => formatPercent(dominance.risk[s]!.pLoss, 1);
  const spread = Math.max(Math.abs(first.expectedShortfall10), Math.abs(second.expectedShortfall10), Math.abs(first.p10), Math.abs(second.p10), 1e-9);
  const sameTail = Math.abs(first.expectedShortfall10 - second.expectedShortfall10) < 0.05 * spread;
  const sameLoss = Math.abs(first.pLoss - second.pLoss) < 0.005;
  if (sameTail && sameLoss) {
    return `${pair.a.name} and ${pair.b.name} carry about the same downside: their worst 10% of accounts average ${money(first.expectedShortfall10)} and ${money(second.expectedShortfall10)}, and ${loss(pair.a.key)} and ${loss(pair.b.key)} of accounts lose money.`;
  }
  const safer = sameTail ? (first.pLoss < second.pLoss ? pair.a.key : pair.b.key) : first.expectedShortfall10 > second.expectedShortfall10 ? pair.a.key : pair.b.key;
  const other = OTHER[safer]!;
  const tailText = `its worst 10% of accounts average ${money(tail(safer))} against ${NAMES[other]}'s ${money(tail(other))}`;
  const lossText = `${loss(safer)} of its accounts lose money against ${loss(other)}`;
  if (sameLoss || dominance.risk[safer]!.pLoss <= dominance.risk[other]!.pLoss) {
    return `${NAMES[safer]} carries less downside: ${sameTail ? lossText : `${tailText}, and ${lossText}`}.`;
  }
  return `The downside is mixed: ${NAMES[safer]}'s ${tailText.replace(/^its /, '')}, but ${lossText}.`;
}

function firstOrderAnswer(strategy: string, check: DominanceCheck, currency: string, pair: VerdictPair): string {
  const { NAMES, OTHER } = namesOf(pair);
  const name = NAMES[strategy];
  const other = NAMES[OTHER[strategy]!];
  if (check.holds) return `${name} is: at no NPV does a larger share of its accounts fall at or below it than of ${other}'s.`;
  const gap = `the share of ${name}'s accounts at or below an NPV of ${formatMoney(check.at ?? 0, currency)} is ${(check.largestViolation * 100).toFixed(1)} points higher than ${other}'s`;
  return check.withinNoise ? `${name} is, within sampling noise: at worst ${gap}.` : `${name} is not: ${gap}.`;
}

function secondOrderAnswer(strategy: string, check: DominanceCheck, currency: string, pair: VerdictPair): string {
  const { NAMES, OTHER } = namesOf(pair);
  const name = NAMES[strategy];
  if (check.holds) return `${name} is.`;
  return `${name} is not: on average its NPV falls ${formatMoney(check.largestViolation, currency)} further short of ${formatMoney(check.at ?? 0, currency)} than ${NAMES[OTHER[strategy]!]}'s does.`;
}

/** The answer that holds first: a strategy that dominates (or does within noise) is named before one that does not. */
function ordered(checks: Record<string, DominanceCheck>, pair: VerdictPair): string[] {
  const rank = (c: DominanceCheck) => (c.holds ? 0 : c.withinNoise ? 1 : 2);
  return [pair.a.key, pair.b.key].sort((a, b) => rank(checks[a]!) - rank(checks[b]!));
}

/** The two dominance checks of the pair (b the baseline) as a question and its answer in plain words. */
export function dominanceVerdicts(dominance: DominanceSummary, currency: string, pair: VerdictPair = DEFAULT_VERDICT_PAIR): { question: string; answer: string }[] {
  const { a, b } = pair;
  const checks = (order: Record<string, DominanceCheck>) => ({ [a.key]: order[overKey(a.key, b.key)]!, [b.key]: order[overKey(b.key, a.key)]! });
  const first = checks(dominance.firstOrder);
  const second = checks(dominance.secondOrder);
  const noneSecond = !second[a.key]!.holds && !second[b.key]!.holds ? 'Neither. ' : '';
  return [
    {
      question: 'Is one strategy better at every percentile (first-order stochastic dominance)?',
      answer: ordered(first, pair).map((s) => firstOrderAnswer(s, first[s]!, currency, pair)).join(' '),
    },
    {
      question: 'Would every risk-averse decision-maker prefer one (second-order stochastic dominance)?',
      answer: noneSecond + ordered(second, pair).map((s) => secondOrderAnswer(s, second[s]!, currency, pair)).join(' '),
    },
  ];
}

/** What a precision run reached, or null for a run of a fixed trial count. */
export function precisionReached(precision: PrecisionSummary | undefined, currency: string, pair: VerdictPair = DEFAULT_VERDICT_PAIR): string | null {
  if (!precision) return null;
  const mean = precision.convergence[precision.convergence.length - 1]?.mean ?? 0;
  const allowed = precision.relative ? precision.target * Math.abs(mean) : precision.target;
  const target = precision.relative
    ? `±${formatPercent(precision.target)} of the mean difference (±${formatMoney(allowed, currency)})`
    : `±${formatMoney(precision.target, currency)}`;
  const batches = precision.batches.map((b) => b.toLocaleString('en-US')).join(', ');
  const head = `Trials were added in batches (${batches}) until the 95% CI of the mean difference ${pair.a.name} − ${pair.b.name} was at most ${target}`;
  const outcome =
    precision.stoppedBy === 'precision'
      ? `: reached after ${precision.trialsUsed.toLocaleString('en-US')} trials, at ±${formatHalfWidth(precision.halfWidth, currency)}`
      : `, but the run hit its ceiling of ${precision.maxTrials.toLocaleString('en-US')} trials first, at ±${formatHalfWidth(precision.halfWidth, currency)}: the target was not reached`;
  return `${head}${outcome}. A precision run gives the same figures as a fixed run of its final trial count.`;
}
