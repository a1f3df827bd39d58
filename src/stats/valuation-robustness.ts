/**
 * Does the verdict survive the valuation? The compared pair's paired
 * difference (mean, 95% interval, P(A better), who leads) under the
 * valuation check's discount rates × terminal value none / run-rate, read
 * from the per-trial grid every trial records (exact, all trials), and at
 * other horizons, re-simulated on the same seeds as variants of the run (on
 * the ablation's trial subset: they cost about two policy runs per trial each).
 */
import type { Contrast, Variant } from '../engine/variants.ts';
import { strategyColumn, type OutcomeTable, type StrategyColumnName } from '../engine/outcome-table.ts';
import { MAX_HORIZON_MONTHS, type Scenario } from '../scenario/scenario-schema.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { meanInterval, wilsonInterval } from './intervals.ts';
import type { ShareEstimate } from './compare-strategies.ts';
import { estimateVariant, type MeanEstimate } from './variant-statistics.ts';

export type TerminalValueSetting = 'runRate' | 'none';
const TERMINAL_VALUES: readonly TerminalValueSetting[] = ['runRate', 'none'];

export interface ValuationVerdict {
  discountRate: number;
  terminalValue: TerminalValueSetting;
  horizonMonths: number;
  /** Trials the verdict is measured on (all, or the re-simulated subset for other horizons). */
  trials: number;
  /** True for the run's own discount rate, terminal value and horizon. */
  asRun: boolean;
  /** Per-trial NPV difference A − B. */
  diff: MeanEstimate;
  pBetter: ShareEstimate;
  /** The strategy with the higher mean NPV (A on an exact tie). */
  leader: string;
  /** The difference's 95% interval excludes 0. */
  decisive: boolean;
}

export interface ValuationRobustness {
  /** The compared pair, A − B. */
  pair: [string, string];
  /** Discount rates × terminal values at the run's horizon, then each other horizon × terminal values at the run's rate. */
  verdicts: ValuationVerdict[];
  /** Trials the other horizons were re-simulated on; null when they were not run (see notes). */
  horizonTrials: number | null;
  /** Every verdict names the same leader. */
  agree: boolean;
}

/** The other horizons the check re-simulates: 36 and 120 months for a 72-month run, else half and five thirds of it. */
export function robustnessHorizons(horizonMonths: number): number[] {
  const candidates = [Math.max(12, Math.round(horizonMonths / 2)), Math.min(MAX_HORIZON_MONTHS, Math.round((horizonMonths * 5) / 3))];
  return [...new Set(candidates)].filter((h) => h !== horizonMonths);
}

const horizonKey = (horizon: number, terminalValue: TerminalValueSetting) => `valuation.horizon.${horizon}.${terminalValue}`;

/** The variants the other horizons need: each horizon with and without a terminal value, the run's rate kept. */
export function valuationPlan(scenario: Scenario): { variants: Variant[]; contrasts: Contrast[] } {
  const variants = robustnessHorizons(scenario.horizonMonths).flatMap((horizonMonths) =>
    TERMINAL_VALUES.map((terminalValue) => ({ key: horizonKey(horizonMonths, terminalValue), scenario: { ...scenario, horizonMonths, terminalValue } })),
  );
  return { variants, contrasts: [] };
}

function verdictOf(diff: MeanEstimate, better: number, trials: number, pair: readonly [string, string]): Pick<ValuationVerdict, 'diff' | 'pBetter' | 'leader' | 'decisive' | 'trials'> {
  const decisive = diff.ci95 !== null && (diff.ci95[0] > 0 || diff.ci95[1] < 0);
  return { trials, diff, pBetter: { p: better / trials, ci95: wilsonInterval(better, trials) }, leader: diff.mean >= 0 ? pair[0] : pair[1], decisive };
}

/** The paired difference of A − B valued at grid rate `rate` (0 … 2), with or without the terminal value. */
export function gridDifferences(table: OutcomeTable, pair: readonly [string, string], rate: number, terminalValue: TerminalValueSetting): Float64Array {
  const column = (strategy: string, name: string) => strategyColumn(table, strategy, `${name}Rate${rate}` as StrategyColumnName);
  const [cashA, cashB] = [column(pair[0], 'cashValue'), column(pair[1], 'cashValue')];
  const [tvA, tvB] = [column(pair[0], 'terminalValue'), column(pair[1], 'terminalValue')];
  return Float64Array.from({ length: table.count }, (_, i) =>
    terminalValue === 'runRate' ? cashA[i]! + tvA[i]! - (cashB[i]! + tvB[i]!) : cashA[i]! - cashB[i]!,
  );
}

function estimateOf(values: Float64Array): { diff: MeanEstimate; better: number } {
  let sum = 0;
  let better = 0;
  for (const value of values) {
    sum += value;
    if (value > 0) better++;
  }
  const mean = sum / values.length;
  if (values.length < 2) return { diff: { mean, se: null, ci95: null }, better };
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  const se = Math.sqrt(squares / (values.length - 1) / values.length);
  return { diff: { mean, se, ci95: meanInterval(mean, se) }, better };
}

/**
 * The verdicts, from a table run with `valuationPlan`'s variants (or without
 * them: the other horizons are then left out and noted).
 * Cost: O(trials) per grid cell, six cells.
 */
export function summarizeValuationRobustness(
  table: OutcomeTable,
  params: Pick<ModelParameters, 'discountRate' | 'horizonMonths' | 'runRateTerminalValue' | 'valuationRates'>,
  pair: readonly [string, string],
  notes: Record<string, string>,
  notePath = 'robustness.valuation',
): ValuationRobustness {
  const own: TerminalValueSetting = params.runRateTerminalValue ? 'runRate' : 'none';
  const verdicts: ValuationVerdict[] = [];
  for (const terminalValue of TERMINAL_VALUES) {
    params.valuationRates.forEach((discountRate, rate) => {
      const { diff, better } = estimateOf(gridDifferences(table, pair, rate, terminalValue));
      const asRun = discountRate === params.discountRate && terminalValue === own;
      verdicts.push({ discountRate, terminalValue, horizonMonths: params.horizonMonths, asRun, ...verdictOf(diff, better, table.count, pair) });
    });
  }
  let horizonTrials: number | null = null;
  for (const horizonMonths of robustnessHorizons(params.horizonMonths)) {
    for (const terminalValue of TERMINAL_VALUES) {
      const sums = table.variants[horizonKey(horizonMonths, terminalValue)];
      if (!sums || sums.count === 0) continue;
      horizonTrials = sums.count;
      const diff = estimateVariant(sums, 'diff');
      verdicts.push({ discountRate: params.discountRate, terminalValue, horizonMonths, asRun: false, ...verdictOf(diff, sums.better, sums.count, pair) });
    }
  }
  if (horizonTrials === null) notes[`${notePath}.horizonTrials`] = 'other horizons are re-simulated with the barrier ablation, on its trials; this run had none (--no-ablate, or a merge of shards)';
  return { pair: [pair[0], pair[1]], verdicts, horizonTrials, agree: verdicts.every((verdict) => verdict.leader === verdicts[0]!.leader) };
}
