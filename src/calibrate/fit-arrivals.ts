/**
 * Arrivals (MODEL.md §3.2): opportunities of stream s and type k arrive at
 * λ = ω_s·W·π[s][k]/(12·v̄[s][k]) a month and the vendor sees a share ν_s of
 * them, so the value the vendor sees in a cell, per month, estimates
 * ν_s·ω_s·W·π[s][k]/12: the yearly spend S[s][k] = ω_s·W·π[s][k] once divided
 * by ν_s. Spend, not counts, is what maps back onto the scenario:
 *
 * - π[s][k] = S[s][k] / Σ_k S[s][k] (each mix row sums to 1);
 * - with O the streams in the data, W = Σ_{s∈O} S_s / Σ_{s∈O} ω_s(base), and
 *   ω_s = S_s / W for s ∈ O: the shares of the streams in the data are split
 *   afresh and those of the others kept, so the shares still sum to 1. With
 *   one stream in the data its share is the base's, and only W is fitted.
 *
 * Exposure: a stream counts as covered in an account from the month of its
 * first deal; that month is left out (it is in the data because a deal
 * arrived) and the months after it count. An account's deal flow ends at the
 * export month, or, if its last deal was opened earlier, the month before
 * that one (the account is taken as lost).
 */
import { visibilityProbability } from '../model/opportunity.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { scenarioValue } from '../scenario/scenario-paths.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { PROJECT_TYPE_COUNT, PROJECT_TYPES, STREAM_COUNT, STREAMS } from '../scenario/vocabulary.ts';
import type { Deal } from './deal-history.ts';
import { fitted, kept, tooFew, type FittedValue } from './fitted-value.ts';

export interface SpendRates {
  /** Yearly spend per account in each cell, s·4 + k, $M (all opportunities, seen or not), and its variance. */
  spend: Float64Array;
  variance: Float64Array;
  /** Deals counted per cell and account-months of exposure per stream. */
  deals: Float64Array;
  /** Per account: the value it showed per stream and its months of exposure (for clustered errors). */
  accounts: { value: Float64Array; months: Float64Array }[];
  exposureMonths: Float64Array;
  /** ν_s at the base scenario's typical barrier levels. */
  visibility: Float64Array;
}

/**
 * The yearly spend per account in each stream and type, with its variance
 * (a compound Poisson sum: Σ V² over the exposure, scaled the same way).
 * Cost: one pass over the deals.
 */
export function measureSpendRates(deals: readonly Deal[], params: ModelParameters, dataEnd: number): SpendRates {
  const byAccount = new Map<string, Deal[]>();
  for (const deal of deals) {
    const list = byAccount.get(deal.account);
    if (list) list.push(deal);
    else byAccount.set(deal.account, [deal]);
  }
  const cells = STREAM_COUNT * PROJECT_TYPE_COUNT;
  const rates: SpendRates = {
    spend: new Float64Array(cells),
    variance: new Float64Array(cells),
    deals: new Float64Array(cells),
    exposureMonths: new Float64Array(STREAM_COUNT),
    visibility: Float64Array.from(STREAMS, (_, s) => visibilityProbability(params, s, params.barrierLevels)),
    accounts: [],
  };
  const valueSquares = new Float64Array(cells);
  for (const accountDeals of byAccount.values()) {
    const lastOpened = accountDeals.reduce((last, deal) => Math.max(last, deal.opened), -Infinity);
    const end = lastOpened === dataEnd ? dataEnd : lastOpened - 1;
    const account = { value: new Float64Array(STREAM_COUNT), months: new Float64Array(STREAM_COUNT) };
    rates.accounts.push(account);
    for (let s = 0; s < STREAM_COUNT; s++) {
      const inStream = accountDeals.filter((deal) => deal.stream === s);
      if (inStream.length === 0) continue;
      const first = inStream.reduce((earliest, deal) => Math.min(earliest, deal.opened), Infinity);
      account.months[s] = Math.max(0, end - first);
      rates.exposureMonths[s]! += account.months[s]!;
      for (const deal of inStream) {
        if (deal.opened <= first || deal.opened > end) continue;
        const cell = s * PROJECT_TYPE_COUNT + deal.type;
        rates.deals[cell]!++;
        rates.spend[cell]! += deal.value;
        account.value[s]! += deal.value;
        valueSquares[cell]! += deal.value * deal.value;
      }
    }
  }
  for (let cell = 0; cell < cells; cell++) {
    const s = Math.floor(cell / PROJECT_TYPE_COUNT);
    const scale = rates.exposureMonths[s]! > 0 ? 12 / (rates.exposureMonths[s]! * rates.visibility[s]!) : 0;
    rates.spend[cell]! *= scale;
    rates.variance[cell] = scale * scale * valueSquares[cell]!;
  }
  return rates;
}

/** Variance of a / (a + b) for independent a, b (delta method). */
function shareVariance(a: number, varianceA: number, b: number, varianceB: number): number {
  const total = a + b;
  return (b * b * varianceA + a * a * varianceB) / total ** 4;
}

const fmt = (value: number) => Number(value.toPrecision(2));

