/**
 * The robustness analyses in words, for the report's section and headline,
 * the deck, the chart titles and the terminal: does the verdict survive other
 * valuations, which assumption flips it, which accounts each side wins,
 * and the cash a CFO must fund.
 */
import type { RobustnessSummary } from '../stats/summarize-robustness.ts';
import type { ValuationVerdict } from '../stats/valuation-robustness.ts';
import type { RuleCondition } from '../stats/decision-rule.ts';
import type { WhoWinsLeaf } from '../stats/who-wins-where.ts';
import type { AssumptionSwing, SwitchoverSummary } from '../stats/switchovers.ts';
import type { BarrierName } from '../scenario/vocabulary.ts';
import { BARRIER_LABELS } from './build-tornado-spec.ts';
import { formatMoney, formatPercent, formatRate } from './format-figures.ts';

/** Short names by strategy key, and the summary's currency. */
export interface FindingContext {
  names: Record<string, string>;
  currency: string;
}

const nameIn = (context: FindingContext, key: string) => context.names[key] ?? key;

/** A verdict's settings in words: `10%, run-rate terminal value, 72 months`. */
export function verdictSettings(verdict: Pick<ValuationVerdict, 'discountRate' | 'terminalValue' | 'horizonMonths'>): string {
  return `${formatRate(verdict.discountRate)}, ${verdict.terminalValue === 'runRate' ? 'run-rate terminal value' : 'no terminal value'}, ${verdict.horizonMonths} months`;
}

function leadText(verdict: ValuationVerdict, context: FindingContext): string {
  const lead = `${nameIn(context, verdict.leader)} leads by ${formatMoney(Math.abs(verdict.diff.mean), context.currency)}`;
  return verdict.decisive ? lead : `${lead} (within noise)`;
}

/** Where a valuation differs from the run's: "at a 15% discount rate", "over 36 months", "at 15% over 36 months". */
function placeText(verdict: ValuationVerdict, asRun: ValuationVerdict): string {
  const rate = verdict.discountRate !== asRun.discountRate;
  const horizon = verdict.horizonMonths !== asRun.horizonMonths;
  if (rate && horizon) return `at ${formatRate(verdict.discountRate)} over ${verdict.horizonMonths} months`;
  return rate ? `at a ${formatRate(verdict.discountRate)} discount rate` : `over ${verdict.horizonMonths} months`;
}

/** Most flipped valuations a finding names one by one; the rest are counted. */
const NAMED_FLIPS = 3;

function listed(texts: string[], more: (count: number) => string): string {
  const named = texts.slice(0, NAMED_FLIPS);
  return texts.length > NAMED_FLIPS ? `${named.join('; ')}; ${more(texts.length - NAMED_FLIPS)}` : named.join('; ');
}

/**
 * Does the verdict survive? One sentence over the whole cross of horizons ×
 * discount rates × terminal value: the same leader everywhere, or where the
 * lead changes hands ("Beachhead leads only with a run-rate terminal value;
 * without one Hold leads by $0.87M, and at every discount rate and horizon
 * checked; at a 15% discount rate Hold leads by …").
 */
export function valuationFinding(robustness: RobustnessSummary, context: FindingContext): string {
  const { verdicts } = robustness.valuation;
  const asRun = verdicts.find((v) => v.asRun) ?? verdicts[0]!;
  const leader = nameIn(context, asRun.leader);
  const rates = [...new Set(verdicts.map((v) => v.discountRate))].sort((x, y) => x - y);
  const horizons = [...new Set(verdicts.map((v) => v.horizonMonths))].sort((x, y) => x - y);
  const span = (values: number[], show: (v: number) => string) => (values.length > 1 ? `${show(values[0]!)}–${show(values[values.length - 1]!)}` : show(values[0]!));
  if (robustness.valuation.agree) {
    return `${leader} leads under every valuation checked: discount rates ${span(rates, formatRate)}, with and without a terminal value, horizons ${span(horizons, String)} months.`;
  }
  const flipped = (v: ValuationVerdict) => v.leader !== asRun.leader;
  const otherTvCells = verdicts.filter((v) => v.terminalValue !== asRun.terminalValue);
  const otherTvFlips = otherTvCells.filter(flipped);
  const otherTv = otherTvCells.find((v) => v.discountRate === asRun.discountRate && v.horizonMonths === asRun.horizonMonths);
  const only = asRun.terminalValue === 'runRate' && otherTvCells.length > 0 && otherTvFlips.length === otherTvCells.length;
  const withOther = asRun.terminalValue === 'runRate' ? (only ? 'without one' : 'without a terminal value') : 'with a run-rate terminal value';
  const flips: string[] = [];
  if (otherTv !== undefined && flipped(otherTv)) {
    const rest = otherTvFlips.filter((v) => v !== otherTv);
    const also = rest.length === 0 ? '' : rest.length === otherTvCells.length - 1 ? ', and at every discount rate and horizon checked' : `, and also ${listed(rest.map((v) => placeText(v, asRun)), (n) => `${n} more`)}`;
    flips.push(`${withOther} ${leadText(otherTv, context)}${also}`);
  } else if (otherTvFlips.length > 0) {
    flips.push(`${withOther}, ${listed(otherTvFlips.map((v) => `${placeText(v, asRun)} ${leadText(v, context)}`), (n) => `and in ${n} more`)}`);
  }
  const sameTvFlips = verdicts.filter((v) => v.terminalValue === asRun.terminalValue && flipped(v));
  // Nearest the run first: one axis changed before two.
  const distance = (v: ValuationVerdict) => Number(v.discountRate !== asRun.discountRate) + Number(v.horizonMonths !== asRun.horizonMonths);
  const sameTv = [...sameTvFlips].sort((x, y) => distance(x) - distance(y)).map((v) => `${placeText(v, asRun)} ${leadText(v, context)}`);
  if (sameTv.length > 0) flips.push(listed(sameTv, (n) => `in ${n} more ${asRun.terminalValue === 'runRate' ? 'with a run-rate terminal value' : 'without a terminal value'} ${nameIn(context, sameTvFlips[0]!.leader)} leads`));
  const opening = only ? `${leader} leads only with a run-rate terminal value` : `${leader}'s lead (${verdictSettings(asRun)}) does not hold under every valuation`;
  return `${opening}; ${flips.join('; ')}.`;
}

