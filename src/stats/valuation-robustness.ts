/**
 * Does the verdict survive the valuation? The compared pair's paired
 * difference (mean, 95% interval, P(A better), who leads) in every cell of
 * horizon × discount rate × terminal value none / run-rate. At the run's
 * horizon every cell is read from the run's own grid sums, which every trial
 * adds to (variants.ts, RUN_GRID_KEY: exact sums, all trials). Each other
 * horizon is one variant re-simulated on the same seeds (on the ablation's
 * trial subset: two policy runs per trial),
 * which records its own valuation grid in the same pass, so its six cells
 * cost no more than one.
 */
import { RUN_GRID_KEY, valuationGridKey, type Contrast, type Variant } from '../engine/variants.ts';
import type { OutcomeTable } from '../engine/outcome-table.ts';
import { MAX_HORIZON_MONTHS, type Scenario } from '../scenario/scenario-schema.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { GRID_TERMINAL_VALUES, type TerminalValueSetting } from '../model/valuation-grid.ts';
import { wilsonInterval } from './intervals.ts';
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

/**
 * The verdicts, from a table run with `valuationPlan`'s variants (or without
 * them: the other horizons are then left out and noted).
 * Cost: O(1) per cell.
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
        const runHorizon = horizonMonths === params.horizonMonths;
        const sums = table.variants[valuationGridKey(runHorizon ? RUN_GRID_KEY : horizonKey(horizonMonths), rate, terminalValue)];
        if (sums === undefined || (runHorizon && sums.count !== table.count)) throw new Error(`summarizeValuationRobustness: the table holds no valuation grid of its ${table.count} trials`);
        if (!runHorizon) horizonTrials = sums.count;
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
