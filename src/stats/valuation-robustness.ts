/**
 * Does the verdict survive the valuation? The compared pair's paired
 * difference (mean, 95% interval, P(A better), who leads) in every cell of
 * horizon × discount rate × terminal value none / run-rate. At the run's
 * horizon every cell is read from the per-trial grid every trial records
 * (exact, all trials). Each other horizon is one variant re-simulated on the
 * same seeds (on the ablation's trial subset: two policy runs per trial),
 * which records its own valuation grid in the same pass, so its six cells
 * cost no more than one.
 */
import { valuationGridKey, type Contrast, type Variant } from '../engine/variants.ts';
import { strategyColumn, type OutcomeTable, type StrategyColumnName } from '../engine/outcome-table.ts';
import { MAX_HORIZON_MONTHS, type Scenario } from '../scenario/scenario-schema.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { GRID_TERMINAL_VALUES, type TerminalValueSetting } from '../model/valuation-grid.ts';
import { meanInterval, wilsonInterval } from './intervals.ts';
import type { ShareEstimate } from './compare-strategies.ts';
import { estimateVariant, type MeanEstimate } from './variant-statistics.ts';

export type { TerminalValueSetting } from '../model/valuation-grid.ts';

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
  /** Every horizon × terminal value (run-rate, none) × discount rate, in that order, horizons ascending. */
  verdicts: ValuationVerdict[];
  /** The cross's axes, as the verdicts take them. */
  horizons: number[];
  discountRates: number[];
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

/** The variant key of an other horizon. */
export const horizonKey = (horizon: number) => `valuation.horizon.${horizon}`;

/** The variants the other horizons need: one per horizon, recording its valuation grid (every rate, with and without a terminal value). */
export function valuationPlan(scenario: Scenario): { variants: Variant[]; contrasts: Contrast[] } {
  const variants = robustnessHorizons(scenario.horizonMonths).map((horizonMonths) => ({ key: horizonKey(horizonMonths), scenario: { ...scenario, horizonMonths }, valuationGrid: true }));
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

/**
 * The mean, interval and P(A better) of one cell's per-trial differences,
 * computed as gridDifferences gives them, in trial order (plain sums: the
 * printed figures follow this order), without the column of differences.
 */
function estimateCell(table: OutcomeTable, pair: readonly [string, string], rate: number, terminalValue: TerminalValueSetting): { diff: MeanEstimate; better: number } {
  const column = (strategy: string, name: string) => strategyColumn(table, strategy, `${name}Rate${rate}` as StrategyColumnName);
  const [cashA, cashB] = [column(pair[0], 'cashValue'), column(pair[1], 'cashValue')];
  const [tvA, tvB] = [column(pair[0], 'terminalValue'), column(pair[1], 'terminalValue')];
  const n = table.count;
  const withTerminalValue = terminalValue === 'runRate';
  let sum = 0;
  let better = 0;
  for (let i = 0; i < n; i++) {
    const value = withTerminalValue ? cashA[i]! + tvA[i]! - (cashB[i]! + tvB[i]!) : cashA[i]! - cashB[i]!;
    sum += value;
    if (value > 0) better++;
  }
  const mean = sum / n;
  if (n < 2) return { diff: { mean, se: null, ci95: null }, better };
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const value = withTerminalValue ? cashA[i]! + tvA[i]! - (cashB[i]! + tvB[i]!) : cashA[i]! - cashB[i]!;
    squares += (value - mean) ** 2;
  }
  const se = Math.sqrt(squares / (n - 1) / n);
  return { diff: { mean, se, ci95: meanInterval(mean, se) }, better };
}

/**
 * The verdicts, from a table run with `valuationPlan`'s variants (or without
 * them: the other horizons are then left out and noted).
 * Cost: O(trials) per cell at the run's horizon (six cells), O(1) per cell at the others.
 */
export function summarizeValuationRobustness(
  table: OutcomeTable,
  params: Pick<ModelParameters, 'discountRate' | 'horizonMonths' | 'runRateTerminalValue' | 'valuationRates'>,
  pair: readonly [string, string],
  notes: Record<string, string>,
  notePath = 'robustness.valuation',
): ValuationRobustness {
  const own: TerminalValueSetting = params.runRateTerminalValue ? 'runRate' : 'none';
  const simulated = robustnessHorizons(params.horizonMonths).filter((horizon) => (table.variants[valuationGridKey(horizonKey(horizon), 0, own)]?.count ?? 0) > 0);
  const horizons = [params.horizonMonths, ...simulated].sort((x, y) => x - y);
  const verdicts: ValuationVerdict[] = [];
  let horizonTrials: number | null = null;
  for (const horizonMonths of horizons) {
    for (const terminalValue of GRID_TERMINAL_VALUES) {
      params.valuationRates.forEach((discountRate, rate) => {
        const asRun = horizonMonths === params.horizonMonths && discountRate === params.discountRate && terminalValue === own;
        const setting = { discountRate, terminalValue, horizonMonths, asRun };
        if (horizonMonths === params.horizonMonths) {
          const { diff, better } = estimateCell(table, pair, rate, terminalValue);
          verdicts.push({ ...setting, ...verdictOf(diff, better, table.count, pair) });
          return;
        }
        const sums = table.variants[valuationGridKey(horizonKey(horizonMonths), rate, terminalValue)]!;
        horizonTrials = sums.count;
        verdicts.push({ ...setting, ...verdictOf(estimateVariant(sums, 'diff'), sums.better, sums.count, pair) });
      });
    }
  }
  if (horizonTrials === null) notes[`${notePath}.horizonTrials`] = 'other horizons are re-simulated with the barrier ablation, on its trials; this run had none (--no-ablate, or a merge of shards)';
  verdicts.forEach((verdict, i) => {
    if (verdict.diff.ci95 === null) notes[`${notePath}.verdicts[${i}].diff`] = `one trial has no spread (${verdict.trials} trial${verdict.trials === 1 ? '' : 's'} at ${verdict.horizonMonths} months)`;
  });
  const asRun = verdicts.find((verdict) => verdict.asRun) ?? verdicts[0]!;
  return {
    pair: [pair[0], pair[1]],
    verdicts,
    horizons,
    discountRates: [...params.valuationRates],
    horizonTrials,
    agree: verdicts.every((verdict) => verdict.leader === asRun.leader),
  };
}
