/**
 * Who wins where: P(A better than B) over the account's wallet and the
 * barrier the decision rule leans on most, each in equal-count bins, with
 * the rule's most A-friendly leaf as the title.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RobustnessData } from '../stats/prepare-chart-data.ts';
import type { PositionDef } from './spec-types.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, nameOf } from './chart-theme.ts';
import { BARRIER_LABELS } from './build-tornado-spec.ts';
import { formatMoney, formatPercent, rowNumber } from './format-figures.ts';
import { leafFinding } from './robustness-findings.ts';
import { wrapTitle } from './wrap-title.ts';

export function buildWhoWinsSpec(data: RobustnessData): TopLevelSpec {
  const { whoWinsWhere: where, pair } = data.robustness;
  const names = Object.fromEntries(data.strategies.map((s) => [s.key, nameOf(data.strategies, s.key)]));
  const { walletEdges, barrierEdges, cells } = where.heatmap;
  const walletBin = (i: number) => `${formatMoney(walletEdges[i]!, data.currency)}–${formatMoney(walletEdges[i + 1]!, data.currency)}`;
  const barrierBin = (j: number) => `${barrierEdges[j]!.toFixed(2)}–${barrierEdges[j + 1]!.toFixed(2)}`;
  const rows = cells.map((cell) => ({
    wallet: walletBin(cell.wallet),
    barrier: barrierBin(cell.barrier),
    trials: cell.trials,
    p: cell.pBetter === null ? null : rowNumber(cell.pBetter),
    label: cell.pBetter === null ? '' : formatPercent(cell.pBetter),
  }));
  const best = [...where.leaves].sort((x, y) => y.pBetter.p - x.pBetter.p)[0]!;
  const barrierName = BARRIER_LABELS[where.decisiveBarrier];
  const x: PositionDef = { field: 'wallet', type: 'ordinal', title: 'Wallet (yearly, drawn per account)', sort: walletEdges.slice(0, -1).map((_, i) => walletBin(i)), axis: { labelAngle: 0 } };
  const y: PositionDef = { field: 'barrier', type: 'ordinal', title: `${barrierName} (drawn level)`, sort: barrierEdges.slice(0, -1).map((_, j) => barrierBin(j)).reverse() };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(leafFinding(best, pair, { names, currency: data.currency })),
      subtitle: [
        `Share of accounts on which ${names[pair[0]]} beats ${names[pair[1]]}, by wallet and ${barrierName.toLowerCase()} (the barrier the rule leans on most); each band holds about a sixth of the accounts.`,
      ],
    },
    width: CHART_WIDTH - 100,
    height: CHART_HEIGHT,
    data: { values: rows },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'p', type: 'quantitative', title: `P(${names[pair[0]]} better)`, scale: { scheme: 'blueorange', reverse: true, domain: [0, 1], domainMid: 0.5 }, legend: { format: '.0%' } },
          tooltip: [
            { field: 'wallet', title: 'Wallet' },
            { field: 'barrier', title: barrierName },
            { field: 'p', title: `P(${names[pair[0]]} better)`, format: '.1%' },
            { field: 'trials', title: 'Accounts' },
          ],
        },
      },
      { mark: { type: 'text', fontSize: 13 }, encoding: { text: { field: 'label' } } },
    ],
  };
}
