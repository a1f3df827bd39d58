/**
 * The report's charts, in the order the report shows them: the evidence for
 * the headline first, then where the money comes from, then why. Each entry
 * names its files, says what to read from it, and builds its spec from the
 * run's chart data; the decision analyses come last, and an entry whose
 * section the run lacks (no ablation, no precision target) builds null and is
 * left out. Sweeps have their own registry (sweep-chart-registry.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartData } from '../stats/prepare-chart-data.ts';
import { colorName, pairColors, shortName } from './chart-theme.ts';
import { buildFanChartSpec } from './build-fan-chart-spec.ts';
import { buildFunnelSpec } from './build-funnel-spec.ts';
import { buildNpvDifferenceSpec } from './build-npv-difference-spec.ts';
import { buildNpvDistributionSpec } from './build-npv-distribution-spec.ts';
import { buildRiskProfileSpec } from './build-risk-profile-spec.ts';
import { buildStreamPenetrationSpec } from './build-stream-penetration-spec.ts';
import { buildUpstreamSurvivalSpec } from './build-upstream-survival-spec.ts';
import { buildValueByStreamSpec } from './build-value-by-stream-spec.ts';
import { buildTornadoSpec } from './build-tornado-spec.ts';
import { buildPathClassesSpec } from './build-path-classes-spec.ts';
import { buildConvergenceSpec } from './build-convergence-spec.ts';
import { buildBestPlanSpec } from './build-best-plan-spec.ts';
import { buildValuationVerdictsSpec } from './build-valuation-verdicts-spec.ts';
import { buildWhoWinsSpec } from './build-who-wins-spec.ts';
import { buildPaybackSpec } from './build-payback-spec.ts';
import { buildSwitchoverSpec } from './build-switchover-spec.ts';

export interface ChartEntry<Data = ChartData> {
  /** File name stem (`charts/<name>.svg`) and HTML id; kebab-case. */
  name: string;
  /** The question the chart answers, as the report's section heading. */
  heading: string;
  /** One sentence on how to read the chart, or a function of the data when it names the compared pair. */
  reading: string | ((data: Data) => string);
  /** The spec, or null when the data has no such section (the chart is then left out). */
  build(data: Data): TopLevelSpec | null;
  /** The report section the chart belongs in, when not the charts' own list ("How sure, and on what does it hinge?"). */
  section?: 'robustness';
}

/** The compared pair's short names and colours in words, as the readings of the pair's charts name them. */
function pairWords(data: ChartData): { A: string; B: string; blue: string; orange: string } {
  const [colorA, colorB] = pairColors(data.strategies, data.pair);
  return { A: shortName(data.pair.a), B: shortName(data.pair.b), blue: colorName(colorA), orange: colorName(colorB) };
}

/** The sentence an entry says how to read its chart with. */
export function chartReading<Data>(entry: ChartEntry<Data>, data: Data): string {
  return typeof entry.reading === 'string' ? entry.reading : entry.reading(data);
}

