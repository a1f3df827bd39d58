/** The terminal table of `expansim portfolio`: the plan per team and account, and what choosing per account is worth. */
import type { PortfolioResult } from '../portfolio/run-portfolio.ts';

const money = (value: number) => `${value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}`;
const fte = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const percent = (value: number) => `${Math.round(value * 100)}%`;
const plan = (strategy: string | null) => (strategy === null ? 'uncovered' : strategy.toUpperCase());

function table(header: string[], rows: string[][], leftColumns = 1): string[] {
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c]!.length)));
  const line = (row: string[]) => `  ${row.map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

export function formatPortfolioTable(result: PortfolioResult): string {
  const { currency } = result;
  const { chosen, fixed } = result.plans;
  const bestFixed = fixed.reduce((best, candidate) => (candidate.mean > best.mean ? candidate : best));
  const lines = [
    `expansim portfolio · ${result.book} · ${result.accounts.length} accounts · ${result.trials.toLocaleString('en-US')} trials per account and option · seed ${result.seed}`,
    `  Choosing per account: expected portfolio NPV ${money(chosen.mean)} ${currency} M, ${money(chosen.mean - bestFixed.mean)} more than the best single plan (all ${plan(bestFixed.strategy)}).`,
    '',
    ...table(
      ['Team', 'Pool FTE', 'Used', 'Expected NPV', '+1 FTE adds', 'Unconstrained FTE'],
      result.teams.map((team) => [team.team, fte(team.pool), fte(team.fteUsed), money(team.expectedNpv), money(team.valueOfOneMoreFte), fte(team.unconstrainedFte)]),
    ),
    '',
    ...table(
      ['Account', 'Team', 'Plan', 'FTE', 'E[NPV]', 'Runner-up', 'Difference [95% CI]', 'P(better)'],
      result.accounts.map((account) => [
        account.account,
        account.team,
        plan(account.strategy),
        fte(account.fte),
        money(account.expectedNpv),
        account.runnerUp ? `${plan(account.runnerUp.strategy)} ${fte(account.runnerUp.fte)}${account.runnerUp.fitsPool ? '' : '*'}` : '',
        account.difference ? `${money(account.difference.mean)}${account.difference.ci95 ? ` [${money(account.difference.ci95[0])}, ${money(account.difference.ci95[1])}]` : ''}` : '',
        account.pChoiceBetter === null ? '' : percent(account.pChoiceBetter),
      ]),
      3,
    ),
    ...(result.accounts.some((account) => account.runnerUp?.fitsPool === false) ? ['  * needs more than the team has left: what the account would be worth with more people'] : []),
    '',
    ...table(
      ['Portfolio NPV', 'Mean', 'P10', 'P90', 'P(loss)'],
      [
        ['chosen per account', money(chosen.mean), money(chosen.p10), money(chosen.p90), percent(chosen.pLoss)],
        ...fixed.map((candidate) => [`all ${plan(candidate.strategy)}`, money(candidate.mean), money(candidate.p10), money(candidate.p90), percent(candidate.pLoss)]),
      ],
    ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
