/** Capacity allocation: per team, the FTE the plan commits to each plan's accounts, against the team's pool. */
import type { TopLevelSpec } from 'vega-lite';
import type { PortfolioResult } from '../portfolio/run-portfolio.ts';
import { CHART_CONFIG, CHART_WIDTH } from './chart-theme.ts';
import { planName, planScale } from './plan-colors.ts';
import { wrapTitle } from './wrap-title.ts';

/** The finding: how many accounts each team has to leave uncovered. */
export function portfolioAllocationTitle(result: PortfolioResult): string {
  const uncovered = result.teams.map((team) => ({ team: team.team, count: result.accounts.filter((a) => a.team === team.team && a.strategy === null).length }));
  const leaving = uncovered.filter((team) => team.count > 0);
  if (leaving.length === 0) return 'Every team covers every one of its accounts within its pool';
  return `Within their pools, ${leaving.map((team) => `${team.team} leaves ${team.count} account${team.count === 1 ? '' : 's'}`).join(', ')} uncovered`;
}

export function buildPortfolioAllocationSpec(result: PortfolioResult): TopLevelSpec {
  const totals = new Map<string, number>();
  for (const account of result.accounts) {
    const key = `${account.team}\u0000${planName(account.strategy)}`;
    totals.set(key, (totals.get(key) ?? 0) + account.fte);
  }
  const rows = [...totals].map(([key, fte]) => {
    const [team, plan] = key.split('\u0000');
    return { kind: 'used', team, plan, fte, accounts: result.accounts.filter((a) => a.team === team && planName(a.strategy) === plan).length };
  });
  const pools = result.teams.map((team) => ({ kind: 'pool', team: team.team, pool: team.pool, used: team.fteUsed }));
  const y = { field: 'team', type: 'nominal' as const, title: null, sort: result.teams.map((team) => team.team) };
  const order = [...result.strategies.map(planName), planName(null)];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(portfolioAllocationTitle(result)),
      subtitle: ['FTE each team commits to the accounts of each chosen plan; the black tick is the team\'s pool.'],
    },
    data: { values: [...rows, ...pools] },
    width: CHART_WIDTH,
    height: result.teams.length * 48,
    layer: [
      {
        transform: [{ filter: "datum.kind === 'used'" }, { calculate: `indexof(${JSON.stringify(order)}, datum.plan)`, as: 'order' }],
        mark: { type: 'bar', height: 28 },
        encoding: {
          y,
          x: { field: 'fte', type: 'quantitative', stack: 'zero', title: 'FTE' },
          color: { field: 'plan', type: 'nominal', title: 'Chosen plan', scale: planScale(result.strategies) },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [
            { field: 'team', title: 'Team' },
            { field: 'plan', title: 'Plan' },
            { field: 'accounts', title: 'Accounts' },
            { field: 'fte', title: 'FTE', format: ',.1f' },
          ],
        },
      },
      {
        transform: [{ filter: "datum.kind === 'pool'" }],
        mark: { type: 'tick', color: 'black', thickness: 3, size: 40 },
        encoding: { y, x: { field: 'pool', type: 'quantitative' }, tooltip: [{ field: 'pool', title: 'Pool (FTE)' }, { field: 'used', title: 'Used (FTE)' }] },
      },
    ],
  } as TopLevelSpec;
}