export const REPORT_CHARTS: readonly ChartEntry[] = [
  {
    name: 'valuation-verdicts',
    heading: 'Does the verdict survive other valuations?',
    reading:
      'Each row values the same accounts another way (discount rate, terminal value, horizon); the dot is the mean NPV difference of the compared pair and the bar its 95% interval, coloured by who leads, so rows on both sides of the dashed zero line mean the answer depends on the valuation.',
    build: (data) => buildValuationVerdictsSpec(data.robustness),
    section: 'robustness',
  },
  {
    name: 'assumption-switchovers',
    heading: 'Which assumption, if wrong, changes the decision?',
    reading:
      'Each uncertain coefficient is moved to the low and the high end of its plausible range, everything else and the accounts unchanged; a bar that crosses the dashed zero line flips the verdict, and the right-hand text gives the value where it flips (found by re-running the same accounts) with its 95% interval.',
    build: (data) => buildSwitchoverSpec(data.robustness),
    section: 'robustness',
  },
  {
    name: 'who-wins-where',
    heading: 'Which accounts does each strategy win?',
    reading:
      'Each cell is the share of accounts of that wallet and barrier level on which the first strategy of the pair earned more than the second (blue: it wins most, orange: the other does); the title is the decision rule\'s most favourable group of accounts.',
    build: (data) => buildWhoWinsSpec(data.robustness),
    section: 'robustness',
  },
  {
    name: 'payback',
    heading: 'When is the money back, and how much cash does it take?',
    reading:
      'Each curve is the share of accounts whose discounted cumulative cash is back above zero for good by that month; a curve that rises late or stays low asks for funding longer, and the title gives each strategy\'s median payback month and peak cash need.',
    build: (data) => buildPaybackSpec(data.robustness),
    section: 'robustness',
  },
  {
    name: 'best-plan',
    heading: 'Which plan is best, account by account?',
    reading:
      'Every plan ran on the same simulated accounts; each bar is the share of accounts on which that plan earned the highest NPV of all (a tie shares the account), with its 95% interval, next to the plan\'s mean NPV.',
    build: (data) => (data.bestPlan ? buildBestPlanSpec(data.bestPlan) : null),
  },
  {
    name: 'npv-difference',
    heading: 'Account by account, which strategy wins?',
    reading: (data) => {
      const { A, B, blue, orange } = pairWords(data);
      return `Both strategies ran on the same simulated accounts, so each bar counts accounts by how much more (right of zero, ${blue}) or less (left, ${orange}) ${A} earned than ${B} on that account; the dashed line is the average gap the headline quotes, and the strip below shows that average with its 95% interval on a scale of its own.`;
    },
    build: (data) => buildNpvDifferenceSpec(data.npvDifference),
  },
  {
    name: 'npv-distribution',
    heading: 'How is NPV spread across accounts?',
    reading:
      'The two outlines are the NPV distributions of all accounts under each strategy; solid lines mark the means and dashed lines the P10 and P90, so compare where the mass sits and how far the tails reach.',
    build: (data) => buildNpvDistributionSpec(data.npvDistribution),
  },
  {
    name: 'risk-profile',
    heading: 'What is the risk profile?',
    reading:
      'Read across at any height: the curve further right has the higher NPV at that percentile; the bottom of the chart is the downside a finance reviewer weighs, the top the upside.',
    build: (data) => buildRiskProfileSpec(data.npvCdf),
  },
  {
    name: 'cash-fan',
    heading: 'When does the cash come in?',
    reading:
      'Lines follow the median account\'s discounted cumulative cash and bands (dashed edges) cover the middle 80% of accounts; a line below zero is money not yet paid back, and the gap at the right edge is what each strategy has banked before the terminal value.',
    build: (data) => buildFanChartSpec(data.cashFan),
  },
  {
    name: 'value-by-stream',
    heading: 'Where does the value come from?',
    reading:
      'Compare gross margin with cost of sale stream by stream: a stream whose cost bar outgrows its margin bar is paid for by the others.',
    build: (data) => buildValueByStreamSpec(data.valueByStream),
  },
  {
    name: 'stream-penetration',
    heading: 'How far into each stream does each strategy get?',
    reading:
      'Solid lines show the share of accounts where the vendor covers the stream in each month, dashed lines the share that have won a deal there and are still customers (a churned account leaves both); coverage without wins is cost without revenue.',
    build: (data) => buildStreamPenetrationSpec(data.streamPenetration),
  },
  {
    name: 'upstream-survival',
    heading: 'How long until the first upstream win?',
    reading:
      'Each curve is the share of accounts still without an upstream win; a curve that stays near the top is the downstream trap, where the vendor is never let into the business problem (the axis starts above 0 when every curve stays high: it says where).',
    build: (data) => buildUpstreamSurvivalSpec(data.upstreamSurvival),
  },
  {
    name: 'sales-funnel',
    heading: 'Where are deals won and lost?',
    reading:
      'Each panel follows one project type from opportunities seen, stage by stage, to deals won and closed inside the horizon (mean per account, the table\'s deals won); the pale part of Seen is the early entrants, an entry and not a step; the wider the drop between two steps, the more deals that step loses.',
    build: (data) => buildFunnelSpec(data.funnel),
  },
  {
    name: 'barrier-ablation',
    heading: 'Which barrier does the choice turn on?',
    reading: (data) => {
      const { A, B, blue, orange } = pairWords(data);
      return `Each bar is how much ${A} − ${B} changes when one barrier is removed (→ 0) or raised, everything else and the accounts unchanged: ${blue} bars move the choice toward ${A}, ${orange} toward ${B}, whiskers are 95% intervals; the side panels show what each strategy gains or loses on its own.`;
    },
    build: (data) => (data.ablation ? buildTornadoSpec(data.ablation) : null),
  },
  {
    name: 'path-classes',
    heading: 'Why does it win?',
    reading: (data) => {
      const { A, B } = pairWords(data);
      return `Every account is classed by the path it took under each strategy (the first class that fits, top down); the middle panels say how much more ${A} earned than ${B} on the accounts of each class, and the right panels weigh that by how common the class is, so the bars that stand out are where the average gap comes from.`;
    },
    build: (data) => buildPathClassesSpec(data.pathClasses),
  },
  {
    name: 'convergence',
    heading: 'How sure is the answer?',
    reading: (data) => {
      const { A, B } = pairWords(data);
      return `The line is the mean difference ${A} − ${B} over the first n trials and the grey band its 95% interval; trials were added in batches until the band was no wider than the green target (or the trial ceiling was reached), so where the line ends is the answer and the band there its precision.`;
    },
    build: (data) => (data.convergence ? buildConvergenceSpec(data.convergence) : null),
  },
];