function conditionText(feature: string, conditions: RuleCondition[], currency: string): string {
  const below = conditions.find((c) => c.op === '<=');
  const above = conditions.find((c) => c.op === '>');
  const show = (value: number) => (feature === 'wallet' ? formatMoney(value, currency) : value.toFixed(2));
  const name = feature === 'wallet' ? 'wallet' : BARRIER_LABELS[feature as BarrierName].toLowerCase();
  if (below && above) return `${name} ${show(above.threshold)}–${show(below.threshold)}`;
  return below ? `${name} up to ${show(below.threshold)}` : `${name} above ${show(above!.threshold)}`;
}

/** A leaf's accounts in words: "wallet above $38M and functional walls up to 0.53" (or "all accounts"). */
export function leafAccounts(leaf: Pick<WhoWinsLeaf, 'conditions'>, currency: string): string {
  const features = [...new Set(leaf.conditions.map((c) => c.feature))];
  if (features.length === 0) return 'all accounts';
  return features.map((feature) => conditionText(feature, leaf.conditions.filter((c) => c.feature === feature), currency)).join(' and ');
}

/** One leaf as a sentence: "Beachhead is better on 48% of accounts with …; they are 5% of accounts (mean difference +$2.77M)". */
export function leafFinding(leaf: WhoWinsLeaf, pair: readonly [string, string], context: FindingContext): string {
  const a = nameIn(context, pair[0]);
  const verb = leaf.pBetter.p > 0.5 ? 'wins' : 'is better on';
  return `${a} ${verb} ${formatPercent(leaf.pBetter.p)} of accounts with ${leafAccounts(leaf, context.currency)}; they are ${formatPercent(leaf.share)} of accounts (mean ${a} − ${nameIn(context, pair[1])} ${formatMoney(leaf.meanDiff, context.currency, true)})`;
}

/** Who wins where, in a sentence: the accounts A does best on, and where it does worst. */
export function whoWinsFinding(robustness: RobustnessSummary, context: FindingContext): string {
  const { leaves } = robustness.whoWinsWhere;
  const pair = robustness.pair;
  if (leaves.length < 2) return `No split of wallet or barrier levels separates the accounts ${nameIn(context, pair[0])} wins from the others.`;
  const byP = [...leaves].sort((x, y) => y.pBetter.p - x.pBetter.p);
  const best = byP[0]!;
  const worst = byP[byP.length - 1]!;
  return `${leafFinding(best, pair, context)}; at the other end, ${nameIn(context, pair[0])} is better on only ${formatPercent(worst.pBetter.p)} of accounts with ${leafAccounts(worst, context.currency)} (${formatPercent(worst.share)} of accounts).`;
}

/** The payback and peak cash need of each strategy, in one sentence. */
export function cashFinding(robustness: RobustnessSummary, context: FindingContext): string | null {
  if (robustness.cash === null) return null;
  const parts = Object.entries(robustness.cash).map(([key, cash]) => {
    const month = cash.paybackMonth.p50 === null ? `the median account is not paid back within the horizon (${formatPercent(cash.paidBack)} are)` : `median payback month ${cash.paybackMonth.p50} (${formatPercent(cash.paidBack)} paid back by the horizon)`;
    return `${nameIn(context, key)}: ${month}, peak cash need ${formatMoney(cash.peakCashNeed.p50, context.currency)} median, ${formatMoney(cash.peakCashNeed.p90, context.currency)} at P90`;
  });
  return `${parts.join('; ')} (discounted cumulative cash, no terminal value).`;
}

