/** A small, fixed portfolio result for the portfolio charts and report (hand-made, so the charts are tested alone). */
import type { PortfolioResult } from '../../src/portfolio/run-portfolio.ts';

const distribution = (mean: number) => ({ mean, p10: mean - 10, p50: mean + 0.5, p90: mean + 12, pLoss: mean < 10 ? 0.08 : 0 });

export const PORTFOLIO: PortfolioResult = {
  book: 'fixture book',
  seed: 3,
  currency: 'USD',
  step: 0.5,
  trials: 100,
  strategies: ['ato', 'fitd'],
  accounts: [
    { account: 'Bank', group: 'Bank', team: 'Red', strategy: 'fitd', fte: 4.5, expectedNpv: 30.25, runnerUp: { strategy: 'ato', fte: 4.5, expectedNpv: 7.5, fitsPool: true }, difference: { mean: 22.75, ci95: [20.5, 25] }, pChoiceBetter: 0.96 },
    { account: 'Platform', group: 'Platform', team: 'Red', strategy: 'ato', fte: 7, expectedNpv: 41.5, runnerUp: { strategy: 'fitd', fte: 7, expectedNpv: 34.5, fitsPool: true }, difference: { mean: 7, ci95: [5.5, 8.5] }, pChoiceBetter: 0.73 },
    { account: 'Shop #1', group: 'Shop', team: 'Blue', strategy: 'fitd', fte: 0.5, expectedNpv: 1.25, runnerUp: { strategy: null, fte: 0, expectedNpv: 0, fitsPool: true }, difference: { mean: 1.25, ci95: [1.1, 1.4] }, pChoiceBetter: 0.9 },
    { account: 'Shop #2', group: 'Shop', team: 'Blue', strategy: null, fte: 0, expectedNpv: 0, runnerUp: { strategy: 'fitd', fte: 0.5, expectedNpv: 1.25, fitsPool: false }, difference: { mean: -1.25, ci95: [-1.4, -1.1] }, pChoiceBetter: 0.1 },
  ],
  teams: [
    { team: 'Red', pool: 11.5, fteUsed: 11.5, expectedNpv: 71.75, valueOfOneMoreFte: 2.5, unconstrainedFte: 14, frontier: [0, 4.5, 7, 11.5, 14].map((pool, k) => ({ pool, expectedNpv: [0, 30.25, 41.5, 71.75, 76][k]!, p10: [0, 20, 30, 55, 58][k]!, p90: [0, 40, 55, 90, 95][k]! })) },
    { team: 'Blue', pool: 0.5, fteUsed: 0.5, expectedNpv: 1.25, valueOfOneMoreFte: 1.25, unconstrainedFte: 1, frontier: [0, 0.5, 1].map((pool, k) => ({ pool, expectedNpv: [0, 1.25, 2.5][k]!, p10: [0, 0.5, 1.25][k]!, p90: [0, 2, 4][k]! })) },
  ],
  plans: { chosen: distribution(73), fixed: [{ strategy: 'ato', ...distribution(50) }, { strategy: 'fitd', ...distribution(66) }] },
};
