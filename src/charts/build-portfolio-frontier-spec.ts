/**
 * Portfolio frontier: per team, the optimal expected NPV with its P10–P90
 * band as the team's pool grows from 0 to what its accounts' own best choices
 * would use; the team's current pool is marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PortfolioResult } from '../portfolio/run-portfolio.ts';
import { CHART_CONFIG, NEUTRAL_COLOR } from './chart-theme.ts';
import { formatMoney, moneyUnit, rowNumber } from './format-figures.ts';
import { wrapTitle } from './wrap-title.ts';

/** The finding: where one more person is worth most. */
export function portfolioFrontierTitle(result: PortfolioResult): string {
  const best = result.teams.reduce((a, b) => (b.valueOfOneMoreFte > a.valueOfOneMoreFte ? b : a));
  return `One more FTE is worth most to the ${best.team} team: ${formatMoney(best.valueOfOneMoreFte, result.currency, true)} of expected NPV`;
}

const FRONTIER = { filter: "datum.kind === 'frontier'" };

export function buildPortfolioFrontierSpec(result: PortfolioResult): TopLevelSpec {
  const unit = moneyUnit(result.currency);
  const rows = result.teams.flatMap((team) =>
    team.frontier.map((point) => ({ kind: 'frontier', team: team.team, pool: point.pool, mean: rowNumber(point.expectedNpv), p10: rowNumber(point.p10), p90: rowNumber(point.p90) })),
  );
  const pools = result.teams.map((team) => ({ kind: 'pool', team: team.team, pool: team.pool, mean: rowNumber(team.expectedNpv), label: `pool ${team.pool} FTE` }));
  const x = { field: 'pool', type: 'quantitative' as const, title: 'Pool (FTE)' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(portfolioFrontierTitle(result)),
      subtitle: [`Optimal expected NPV of each team's accounts as its pool grows, on the same ${result.trials.toLocaleString('en-US')} trials per account; band: P10–P90.`, 'Ringed: the team\'s pool in the book.'],
    },
    data: { values: [...rows, ...pools] },
    facet: { column: { field: 'team', type: 'nominal', title: null, sort: result.teams.map((team) => team.team) } },
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spec: {
      width: 260,
      height: 240,
      layer: [
        { transform: [FRONTIER], mark: { type: 'area', color: NEUTRAL_COLOR, opacity: 0.18 }, encoding: { x, y: { field: 'p10', type: 'quantitative', title: `Expected NPV (${unit})` }, y2: { field: 'p90' } } },
        {
          transform: [FRONTIER],
          mark: { type: 'line', color: '#1a1a1a', strokeWidth: 2.5, interpolate: 'step-after' },
          encoding: {
            x,
            y: { field: 'mean', type: 'quantitative' },
            tooltip: [
              { field: 'pool', title: 'Pool (FTE)' },
              { field: 'mean', title: `Expected NPV (${unit})`, format: ',.2f' },
              { field: 'p10', title: 'P10', format: ',.2f' },
              { field: 'p90', title: 'P90', format: ',.2f' },
            ],
          },
        },
        { transform: [{ filter: "datum.kind === 'pool'" }], mark: { type: 'point', shape: 'circle', size: 160, strokeWidth: 3, color: '#D55E00', filled: false }, encoding: { x, y: { field: 'mean', type: 'quantitative' }, tooltip: [{ field: 'label', title: 'The book' }] } },
      ],
    },
  } as TopLevelSpec;
}
