/**
 * Discounts (MODEL.md §3.4): d = clip(d0_s + θ_s·PUR + noise·z, 0, max). One
 * account has one purchasing-control level, so its data cannot separate d0_s
 * from θ_s·PUR: d0_s is fitted as the mean discount less θ_s·PUR at the base
 * scenario's θ_s and PUR, and the noise as the spread around each account's
 * own mean in each stream.
 */
import { mean, sampleStandardDeviation, sum, sumNthPowerDeviations } from 'simple-statistics';
import { scenarioValue } from '../scenario/scenario-paths.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { STREAMS } from '../scenario/vocabulary.ts';
import type { Deal } from './deal-history.ts';
import { fitted, kept, tooFew, type FittedValue } from './fitted-value.ts';

/** Fits each stream's base discount d0 and the deal-to-deal discount noise. */
export function fitDiscounts(deals: readonly Deal[], base: Scenario, minDeals: number): FittedValue[] {
  const withDiscount = deals.filter((deal) => deal.discount !== null);
  const purchasingControl = base.account.barriers.purchasingControl;
  const values: FittedValue[] = [];
  const groups = new Map<string, number[]>();
  for (const deal of withDiscount) {
    const key = `${deal.account}\u0000${deal.stream}`;
    const group = groups.get(key);
    if (group) group.push(deal.discount!);
    else groups.set(key, [deal.discount!]);
  }

  STREAMS.forEach((stream, s) => {
    const path = `model.streams.${stream}.baseDiscount`;
    const baseValue = scenarioValue(base, path);
    const discounts = withDiscount.filter((deal) => deal.stream === s).map((deal) => deal.discount!);
    if (discounts.length < minDeals) {
      const inData = deals.some((deal) => deal.stream === s);
      values.push(kept(path, baseValue, discounts.length, discounts.length === 0 ? 'no discounts in the data' : `too little data: ${tooFew(discounts.length, minDeals)} with a discount`, inData && discounts.length > 0));
      return;
    }
    const theta = scenarioValue(base, `model.streams.${stream}.purchasingDiscount`);
    const average = mean(discounts);
    const value = Math.min(1, Math.max(0, average - theta * purchasingControl));
    // Accounts differ in purchasing control, so deals of one account share a shift: take the larger
    // of the deal-by-deal and the account-clustered standard errors.
    const deviations = [...groups.entries()].filter(([key]) => key.endsWith(`\u0000${s}`)).map(([, group]) => sum(group) - group.length * average);
    const clustered = Math.sqrt(sum(deviations.map((d) => d * d))) / discounts.length;
    const se = Math.max(sampleStandardDeviation(discounts) / Math.sqrt(discounts.length), clustered);
    values.push(fitted(path, value, baseValue, discounts.length, se, `mean discount ${mean(discounts).toFixed(3)} less θ·PUR = ${theta}·${purchasingControl} from the base`));
  });

  const noisePath = 'model.discount.noise';
  const baseNoise = scenarioValue(base, noisePath);
  const df = withDiscount.length - groups.size;
  if (df < minDeals) {
    values.push(kept(noisePath, baseNoise, withDiscount.length, withDiscount.length === 0 ? 'no discounts in the data' : `too little data: ${tooFew(Math.max(df, 0), minDeals)} beyond one per account and stream`, withDiscount.length > 0));
  } else {
    const noise = Math.sqrt(sum([...groups.values()].map((group) => sumNthPowerDeviations(group, 2))) / df);
    values.push(fitted(noisePath, noise, baseNoise, withDiscount.length, noise / Math.sqrt(2 * df), 'spread of discounts around each account\'s mean in each stream'));
  }
  return values;
}
