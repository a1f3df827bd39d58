/**
 * The average win factor per stream and type: what the model multiplies a
 * deal's base win probability p0_k by (entry, image, executives, match,
 * walls, selling mode, pull-through; MODEL.md §3.4), averaged over the deals
 * the vendor pursues in the base scenario's accounts under one strategy. A
 * deal history shows win rates, which are p0_k times this factor; dividing it
 * out is how calibration reads p0_k.
 */
import { variance } from 'simple-statistics';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { PROJECT_TYPE_COUNT, PROJECT_TYPES, STREAM_COUNT, type StrategyName } from '../scenario/vocabulary.ts';
import { simulateDealHistory } from './simulate-deal-history.ts';

export interface WinFactors {
  /** Mean of p / p0_k over pursued deals, per cell s·4 + k (NaN where no deal was pursued or p0_k is 0). */
  factor: Float64Array;
  /** Its Monte Carlo standard error, accounts as clusters. */
  se: Float64Array;
  /**
   * How far one account's own average factor strays from the mean: the
   * variance across accounts of their mean factor, net of deal-to-deal noise.
   * Image, relationship and pull-through are shared by an account's deals, so
   * its deals are not independent; this is the part of a win rate's error
   * more deals from the same account do not shrink.
   */
  accountVariance: Float64Array;
  /** Simulated deals behind each cell. */
  deals: Float64Array;
  strategy: StrategyName;
  accounts: number;
  months: number;
}

export interface WinFactorOptions {
  strategy: StrategyName;
  /** Length of the simulated histories: the data's, so image and relationship move as far. */
  months: number;
  /** Simulated accounts (default 2,000). */
  accounts?: number;
  seed: number;
}

/**
 * Simulates the base scenario's accounts over `months` under `strategy` and
 * averages p / p0_k per stream and type (p capped as the model caps it, so
 * the factor is the win rate per unit of p0_k at the base's p0_k).
 *
 * Cost: one deal-history simulation of `accounts` trials (well under a second for 2,000).
 */
export function measureWinFactors(base: Scenario, options: WinFactorOptions): WinFactors {
  const accounts = options.accounts ?? 2000;
  const scenario = { ...base, horizonMonths: options.months, seed: options.seed };
  const deals = simulateDealHistory(scenario, { strategy: options.strategy, accounts });
  const cells = STREAM_COUNT * PROJECT_TYPE_COUNT;
  const baseWin = PROJECT_TYPES.map((type) => base.model.projectTypes[type].baseWinProbability);
  const ratioSum = new Float64Array(cells);
  const count = new Float64Array(cells);
  const perAccount = new Map<number, { ratio: Float64Array; squares: Float64Array; count: Float64Array }>();
  for (const deal of deals) {
    const p0 = baseWin[deal.type]!;
    if (p0 <= 0) continue;
    const cell = deal.stream * PROJECT_TYPE_COUNT + deal.type;
    let account = perAccount.get(deal.account);
    if (!account) perAccount.set(deal.account, (account = { ratio: new Float64Array(cells), squares: new Float64Array(cells), count: new Float64Array(cells) }));
    account.ratio[cell]! += deal.winProbability / p0;
    account.squares[cell]! += (deal.winProbability / p0) ** 2;
    account.count[cell]!++;
    ratioSum[cell]! += deal.winProbability / p0;
    count[cell]!++;
  }
  const factor = Float64Array.from(ratioSum, (total, cell) => (count[cell]! > 0 ? total / count[cell]! : Number.NaN));
  const squares = new Float64Array(cells);
  for (const account of perAccount.values()) {
    for (let cell = 0; cell < cells; cell++) squares[cell]! += (account.ratio[cell]! - factor[cell]! * account.count[cell]!) ** 2;
  }
  const se = Float64Array.from(squares, (total, cell) => (count[cell]! > 0 ? Math.sqrt(total) / count[cell]! : Number.NaN));
  const accountVariance = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    const means: number[] = [];
    const noise: number[] = [];
    for (const account of perAccount.values()) {
      const n = account.count[cell]!;
      if (n < 2) continue;
      const mean = account.ratio[cell]! / n;
      means.push(mean);
      noise.push((account.squares[cell]! / n - mean * mean) / (n - 1));
    }
    accountVariance[cell] = means.length >= 2 ? Math.max(0, variance(means) - noise.reduce((a, b) => a + b, 0) / noise.length) : 0;
  }
  return { factor, se, accountVariance, deals: count, strategy: options.strategy, accounts, months: options.months };
}