/** Fits the wallet median, the wallet shares and the opportunity mix; see the file comment. */
export function fitArrivals(deals: readonly Deal[], base: Scenario, params: ModelParameters, dataEnd: number, minDeals: number): FittedValue[] {
  const rates = measureSpendRates(deals, params, dataEnd);
  const streamSpend = STREAMS.map((_, s) => rates.spend.slice(s * PROJECT_TYPE_COUNT, (s + 1) * PROJECT_TYPE_COUNT).reduce((a, b) => a + b, 0));
  const streamVariance = STREAMS.map((_, s) => rates.variance.slice(s * PROJECT_TYPE_COUNT, (s + 1) * PROJECT_TYPE_COUNT).reduce((a, b) => a + b, 0));
  const streamDeals = STREAMS.map((_, s) => rates.deals.slice(s * PROJECT_TYPE_COUNT, (s + 1) * PROJECT_TYPE_COUNT).reduce((a, b) => a + b, 0));
  const observed = STREAMS.map((_, s) => streamDeals[s]! >= minDeals && rates.exposureMonths[s]! > 0);
  const inData = STREAMS.map((_, s) => deals.some((deal) => deal.stream === s));
  const values: FittedValue[] = [];
  const visibilityNote = `opportunities seen ÷ visibility ν at the base barriers (${STREAMS.map((stream, s) => `${stream} ${fmt(rates.visibility[s]!)}`).join(', ')})`;

  const observedStreams = STREAMS.map((_, s) => s).filter((s) => observed[s]);
  const baseShares = STREAMS.map((stream) => scenarioValue(base, `model.streams.${stream}.walletShare`));
  const shareOfObserved = observedStreams.reduce((total, s) => total + baseShares[s]!, 0);
  const spendOfObserved = observedStreams.reduce((total, s) => total + streamSpend[s]!, 0);
  const dealsOfObserved = observedStreams.reduce((total, s) => total + streamDeals[s]!, 0);
  const medianPath = 'account.wallet.median';
  const baseMedian = scenarioValue(base, medianPath);
  if (observedStreams.length === 0 || shareOfObserved === 0 || spendOfObserved === 0) {
    values.push(kept(medianPath, baseMedian, deals.length, 'too little data: no stream has enough deals after its first month', deals.length > 0));
  } else {
    const wallet = spendOfObserved / shareOfObserved;
    const poissonVariance = observedStreams.reduce((total, s) => total + streamVariance[s]!, 0) / shareOfObserved ** 2;
    // Accounts differ in wallet: the clustered variance of each stream's ratio estimate (value per
    // month over accounts), when it is the larger.
    const clusteredVariance = observedStreams.reduce((total, s) => {
      const scale = 12 / (rates.exposureMonths[s]! * rates.visibility[s]!);
      const perMonth = rates.spend.slice(s * PROJECT_TYPE_COUNT, (s + 1) * PROJECT_TYPE_COUNT).reduce((a, b) => a + b, 0) / scale / rates.exposureMonths[s]!;
      const squares = rates.accounts.reduce((sum, account) => sum + (account.value[s]! - perMonth * account.months[s]!) ** 2, 0);
      return total + scale * scale * squares;
    }, 0) / shareOfObserved ** 2;
    const variance = Math.max(poissonVariance, clusteredVariance);
    const streams = observedStreams.map((s) => STREAMS[s]).join(', ');
    values.push(fitted(medianPath, wallet, baseMedian, dealsOfObserved, Math.sqrt(variance), `yearly spend in ${streams} over their base share ${fmt(shareOfObserved)}; ${visibilityNote}`));
  }

  values.push(kept('account.wallet.sigma', scenarioValue(base, 'account.wallet.sigma'), 0, 'not fitted: how much accounts like these differ is a population fact, not in their deals'));

  STREAMS.forEach((stream, s) => {
    const path = `model.streams.${stream}.walletShare`;
    if (!observed[s]) {
      values.push(kept(path, baseShares[s]!, streamDeals[s]!, inData[s] ? `too little data: ${tooFew(streamDeals[s]!, minDeals)} after the stream's first month` : 'no deals in the data', inData[s]));
    } else if (observedStreams.length === 1) {
      values.push(kept(path, baseShares[s]!, streamDeals[s]!, 'the only stream in the data: its share cannot be told apart from the wallet'));
    } else {
      const others = spendOfObserved - streamSpend[s]!;
      const othersVariance = observedStreams.filter((j) => j !== s).reduce((total, j) => total + streamVariance[j]!, 0);
      const share = (shareOfObserved * streamSpend[s]!) / spendOfObserved;
      const se = shareOfObserved * Math.sqrt(shareVariance(streamSpend[s]!, streamVariance[s]!, others, othersVariance));
      const months = Math.round(rates.exposureMonths[s]!);
      values.push(fitted(path, share, baseShares[s]!, streamDeals[s]!, se, `spend over ${months} account-months covered`));
    }
    PROJECT_TYPES.forEach((type, k) => {
      const mixPath = `model.streams.${stream}.opportunityMix.${type}`;
      const baseMix = scenarioValue(base, mixPath);
      const cell = s * PROJECT_TYPE_COUNT + k;
      if (!observed[s]) {
        values.push(kept(mixPath, baseMix, rates.deals[cell]!, inData[s] ? `too little ${stream} data` : 'no deals in the data'));
        return;
      }
      const spend = rates.spend[cell]!;
      const rest = streamSpend[s]! - spend;
      const se = Math.sqrt(shareVariance(spend, rates.variance[cell]!, rest, streamVariance[s]! - rates.variance[cell]!));
      values.push(fitted(mixPath, spend / streamSpend[s]!, baseMix, streamDeals[s]!, se, rates.deals[cell] === 0 ? `none of them ${type}` : `${rates.deals[cell]} of them ${type}`));
    });
  });
  return values;
}
