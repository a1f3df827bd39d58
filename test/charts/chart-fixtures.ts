/**
 * Small, fixed chart data for golden tests of the chart builders: every
 * number written out by hand, so a golden changes only when a builder does.
 */
import type { ChartData } from '../../src/stats/prepare-chart-data.ts';
import type { FunnelStep } from '../../src/stats/funnel-steps.ts';
import type { MeanEstimate } from '../../src/stats/variant-statistics.ts';
import { MIGRATING_PATHS, STARTING_PATHS } from '../../src/stats/path-classes.ts';

const histogram = (start: number, width: number, counts: number[], below = 0, above = 0) => ({
  start,
  width,
  count: counts.length,
  counts,
  below,
  above,
  total: counts.reduce((a, b) => a + b, 0) + below + above,
});

/** `passed`: every stage passed; four in five of those close inside the horizon (won). */
const funnel = (seen: number, early: number, stages: number[], passed: number): FunnelStep[] => [
  { step: 'seen', kind: 'stage', count: seen, shareOfSeen: 1 },
  { step: 'early', kind: 'entry', count: early, shareOfSeen: early / seen },
  ...stages.map((count, i) => ({ step: `stage${i + 1}`, kind: 'stage' as const, count, shareOfSeen: count / seen })),
  { step: 'passed', kind: 'stage', count: passed, shareOfSeen: passed / seen },
  { step: 'won', kind: 'stage', count: 0.8 * passed, shareOfSeen: (0.8 * passed) / seen },
];

/** A mean with its 95% interval ± `half` (se = half / 2, close enough for fixtures). */
const estimate = (mean: number, half: number): MeanEstimate => ({ mean, se: half / 2, ci95: [mean - half, mean + half] });
const effect = (ato: number, fitd: number, half: number) => ({ ato: estimate(ato, half), fitd: estimate(fitd, half), diff: estimate(ato - fitd, half / 2) });
const pathClass = (description: string, trials: number, meanNpv: number | null, meanNpvDiff: number | null) => ({ description, trials, share: trials / 10, meanNpv, meanNpvDiff });

/** A valuation verdict with a ± `half` interval on `trials` accounts. */
const verdict = (discountRate: number, terminalValue: 'runRate' | 'none', horizonMonths: number, mean: number, half: number, p: number, asRun: boolean) => ({
  discountRate,
  terminalValue,
  horizonMonths,
  trials: horizonMonths === 4 ? 10 : 4,
  asRun,
  diff: estimate(mean, half),
  pBetter: { p, ci95: [Math.max(0, p - 0.2), Math.min(1, p + 0.2)] as [number, number] },
  leader: mean >= 0 ? 'ato' : 'fitd',
  decisive: Math.abs(mean) > half,
});

const fan = (p50: number[]) => p50.map((median, month) => ({ month, p10: median - 1, p50: median, p90: median + 2 }));

/** ATO and FITD, compared ATO − FITD: what every run of a two-strategy scenario charts. */
const PLANS = {
  strategies: [
    { index: 0, key: 'ato', label: 'ATO' },
    { index: 1, key: 'fitd', label: 'FITD' },
  ],
  pair: { a: { index: 0, key: 'ato', label: 'ATO' }, b: { index: 1, key: 'fitd', label: 'FITD' } },
};

