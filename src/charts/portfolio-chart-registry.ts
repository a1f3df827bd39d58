/** The portfolio report's charts, in reading order. */
import type { PortfolioResult } from '../portfolio/run-portfolio.ts';
import type { ChartEntry } from './chart-registry.ts';
import { buildPortfolioAccountsSpec } from './build-portfolio-accounts-spec.ts';
import { buildPortfolioAllocationSpec } from './build-portfolio-allocation-spec.ts';
import { buildPortfolioFrontierSpec } from './build-portfolio-frontier-spec.ts';
import { buildPortfolioPlansSpec } from './build-portfolio-plans-spec.ts';

export const PORTFOLIO_CHARTS: readonly ChartEntry<PortfolioResult>[] = [
  {
    name: 'portfolio-plans',
    heading: 'What is choosing per account worth?',
    reading: 'The portfolio NPV of the plan chosen per account against the best plans that give every account the same strategy, at the same pools: the bar spans P10 to P90, the dot is the mean.',
    build: buildPortfolioPlansSpec,
  },
  {
    name: 'portfolio-accounts',
    heading: 'Which plan for each account, and how sure is it?',
    reading: 'Each account\'s chosen option minus its runner-up, on the same simulated worlds, with its 95% interval, coloured by the chosen plan; right of zero the choice also wins on the account alone.',
    build: buildPortfolioAccountsSpec,
  },
  {
    name: 'portfolio-allocation',
    heading: 'Where do each team\'s people go?',
    reading: 'The FTE each team commits to accounts of each plan, against its pool (the black tick).',
    build: buildPortfolioAllocationSpec,
  },
  {
    name: 'portfolio-frontier',
    heading: 'What would more people be worth?',
    reading: 'For each team, the best expected NPV its accounts can give as its pool grows from 0 to what every account\'s own best choice would use, with the P10–P90 band; the ring is the pool in the book.',
    build: buildPortfolioFrontierSpec,
  },
];
