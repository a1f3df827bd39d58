/** Issue 15: the valuation check's verdicts, recomputed from each trial's valuation grid and re-simulated at other horizons. */
import { describe, expect, it } from 'vitest';
import { compileParameters } from '../../src/model/parameters.ts';
import { runTrials } from '../../src/engine/run-trials.ts';
import { strategyColumn } from '../../src/engine/outcome-table.ts';
import { compileVariants } from '../../src/engine/variants.ts';
import { valuationRates } from '../../src/model/valuation-grid.ts';
import { gridDifferences, robustnessHorizons, summarizeValuationRobustness, valuationPlan } from '../../src/stats/valuation-robustness.ts';
import { scenarioFrom } from '../helpers.ts';

const scenario = scenarioFrom('name: valuation\ntrials: 120\nseed: 15\n');
const params = compileParameters(scenario);
const trials = 120;
const table = runTrials(params, 15, 0, trials);

describe('valuation grid', () => {
  it('equals, trial by trial, a fresh run at that discount rate and terminal value', () => {
    params.valuationRates.forEach((discountRate, rate) => {
      for (const terminalValue of ['runRate', 'none'] as const) {
        const fresh = runTrials(compileParameters({ ...scenario, discountRate, terminalValue }), 15, 0, trials);
        for (const strategy of table.strategies) {
          const cash = strategyColumn(table, strategy, `cashValueRate${rate}` as 'cashValueRate0');
          const tv = strategyColumn(table, strategy, `terminalValueRate${rate}` as 'terminalValueRate0');
          const npv = strategyColumn(fresh, strategy, 'npv');
          for (let i = 0; i < trials; i++) expect(terminalValue === 'runRate' ? cash[i]! + tv[i]! : cash[i]!).toBe(npv[i]);
        }
      }
    });
  });

  it('holds the run itself: the scenario rate with its terminal value is the npv column', () => {
    const own = params.valuationRates.indexOf(scenario.discountRate);
    const diff = gridDifferences(table, ['ato', 'fitd'], own, 'runRate');
    const [a, b] = [strategyColumn(table, 'ato', 'npv'), strategyColumn(table, 'fitd', 'npv')];
    for (let i = 0; i < trials; i++) expect(diff[i]).toBe(a[i]! - b[i]!);
  });

  it('takes the scenario rate and its neighbours, never below zero', () => {
    expect(valuationRates(0.1)).toEqual([0.05, 0.1, 0.15]);
    expect(valuationRates(0)).toEqual([0, 0.05, 0.1]);
    expect(valuationRates(0.12)).toEqual([0.07, 0.12, 0.17]);
    expect(robustnessHorizons(72)).toEqual([36, 120]);
    expect(robustnessHorizons(12)).toEqual([20]);
  });
});

describe('valuation verdicts', () => {
  it('re-simulates other horizons on the same seeds: a variant equals a fresh run at that horizon', () => {
    const { variants } = valuationPlan(scenario);
    const compiled = compileVariants(params, variants);
    const run = runTrials(params, 15, 0, 60, { variants: compiled });
    const notes: Record<string, string> = {};
    const robustness = summarizeValuationRobustness(run, params, ['ato', 'fitd'], notes);
    expect(notes).toEqual({});
    expect(robustness.verdicts.map((v) => `${v.horizonMonths}/${v.discountRate}/${v.terminalValue}`)).toEqual([
      '72/0.05/runRate', '72/0.1/runRate', '72/0.15/runRate', '72/0.05/none', '72/0.1/none', '72/0.15/none',
      '36/0.1/runRate', '36/0.1/none', '120/0.1/runRate', '120/0.1/none',
    ]);
    expect(robustness.verdicts.filter((v) => v.asRun)).toHaveLength(1);
    for (const verdict of robustness.verdicts.slice(6)) {
      const fresh = runTrials(compileParameters({ ...scenario, horizonMonths: verdict.horizonMonths, terminalValue: verdict.terminalValue }), 15, 0, 60);
      const [a, b] = [strategyColumn(fresh, 'ato', 'npv'), strategyColumn(fresh, 'fitd', 'npv')];
      let sum = 0;
      let better = 0;
      for (let i = 0; i < 60; i++) {
        sum += a[i]! - b[i]!;
        if (a[i]! > b[i]!) better++;
      }
      // Exact sums against a plain float sum of 60 values: equal to 1e-9 relative.
      expect(verdict.diff.mean).toBeCloseTo(sum / 60, 9);
      expect(verdict.pBetter.p).toBe(better / 60);
      expect(verdict.trials).toBe(60);
    }
  });

  it('notes the other horizons when no variants ran', () => {
    const notes: Record<string, string> = {};
    const robustness = summarizeValuationRobustness(table, params, ['ato', 'fitd'], notes);
    expect(robustness.horizonTrials).toBeNull();
    expect(Object.keys(notes)).toEqual(['robustness.valuation.horizonTrials']);
    expect(robustness.verdicts).toHaveLength(6);
  });
});
