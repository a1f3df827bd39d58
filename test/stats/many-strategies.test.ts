/** Summaries of more than two strategies: every plan against the baseline, P(best), dominance and path classes per plan. */
import { describe, expect, it } from 'vitest';
import { strategyColumn } from '../../src/engine/outcome-table.ts';
import { runScenario } from '../../src/pipeline/run-scenario.ts';
import { shareBest } from '../../src/stats/summarize-outcomes.ts';
import { scenarioFrom } from '../helpers.ts';

const FOUR = scenarioFrom(`name: four
trials: 500
seed: 9
baseline: hold
strategies:
  ato: {}
  fitd: {}
  beachhead: { open: { midstream: start, upstream: migrate }, rampMonths: 4 }
  hold: { open: { midstream: never, upstream: never }, buildCost: 0 }
`);

describe('a run of four plans', () => {
  it('compares every plan with the baseline on the same worlds and says on what share of accounts each is best', async () => {
    const { summary, table } = await runScenario(FOUR, { workers: 1, ablationTrials: 200 });
    expect(Object.keys(summary.strategies)).toEqual(['ato', 'fitd', 'beachhead', 'hold']);
    expect(Object.keys(summary.comparisons!)).toEqual(['ato', 'fitd', 'beachhead']);
    for (const key of ['ato', 'fitd', 'beachhead']) {
      const difference = summary.comparisons![key]!.npvDiff.mean;
      expect(difference).toBeCloseTo(summary.strategies[key]!.npv.mean - summary.strategies.hold!.npv.mean, 9);
    }
    const shares = Object.values(summary.pBest!).map((share) => share.p);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The pair the ablation and the headline comparison follow: the first plan that is not the baseline.
    expect(Object.keys(summary.comparison)).toContain('pAtoBetter');
    expect(Object.keys(summary.ablation!.allRemoved)).toEqual(['ato', 'hold', 'diff']);
    expect(Object.keys(summary.dominance.firstOrder)).toEqual(['atoOverHold', 'holdOverAto', 'fitdOverHold', 'holdOverFitd', 'beachheadOverHold', 'holdOverBeachhead']);
    expect(Object.keys(summary.pathClasses)).toEqual(['hold', 'ato', 'fitd', 'beachhead']);
    expect(Object.keys(summary.pathClasses.hold!)).toEqual(['churned', 'heldDownstream']);
    expect(Object.keys(summary.pathClasses.beachhead!)).toEqual(['churned', 'migratedFully', 'stalledAtMidstream', 'stuckByTrap', 'neverMigrated']);
    expect(summary.pathClasses.beachhead!.stalledAtMidstream!.trials).toBe(0);
    expect(strategyColumn(table, 'hold', 'midstreamOpened').every((month) => month === -1)).toBe(true);
  });

  it('shares a tied trial between the tied strategies', () => {
    const best = shareBest([Float64Array.of(1, 2, 3), Float64Array.of(1, 5, 0), Float64Array.of(0, 5, 1)]);
    expect(best.map((share) => share.p)).toEqual([(0.5 + 1) / 3, (0.5 + 0.5) / 3, 0.5 / 3]);
  });
});
