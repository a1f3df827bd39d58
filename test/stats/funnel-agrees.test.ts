/**
 * One definition of "deals won": the funnel's last step is the table's deals
 * won per account, and the funnel's stage steps never grow (entering early
 * is an entry, a part of "seen", not a stage).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/stats/run-scenario.ts';
import { prepareChartData } from '../../src/stats/prepare-chart-data.ts';
import { PROJECT_TYPES } from '../../src/scenario/vocabulary.ts';
import { scenarioFrom } from '../helpers.ts';

describe('the funnel', () => {
  it("ends at the table's deals won and shrinks step by step", async () => {
    const scenario = scenarioFrom('name: funnel\ntrials: 400\nseed: 9\n');
    const run = await runScenario(scenario, { workers: 1, ablate: false });
    const data = prepareChartData(run.scenario, run.summary, run.table).funnel;
    for (const strategy of ['ato', 'fitd']) {
      const won = PROJECT_TYPES.reduce((sum, type) => sum + data.funnel[strategy]![type].find((s) => s.step === 'won')!.count, 0);
      // Same trials, same count, summed in another order: equal to 1e-9.
      expect(won).toBeCloseTo(run.summary.strategies[strategy]!.dealsWon.mean, 9);
      for (const type of PROJECT_TYPES) {
        const stages = data.funnel[strategy]![type].filter((s) => s.kind === 'stage').map((s) => s.count);
        for (let i = 1; i < stages.length; i++) expect(stages[i]!, `${strategy} ${type} step ${i}`).toBeLessThanOrEqual(stages[i - 1]!);
      }
    }
  }, 60_000);
});
