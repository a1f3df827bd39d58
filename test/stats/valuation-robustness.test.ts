/** Issue 15: the valuation check's verdicts, recomputed from each trial's valuation grid and re-simulated at other horizons. */
import { describe, expect, it } from 'vitest';
import { compileParameters } from '../../src/model/parameters.ts';
import { runTrials } from '../../src/engine/run-trials.ts';
import { strategyColumn } from '../../src/engine/outcome-table.ts';
import { compileVariants, RUN_GRID_KEY, valuationGridCells, valuationGridKey } from '../../src/engine/variants.ts';
import { exactSum, valueOfExact } from '../../src/engine/exact-sum.ts';
import { valuationFinding } from '../../src/charts/robustness-findings.ts';
import type { RobustnessSummary } from '../../src/stats/summarize-robustness.ts';
import { valuationRates } from '../../src/model/valuation-grid.ts';
import { horizonKey, robustnessHorizons, summarizeValuationRobustness, valuationPlan, type ValuationVerdict } from '../../src/stats/valuation-robustness.ts';
import { scenarioFrom } from '../helpers.ts';

const scenario = scenarioFrom('name: valuation\ntrials: 120\nseed: 15\n');
const params = compileParameters(scenario);
const trials = 120;
const table = runTrials(params, 15, 0, trials);