/** A coefficient value without float noise: 0.0037, 0.46, 1.38. */
export function assumptionValue(value: number): string {
  return String(Number(value.toPrecision(2)));
}

/** One assumption's switchover in words: "flips below 0.46 (95% 0.39–0.54; now 0.5)", or "does not flip in 0–1". */
export function switchoverText(swing: AssumptionSwing): string {
  const range = `${assumptionValue(swing.low)}–${assumptionValue(swing.high)}`;
  if (swing.switchover === null) return `does not flip in ${range}`;
  const { value, ci95, converged } = swing.switchover;
  const side = value < swing.base ? 'below' : 'above';
  const now = swing.kind === 'factor' ? '× 1 now' : `now ${assumptionValue(swing.base)}`;
  return `flips ${side} ${assumptionValue(value)} (95% ${assumptionValue(ci95[0])}–${assumptionValue(ci95[1])}; ${now})${converged ? '' : ', roughly'}`;
}

/** The accounts the switchovers re-ran: "the first 250 accounts (up to 1,000 for 4 close calls)". */
export function switchoverAccounts(switchovers: SwitchoverSummary): string {
  const first = switchovers.firstTrials.toLocaleString('en-US');
  const more = switchovers.assumptions.filter((s) => s.trials > switchovers.firstTrials);
  const most = Math.max(switchovers.firstTrials, ...more.map((s) => s.trials)).toLocaleString('en-US');
  return `the first ${first} accounts${more.length > 0 ? ` (up to ${most} for ${more.length} close call${more.length === 1 ? '' : 's'})` : ''}`;
}

/**
 * How the switchovers measure, in one sentence: the run's own difference
 * plus each assumption's paired change on the re-run accounts, and what
 * those accounts alone say when it differs.
 */
export function switchoverBasis(switchovers: SwitchoverSummary, pair: readonly [string, string], context: FindingContext): string {
  const [a, b] = pair.map((key) => nameIn(context, key));
  const measured = `Switchovers re-run each assumption on ${switchoverAccounts(switchovers)} and add its paired change to the run's own ${a} − ${b}`;
  if (switchovers.baseTrials === switchovers.firstTrials) return `${measured} on those accounts.`;
  const own = switchovers.subsetBase;
  const subsetLeader = own.mean >= 0 ? a : b;
  return `${measured} over all ${switchovers.baseTrials.toLocaleString('en-US')} accounts, so they flip the verdict above (the first ${switchovers.firstTrials.toLocaleString('en-US')} accounts alone put ${subsetLeader} ahead by ${formatMoney(Math.abs(own.mean), context.currency)}).`;
}

/** Which assumptions, if wrong, change the decision: the ones that flip it inside their range, nearest first. */
export function switchoverFinding(robustness: RobustnessSummary, context: FindingContext): string | null {
  const switchovers = robustness.switchovers;
  if (switchovers === null) return null;
  const [a, b] = robustness.pair.map((key) => nameIn(context, key));
  const flipping = switchovers.assumptions.filter((s) => s.switchover !== null);
  const leader = switchovers.base.mean >= 0 ? a : b;
  const verdict = `Over all ${switchovers.baseTrials.toLocaleString('en-US')} accounts ${leader} leads by ${formatMoney(Math.abs(switchovers.base.mean), context.currency)}`;
  if (flipping.length === 0) return `${verdict}, and no assumption flips it anywhere in its plausible range.`;
  const relative = (s: AssumptionSwing) => Math.abs(s.switchover!.value - s.base) / (s.high - s.low);
  const named = [...flipping].sort((x, y) => relative(x) - relative(y)).map((s) => `${s.label.toLowerCase()} ${switchoverText(s)}`);
  const steady = switchovers.assumptions.length - flipping.length;
  return `${verdict}; the verdict flips if ${named.join('; ')}${steady > 0 ? `. The other ${steady} assumptions do not flip it in their ranges` : ''}.`;
}

/** The assumption the verdict hinges on most (the largest swing that flips it), in one line. */
export function hingeFinding(switchovers: SwitchoverSummary): string {
  const flipping = switchovers.assumptions.filter((s) => s.switchover !== null);
  if (flipping.length === 0) return `No assumption flips the verdict inside its plausible range (changes re-run on ${switchoverAccounts(switchovers)})`;
  const top = flipping[0]!;
  const more = flipping.length > 1 ? `; ${flipping.length - 1} more flip it too` : '';
  return `The verdict hinges most on ${top.label.toLowerCase()}: it ${switchoverText(top)}${more}`;
}
