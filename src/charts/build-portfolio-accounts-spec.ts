/**
 * Per-account recommendation: for every account, the paired difference
 * between its chosen option and the runner-up with its 95% CI, coloured by
 * the chosen plan, in book order.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PortfolioResult } from '../portfolio/run-portfolio.ts';
import { CHART_CONFIG, CHART_WIDTH } from './chart-theme.ts';
import { moneyUnit, rowNumber } from './format-figures.ts';
import { planName, planScale } from './plan-colors.ts';
import { wrapTitle } from './wrap-title.ts';

/** Pixels per account row. */
const ROW_HEIGHT = 16;

/** The finding: how the plan splits the book. */
export function portfolioAccountsTitle(result: PortfolioResult): string {
  const counts = new Map<string, number>();
  for (const account of result.accounts) counts.set(planName(account.strategy), (counts.get(planName(account.strategy)) ?? 0) + 1);
  const parts = [...result.strategies.map(planName), planName(null)].filter((name) => counts.has(name)).map((name) => `${counts.get(name)} ${name}`);
  return `The plan: ${parts.join(', ')} of ${result.accounts.length} accounts`;
}

export function buildPortfolioAccountsSpec(result: PortfolioResult): TopLevelSpec {
  const unit = moneyUnit(result.currency);
  const rows = result.accounts
    .filter((account) => account.difference !== null)
    .map((account) => ({
      account: account.account,
      team: account.team,
      plan: planName(account.strategy),
      fte: account.fte,
      runnerUp: account.runnerUp ? `${planName(account.runnerUp.strategy)} ${account.runnerUp.fte} FTE${account.runnerUp.fitsPool ? '' : ' (beyond the pool)'}` : '',
      mean: rowNumber(account.difference!.mean),
      low: rowNumber(account.difference!.ci95?.[0] ?? account.difference!.mean),
      high: rowNumber(account.difference!.ci95?.[1] ?? account.difference!.mean),
    }));
  const y = { field: 'account', type: 'nominal' as const, title: null, sort: rows.map((row) => row.account) };
  const color = { field: 'plan', type: 'nominal' as const, title: 'Chosen plan', scale: planScale(result.strategies) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(portfolioAccountsTitle(result)),
      subtitle: ['Each account\'s chosen option minus its runner-up (the best option with another plan), per trial on the same worlds; bars: 95% CI.', 'Left of zero: the runner-up would earn more on the account alone, but needs people the team gives elsewhere.'],
    },
    data: { values: rows },
    width: CHART_WIDTH - 260,
    height: Math.max(120, rows.length * ROW_HEIGHT),
    layer: [
      { mark: { type: 'rule', color: 'black', strokeWidth: 1 }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'low', type: 'quantitative', title: `Choice − runner-up (${unit})` }, x2: { field: 'high' }, color } },
      {
        mark: { type: 'point', filled: true, size: 60, opacity: 1 },
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative' },
          color,
          tooltip: [
            { field: 'account', title: 'Account' },
            { field: 'team', title: 'Team' },
            { field: 'plan', title: 'Chosen plan' },
            { field: 'fte', title: 'FTE' },
            { field: 'runnerUp', title: 'Runner-up' },
            { field: 'mean', title: `Difference (${unit})`, format: '+,.2f' },
            { field: 'low', title: '95% CI from', format: '+,.2f' },
            { field: 'high', title: '95% CI to', format: '+,.2f' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