/** A hand-made cross where ATO leads by $1M everywhere but at 36 months, 15%, no terminal value, where the difference is `corner`. */
function robustnessWith(corner: number): RobustnessSummary {
  const verdicts: ValuationVerdict[] = [36, 72, 120].flatMap((horizonMonths) =>
    (['runRate', 'none'] as const).flatMap((terminalValue) =>
      [0.05, 0.1, 0.15].map((discountRate) => {
        const mean = horizonMonths === 36 && discountRate === 0.15 && terminalValue === 'none' ? corner : 1;
        const asRun = horizonMonths === 72 && discountRate === 0.1 && terminalValue === 'runRate';
        return { discountRate, terminalValue, horizonMonths, trials: 100, asRun, diff: { mean, se: 0.01, ci95: [mean - 0.02, mean + 0.02] }, pBetter: { p: 0.5, ci95: [0.4, 0.6] }, leader: mean >= 0 ? 'ato' : 'fitd', decisive: true };
      }),
    ),
  );
  const agree = verdicts.every((v) => v.leader === 'ato');
  return { pair: ['ato', 'fitd'], valuation: { pair: ['ato', 'fitd'], verdicts, horizons: [36, 72, 120], discountRates: [0.05, 0.1, 0.15], horizonTrials: 100, agree } } as unknown as RobustnessSummary;
}

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
    const cell = table.variants[valuationGridKey(RUN_GRID_KEY, own, 'runRate')]!;
    const [a, b] = [strategyColumn(table, 'ato', 'npv'), strategyColumn(table, 'fitd', 'npv')];
    expect(cell.count).toBe(trials);
    expect(valueOfExact(cell.sum.diff)).toBe(exactSum(Float64Array.from(a, (x, i) => x - b[i]!)));
    expect(cell.better).toBe(a.filter((x, i) => x > b[i]!).length);
  });

  it("keeps each cell's exact sums of the pair's difference in the per-trial grid columns, which the CSV shows", () => {
    const at = (strategy: string, rate: number, terminal: 'runRate' | 'none') => {
      const cash = strategyColumn(table, strategy, `cashValueRate${rate}` as 'cashValueRate0');
      const tv = strategyColumn(table, strategy, `terminalValueRate${rate}` as 'terminalValueRate0');
      return Float64Array.from(cash, (x, i) => (terminal === 'runRate' ? x + tv[i]! : x));
    };
    for (const cell of valuationGridCells(RUN_GRID_KEY)) {
      const [a, b] = [at('ato', cell.rate, cell.terminal), at('fitd', cell.rate, cell.terminal)];
      const sums = table.variants[cell.key]!;
      expect(sums.count).toBe(trials);
      expect(sums.better).toBe(a.filter((x, i) => x > b[i]!).length);
      expect(valueOfExact(sums.sum.diff)).toBe(exactSum(a.map((x, i) => x - b[i]!)));
      expect(valueOfExact(sums.sumOfSquares.diff)).toBe(exactSum(a.map((x, i) => (x - b[i]!) ** 2)));
      // The difference alone is kept.
      expect([sums.sum.a, sums.sum.b, sums.sum.diffChange]).toEqual([[], [], []]);
    }
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
  it('re-simulates each other horizon once and values it in every cell: trial by trial a fresh run at that horizon, rate and terminal value', () => {
    const { variants } = valuationPlan(scenario);
    expect(variants.map((v) => v.key)).toEqual(['valuation.horizon.36', 'valuation.horizon.120']);
    const compiled = compileVariants(params, variants);
    const count = 40;
    const run = runTrials(params, 15, 0, count, { variants: compiled });
    const notes: Record<string, string> = {};
    const robustness = summarizeValuationRobustness(run, params, ['ato', 'fitd'], notes);
    expect(notes).toEqual({});
    const cross = [36, 72, 120].flatMap((h) => ['runRate', 'none'].flatMap((tv) => [0.05, 0.1, 0.15].map((r) => `${h}/${r}/${tv}`)));
    expect(robustness.verdicts.map((v) => `${v.horizonMonths}/${v.discountRate}/${v.terminalValue}`)).toEqual(cross);
    expect(robustness.horizons).toEqual([36, 72, 120]);
    expect(robustness.verdicts.filter((v) => v.asRun).map((v) => `${v.horizonMonths}/${v.discountRate}/${v.terminalValue}`)).toEqual(['72/0.1/runRate']);
    // One trial per table: a cell's exact sum is then that trial's own difference.
    const single = Array.from({ length: count }, (_, i) => runTrials(params, 15, i, 1, { variants: compiled }));
    for (const verdict of robustness.verdicts.filter((v) => v.horizonMonths !== 72)) {
      const rate = params.valuationRates.indexOf(verdict.discountRate);
      const key = valuationGridKey(horizonKey(verdict.horizonMonths), rate, verdict.terminalValue);
      const fresh = runTrials(compileParameters({ ...scenario, horizonMonths: verdict.horizonMonths, discountRate: verdict.discountRate, terminalValue: verdict.terminalValue }), 15, 0, count);
      const [a, b] = [strategyColumn(fresh, 'ato', 'npv'), strategyColumn(fresh, 'fitd', 'npv')];
      let sum = 0;
      let better = 0;
      for (let i = 0; i < count; i++) {
        const cell = single[i]!.variants[key]!;
        expect(valueOfExact(cell.sum.a)).toBe(a[i]);
        expect(valueOfExact(cell.sum.b)).toBe(b[i]);
        expect(cell.better).toBe(a[i]! > b[i]! ? 1 : 0);
        sum += a[i]! - b[i]!;
        if (a[i]! > b[i]!) better++;
      }
      // Exact sums against a plain float sum of 40 values: equal to 1e-9.
      expect(verdict.diff.mean).toBeCloseTo(sum / count, 9);
      expect(verdict.pBetter.p).toBe(better / count);
      expect(verdict.trials).toBe(count);
    }
    // The variant's own sums (the scenario's rate and terminal value) are its grid cell there.
    for (const horizon of [36, 120]) {
      const own = run.variants[valuationGridKey(horizonKey(horizon), 1, 'runRate')]!;
      expect(valueOfExact(own.sum.diff)).toBe(valueOfExact(run.variants[horizonKey(horizon)]!.sum.diff));
    }
  });

  it('words every flipped cell of the cross, including those off both axes', () => {
    const rows = robustnessWith(-0.4);
    expect(valuationFinding(rows, { names: { ato: 'ATO', fitd: 'FITD' }, currency: 'USD' })).toBe(
      "ATO's lead (10%, run-rate terminal value, 72 months) does not hold under every valuation; without a terminal value, at 15% over 36 months FITD leads by $0.40M.",
    );
    const agreeing = robustnessWith(0.4);
    expect(valuationFinding(agreeing, { names: { ato: 'ATO', fitd: 'FITD' }, currency: 'USD' })).toBe(
      'ATO leads under every valuation checked: discount rates 5%–15%, with and without a terminal value, horizons 36–120 months.',
    );
  });

  it('notes the other horizons when no variants ran', () => {
    const notes: Record<string, string> = {};
    const robustness = summarizeValuationRobustness(table, params, ['ato', 'fitd'], notes);
    expect(robustness.horizonTrials).toBeNull();
    expect(Object.keys(notes)).toEqual(['robustness.valuation.horizonTrials']);
    expect(robustness.verdicts).toHaveLength(6);
    expect(robustness.horizons).toEqual([72]);
  });
});
