/**
 * The run report's words on risk and certainty: the downside figures side by
 * side, what the stochastic-dominance checks mean in plain words, and the
 * precision a precision run reached.
 */
import { formatMoney, formatPercent } from '../charts/format-figures.ts';
import type { StrategyName } from '../scenario/vocabulary.ts';
import type { DominanceCheck, DominanceSummary } from '../stats/risk-profile.ts';
import type { PrecisionSummary } from '../stats/precision-run.ts';
import { formatHalfWidth } from '../charts/build-convergence-spec.ts';
import type { KeyFigure } from './report-headline.ts';

const NAMES: Record<StrategyName, string> = { ato: 'ATO', fitd: 'FITD' };
const OTHER: Record<StrategyName, StrategyName> = { ato: 'fitd', fitd: 'ato' };

/** P(loss), P10 and the mean of the worst 10%, ATO next to FITD. */
export function riskFigures(dominance: DominanceSummary, currency: string): KeyFigure[] {
  const { ato, fitd } = dominance.risk;
  return [
    { label: 'Accounts losing money (NPV < 0)', ato: formatPercent(ato.pLoss, 1), fitd: formatPercent(fitd.pLoss, 1) },
    { label: 'P10 NPV: 1 account in 10 does worse', ato: formatMoney(ato.p10, currency), fitd: formatMoney(fitd.p10, currency) },
    { label: 'Expected shortfall: mean NPV of the worst 10%', ato: formatMoney(ato.expectedShortfall10, currency), fitd: formatMoney(fitd.expectedShortfall10, currency) },
  ];
}

/** Which strategy carries less downside, by the mean of its worst 10% and its share of loss-making accounts. */
export function riskVerdict(dominance: DominanceSummary, currency: string): string {
  const { ato, fitd } = dominance.risk;
  const money = (value: number) => formatMoney(value, currency);
  const tail = (s: StrategyName) => dominance.risk[s].expectedShortfall10;
  const loss = (s: StrategyName) => formatPercent(dominance.risk[s].pLoss, 1);
  const spread = Math.max(Math.abs(ato.expectedShortfall10), Math.abs(fitd.expectedShortfall10), Math.abs(ato.p10), Math.abs(fitd.p10), 1e-9);
  const sameTail = Math.abs(ato.expectedShortfall10 - fitd.expectedShortfall10) < 0.05 * spread;
  const sameLoss = Math.abs(ato.pLoss - fitd.pLoss) < 0.005;
  if (sameTail && sameLoss) {
    return `ATO and FITD carry about the same downside: their worst 10% of accounts average ${money(ato.expectedShortfall10)} and ${money(fitd.expectedShortfall10)}, and ${loss('ato')} and ${loss('fitd')} of accounts lose money.`;
  }
  const safer: StrategyName = sameTail ? (ato.pLoss < fitd.pLoss ? 'ato' : 'fitd') : ato.expectedShortfall10 > fitd.expectedShortfall10 ? 'ato' : 'fitd';
  const other = OTHER[safer];
  const tailText = `its worst 10% of accounts average ${money(tail(safer))} against ${NAMES[other]}'s ${money(tail(other))}`;
  const lossText = `${loss(safer)} of its accounts lose money against ${loss(other)}`;
  if (sameLoss || dominance.risk[safer].pLoss <= dominance.risk[other].pLoss) {
    return `${NAMES[safer]} carries less downside: ${sameTail ? lossText : `${tailText}, and ${lossText}`}.`;
  }
  return `The downside is mixed: ${NAMES[safer]}'s ${tailText.replace(/^its /, '')}, but ${lossText}.`;
}

function firstOrderAnswer(strategy: StrategyName, check: DominanceCheck, currency: string): string {
  const name = NAMES[strategy];
  const other = NAMES[OTHER[strategy]];
  if (check.holds) return `${name} is: at no NPV does a larger share of its accounts fall at or below it than of ${other}'s.`;
  const gap = `the share of ${name}'s accounts at or below an NPV of ${formatMoney(check.at ?? 0, currency)} is ${(check.largestViolation * 100).toFixed(1)} points higher than ${other}'s`;
  return check.withinNoise ? `${name} is, within sampling noise: at worst ${gap}.` : `${name} is not: ${gap}.`;
}

function secondOrderAnswer(strategy: StrategyName, check: DominanceCheck, currency: string): string {
  const name = NAMES[strategy];
  if (check.holds) return `${name} is.`;
  return `${name} is not: on average its NPV falls ${formatMoney(check.largestViolation, currency)} further short of ${formatMoney(check.at ?? 0, currency)} than ${NAMES[OTHER[strategy]]}'s does.`;
}

/** The answer that holds first: a strategy that dominates (or does within noise) is named before one that does not. */
function ordered(checks: Record<StrategyName, DominanceCheck>): StrategyName[] {
  const rank = (c: DominanceCheck) => (c.holds ? 0 : c.withinNoise ? 1 : 2);
  return (['ato', 'fitd'] as const).slice().sort((a, b) => rank(checks[a]) - rank(checks[b]));
}

/** The two dominance checks as a question and its answer in plain words. */
export function dominanceVerdicts(dominance: DominanceSummary, currency: string): { question: string; answer: string }[] {
  const first = { ato: dominance.firstOrder.atoOverFitd, fitd: dominance.firstOrder.fitdOverAto };
  const second = { ato: dominance.secondOrder.atoOverFitd, fitd: dominance.secondOrder.fitdOverAto };
  const noneSecond = !second.ato.holds && !second.fitd.holds ? 'Neither. ' : '';
  return [
    {
      question: 'Is one strategy better at every percentile (first-order stochastic dominance)?',
      answer: ordered(first).map((s) => firstOrderAnswer(s, first[s], currency)).join(' '),
    },
    {
      question: 'Would every risk-averse decision-maker prefer one (second-order stochastic dominance)?',
      answer: noneSecond + ordered(second).map((s) => secondOrderAnswer(s, second[s], currency)).join(' '),
    },
  ];
}

/** What a precision run reached, or null for a run of a fixed trial count. */
export function precisionReached(precision: PrecisionSummary | undefined, currency: string): string | null {
  if (!precision) return null;
  const mean = precision.convergence[precision.convergence.length - 1]?.mean ?? 0;
  const allowed = precision.relative ? precision.target * Math.abs(mean) : precision.target;
  const target = precision.relative
    ? `±${formatPercent(precision.target)} of the mean difference (±${formatMoney(allowed, currency)})`
    : `±${formatMoney(precision.target, currency)}`;
  const batches = precision.batches.map((b) => b.toLocaleString('en-US')).join(', ');
  const head = `Trials were added in batches (${batches}) until the 95% CI of the mean difference ATO − FITD was at most ${target}`;
  const outcome =
    precision.stoppedBy === 'precision'
      ? `: reached after ${precision.trialsUsed.toLocaleString('en-US')} trials, at ±${formatHalfWidth(precision.halfWidth, currency)}`
      : `, but the run hit its ceiling of ${precision.maxTrials.toLocaleString('en-US')} trials first, at ±${formatHalfWidth(precision.halfWidth, currency)}: the target was not reached`;
  return `${head}${outcome}. A precision run gives the same figures as a fixed run of its final trial count.`;
}