export const CHART_DATA: ChartData = {
  ...PLANS,
  scenario: 'fixture',
  trials: 10,
  npvDistribution: {
    ...PLANS,
    currency: 'USD',
    range: { min: -1, max: 3.5, lowerQuantile: 0.01, upperQuantile: 0.99 },
    histograms: { ato: histogram(-1, 1, [1, 2, 3, 2, 1], 0, 1), fitd: histogram(-1, 1, [0, 3, 4, 2, 1]) },
    npv: { ato: { mean: 1.25, p10: -0.5, p50: 1.1, p90: 2.9 }, fitd: { mean: 1.0, p10: 0.1, p50: 1.0, p90: 2.5 } },
  },
  npvDifference: {
    ...PLANS,
    currency: 'USD',
    range: { min: -1.5, max: 2, lowerQuantile: 0.01, upperQuantile: 0.99 },
    histogram: histogram(-2, 1, [1, 5, 2, 2]),
    mean: 0.25,
    ci95: [0.05, 0.45],
    pBetter: 0.4,
    pTie: 0,
    allPlans: null,
  },
  cashFan: {
    ...PLANS,
    currency: 'USD',
    sampledTrials: 10,
    fan: { ato: fan([-0.3, -0.1, 0.4, 1.2]), fitd: fan([0, 0.2, 0.5, 0.9]) },
    meanTerminalValue: { ato: 2, fitd: 1.5 },
    terminalValue: 'runRate',
  },
  streamPenetration: {
    ...PLANS,
    horizonMonths: 4,
    upstreamWinShare: { ato: 0.25, fitd: 0 },
    penetration: {
      ato: {
        downstream: { active: [1, 1, 0.9, 0.9], won: [0, 0.5, 0.8, 0.9] },
        midstream: { active: [0, 0, 0.9, 0.9], won: [0, 0, 0.1, 0.3] },
        upstream: { active: [0, 0, 0.9, 0.9], won: [0, 0, 0, 0.2] },
      },
      fitd: {
        downstream: { active: [1, 1, 0.8, 0.7], won: [0, 0.5, 0.8, 0.9] },
        midstream: { active: [0, 0.1, 0.2, 0.3], won: [0, 0, 0, 0.1] },
        upstream: { active: [0, 0, 0, 0.1], won: [0, 0, 0, 0] },
      },
    },
  },
  upstreamSurvival: {
    ...PLANS,
    horizonMonths: 4,
    survival: {
      ato: [
        { time: 1, atRisk: 10, events: 2, censored: 0, survival: 0.8 },
        { time: 3, atRisk: 8, events: 2, censored: 6, survival: 0.6 },
      ],
      fitd: [{ time: 3, atRisk: 10, events: 1, censored: 9, survival: 0.9 }],
    },
    medianAmongWinners: { ato: 2, fitd: 3 },
  },
  funnel: {
    ...PLANS,
    horizonMonths: 72,
    funnel: {
      ato: {
        repurchase: funnel(20, 18, [16, 14, 12], 10),
        replacement: funnel(8, 6, [5, 4, 3], 2),
        expansion: funnel(6, 5, [4, 3, 2], 1.5),
        innovation: funnel(2, 1, [1.2, 0.8, 0.5, 0.3], 0.2),
      },
      fitd: {
        repurchase: funnel(18, 17, [15, 13, 11], 9),
        replacement: funnel(7, 6, [5, 4, 3], 2),
        expansion: funnel(4, 4, [3, 2, 1.5], 1),
        innovation: funnel(0.5, 0.2, [0.3, 0.2, 0.1, 0.06], 0.05),
      },
    },
  },
  valueByStream: {
    ...PLANS,
    currency: 'USD',
    horizonMonths: 4,
    value: {
      ato: {
        revenue: { downstream: 30, midstream: 2.5, upstream: 0.5 },
        grossMargin: { downstream: 7.5, midstream: 0.5, upstream: 0.15 },
        costOfSale: { downstream: 1.4, midstream: 0.85, upstream: 1.25 },
      },
      fitd: {
        revenue: { downstream: 28, midstream: 0.6, upstream: 0.02 },
        grossMargin: { downstream: 7, midstream: 0.12, upstream: 0.01 },
        costOfSale: { downstream: 1.3, midstream: 0.26, upstream: 0.07 },
      },
    },
    buildCost: { ato: 0.3, fitd: 0.13 },
  },
  npvCdf: {
    ...PLANS,
    currency: 'USD',
    range: { min: -1, max: 3.5, lowerQuantile: 0.01, upperQuantile: 0.99 },
    cdf: {
      ato: [
        { value: -1, p: 0.01 },
        { value: 0.2, p: 0.25 },
        { value: 1.1, p: 0.5 },
        { value: 2.2, p: 0.75 },
        { value: 3.5, p: 0.99 },
      ],
      fitd: [
        { value: -0.2, p: 0.01 },
        { value: 0.5, p: 0.25 },
        { value: 1, p: 0.5 },
        { value: 1.8, p: 0.75 },
        { value: 2.9, p: 0.99 },
      ],
    },
    npv: { ato: { p10: -0.5, p50: 1.1, p90: 2.9 }, fitd: { p10: 0.1, p50: 1, p90: 2.5 } },
    pLoss: { ato: 0.2, fitd: 0.05 },
  },
  pathClasses: {
    ...PLANS,
    currency: 'USD',
    meanDiff: 0.25,
    upstreamWinShare: { ato: 0.19, fitd: 0.01 },
    classes: {
      fitd: {
        churned: pathClass(MIGRATING_PATHS.churned, 3, 0.5, 1.5),
        migratedFully: pathClass(MIGRATING_PATHS.migratedFully, 1, 4, -0.5),
        stalledAtMidstream: pathClass(MIGRATING_PATHS.stalledAtMidstream, 3, 2, -0.3),
        stuckByTrap: pathClass(MIGRATING_PATHS.stuckByTrap, 0, null, null),
        neverMigrated: pathClass(MIGRATING_PATHS.neverMigrated, 3, 1.2, -0.2),
      },
      ato: {
        churned: pathClass(STARTING_PATHS.churned, 2, 0.5, -0.4),
        failedDelivery: pathClass(STARTING_PATHS.failedDelivery, 1, 3, 1.2),
        upstreamReached: pathClass(STARTING_PATHS.upstreamReached, 2, 5, 1.5),
        capacityStarved: pathClass(STARTING_PATHS.capacityStarved, 0, null, null),
        upstreamNotReached: pathClass(STARTING_PATHS.upstreamNotReached, 5, 1, -0.18),
      },
    },
  },
  ablation: {
    ...PLANS,
    currency: 'USD',
    ablation: {
      trials: 10,
      highLevel: 0.9,
      functionalWalls: { level: 0.6, ...effect(3.8, 2.6, 0.2), high: { level: 0.9, ...effect(-1.2, -0.8, 0.1) } },
      hardwareImage: { level: 0.6, ...effect(0.4, 0.15, 0.1), high: { level: 0.9, ...effect(-0.3, -0.15, 0.1) } },
      purchasingControl: { level: 0.6, ...effect(4.4, 3.85, 0.2), high: { level: 0.9, ...effect(-2.2, -1.9, 0.1) } },
      itVendorControl: { level: 0.6, ...effect(0.4, 0.05, 0.1), high: { level: 0.9, ...effect(-0.2, -0.05, 0.05) } },
      executiveReluctance: { level: 0.5, ...effect(0.25, 0.0, 0.1), high: { level: 0.9, ...effect(-0.15, 0.0, 0.05) } },
      allRemoved: effect(14, 10.25, 0.5),
      interaction: effect(4.75, 3.6, 0.4),
      order: ['functionalWalls', 'purchasingControl', 'itVendorControl', 'executiveReluctance', 'hardwareImage'],
    },
  },
  bestPlan: {
    strategies: [
      { index: 0, key: 'ato', label: 'ATO' },
      { index: 1, key: 'fitd', label: 'FITD' },
      { index: 2, key: 'beachhead', label: 'Beachhead' },
    ],
    pair: PLANS.pair,
    currency: 'USD',
    trials: 10,
    pBest: { ato: { p: 0.3, ci95: [0.11, 0.6] }, fitd: { p: 0.2, ci95: [0.06, 0.51] }, beachhead: { p: 0.5, ci95: [0.24, 0.76] } },
    meanNpv: { ato: 1.25, fitd: 1.0, beachhead: 1.4 },
  },
  convergence: {
    currency: 'USD',
    precision: {
      target: 0.1,
      relative: false,
      halfWidth: 0.08,
      trialsUsed: 4000,
      maxTrials: 100000,
      stoppedBy: 'precision',
      batches: [2000, 2000],
      convergence: [
        { trials: 100, mean: 0.5, halfWidth: 0.8 },
        { trials: 300, mean: 0.3, halfWidth: 0.45 },
        { trials: 1000, mean: 0.2, halfWidth: 0.25 },
        { trials: 2000, mean: 0.22, halfWidth: 0.16 },
        { trials: 4000, mean: 0.25, halfWidth: 0.08 },
      ],
    },
  },
  robustness: {
    ...PLANS,
    currency: 'USD',
    horizonMonths: 4,
    robustness: {
      pair: ['ato', 'fitd'],
      switchovers: {
        trials: 10,
        firstTrials: 10,
        baseTrials: 10,
        base: estimate(0.16, 0.05),
        subsetBase: estimate(0.16, 0.05),
        policyRuns: 200,
        assumptions: [
          {
            key: 'churnBase', label: 'Base churn hazard', kind: 'value', base: 0.004, low: 0.002, high: 0.01, trials: 10,
            atLow: { value: 0.002, diff: estimate(-0.56, 0.1), change: estimate(-0.72, 0.05) },
            atHigh: { value: 0.01, diff: estimate(0.97, 0.1), change: estimate(0.81, 0.05) },
            switchover: { value: 0.0037, ci95: [0.003, 0.0043], diff: estimate(0.01, 0.05), converged: true },
          },
          {
            key: 'trapFactor', label: 'Downstream-trap factor', kind: 'value', base: 0.2, low: 0.05, high: 0.6, trials: 10,
            atLow: { value: 0.05, diff: estimate(0.15, 0.05), change: estimate(-0.01, 0.01) },
            atHigh: { value: 0.6, diff: estimate(0.17, 0.05), change: estimate(0.01, 0.01) },
            switchover: null,
          },
        ],
      },
      cashSampledTrials: 10,
      cash: {
        ato: { paidBack: 0.7, paybackMonth: { p10: 1, p50: 3, p90: null }, paidBackByMonth: [0, 0.2, 0.4, 0.7], peakCashNeed: { mean: 0.35, p10: 0.3, p50: 0.33, p90: 0.43, max: 1.3 } },
        fitd: { paidBack: 0.9, paybackMonth: { p10: 0, p50: 1, p90: 3 }, paidBackByMonth: [0.3, 0.6, 0.8, 0.9], peakCashNeed: { mean: 0.04, p10: 0.01, p50: 0.02, p90: 0.08, max: 0.45 } },
      },
      valuation: {
        pair: ['ato', 'fitd'],
        horizonTrials: 4,
        horizons: [2, 4],
        discountRates: [0.05, 0.1, 0.15],
        agree: false,
        verdicts: [
          verdict(0.05, 'runRate', 2, 0.31, 0.12, 0.3, false),
          verdict(0.1, 'runRate', 2, 0.05, 0.12, 0.26, false),
          verdict(0.15, 'runRate', 2, -0.21, 0.11, 0.22, false),
          verdict(0.05, 'none', 2, -0.72, 0.07, 0.17, false),
          verdict(0.1, 'none', 2, -0.69, 0.07, 0.16, false),
          verdict(0.15, 'none', 2, -0.66, 0.07, 0.15, false),
          verdict(0.05, 'runRate', 4, 2.04, 0.1, 0.43, false),
          verdict(0.1, 'runRate', 4, 0.16, 0.05, 0.27, true),
          verdict(0.15, 'runRate', 4, -0.35, 0.03, 0.21, false),
          verdict(0.05, 'none', 4, -0.91, 0.02, 0.1, false),
          verdict(0.1, 'none', 4, -0.87, 0.02, 0.09, false),
          verdict(0.15, 'none', 4, -0.83, 0.02, 0.08, false),
        ],
      },
      whoWinsWhere: {
        pair: ['ato', 'fitd'],
        trials: 10,
        maxDepth: 3,
        minLeafShare: 0.05,
        leaves: [
          { conditions: [{ feature: 'wallet', op: '<=', threshold: 31 }], trials: 6, share: 0.6, pBetter: { p: 1 / 6, ci95: [0.03, 0.56] }, meanDiff: -0.4, winner: 'fitd' },
          { conditions: [{ feature: 'wallet', op: '>', threshold: 31 }, { feature: 'functionalWalls', op: '<=', threshold: 0.55 }], trials: 2, share: 0.2, pBetter: { p: 1, ci95: [0.34, 1] }, meanDiff: 2.5, winner: 'ato' },
          { conditions: [{ feature: 'wallet', op: '>', threshold: 31 }, { feature: 'functionalWalls', op: '>', threshold: 0.55 }], trials: 2, share: 0.2, pBetter: { p: 0.5, ci95: [0.09, 0.91] }, meanDiff: 0.3, winner: 'fitd' },
        ],
        importance: [
          { feature: 'wallet', decrease: 0.2 },
          { feature: 'functionalWalls', decrease: 0.05 },
          { feature: 'hardwareImage', decrease: 0 },
          { feature: 'purchasingControl', decrease: 0 },
          { feature: 'itVendorControl', decrease: 0 },
          { feature: 'executiveReluctance', decrease: 0 },
        ],
        decisiveBarrier: 'functionalWalls',
        heatmap: {
          walletEdges: [5, 31, 80],
          barrierEdges: [0.2, 0.55, 0.9],
          cells: [
            { wallet: 0, barrier: 0, trials: 3, pBetter: 1 / 3 },
            { wallet: 0, barrier: 1, trials: 3, pBetter: 0 },
            { wallet: 1, barrier: 0, trials: 2, pBetter: 1 },
            { wallet: 1, barrier: 1, trials: 2, pBetter: 0.5 },
          ],
        },
      },
    },
  },
};
