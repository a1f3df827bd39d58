/**
 * A deal history and a base scenario → a calibrated scenario: every value the
 * history can speak to is fitted (arrivals, deal sizes, discounts, win
 * probabilities, cycles), the rest kept at the base's, each with the deals it
 * rests on, its standard error or the reason it was kept.
 */
import { compileParameters } from '../model/parameters.ts';
import { validateScenario } from '../scenario/parse-scenario.ts';
import { scenarioValue } from '../scenario/scenario-paths.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { formatIssue } from '../scenario/scenario-issue.ts';
import { DEFAULT_BASELINE, PROJECT_TYPES, STREAMS, type StrategyName } from '../scenario/vocabulary.ts';
import type { DealHistory } from './deal-history.ts';
import { fitArrivals } from './fit-arrivals.ts';
import { fitDealSizes } from './fit-deal-sizes.ts';
import { fitDiscounts } from './fit-discounts.ts';
import { fitWinAndCycle } from './fit-win-and-cycle.ts';
import { DEFAULT_MIN_DEALS, kept, type FittedValue } from './fitted-value.ts';
import { measureWinFactors } from './measure-win-factors.ts';
import { formatMonth } from './parse-deal-fields.ts';
import { roundFittedValues } from './round-fitted-values.ts';

export interface CalibrationOptions {
  /** The strategy the vendor followed over the data's period, for the win factors (default: the default baseline). */
  strategy?: StrategyName;
  /** Seed of the win-factor simulation (default: the base scenario's). */
  seed?: number;
  /** Fewest deals a fitted value may rest on (default 10). */
  minDeals?: number;
  /** Accounts simulated to measure the win factors (default 2,000). */
  factorAccounts?: number;
  /** Name of the calibrated scenario (default: the base's name + `-calibrated`). */
  name?: string;
}

export interface Calibration {
  scenario: Scenario;
  base: Scenario;
  /** Every value calibration looked at, fitted or kept. */
  values: FittedValue[];
  warnings: string[];
  /** How the file was read (from the deal history). */
  notes: string[];
  source: string;
  deals: number;
  accounts: number;
  /** First and last month in the data (month indices) and the months between, inclusive. */
  window: { first: number; last: number; months: number };
  strategy: StrategyName;
  seed: number;
}

function setValue(target: Record<string, unknown>, path: string, value: number): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** `base` with every value in `values` set, validated. */
function buildScenario(base: Scenario, values: readonly FittedValue[], text: { name?: string; description?: string } = {}): Scenario {
  const draft = structuredClone(base) as Record<string, unknown>;
  delete draft.$schema;
  for (const value of values) setValue(draft, value.path, value.value);
  if (text.name !== undefined) draft.name = text.name;
  if (text.description !== undefined) draft.description = text.description;
  const result = validateScenario(draft);
  if (!result.ok) throw new Error(`the calibrated scenario is invalid: ${result.issues.map((issue) => formatIssue(issue, 'calibrated')).join('; ')}`);
  return result.scenario;
}

/** Fits what `history` can tell about `base`'s values and returns the calibrated scenario with the account of each value. */
export function calibrateScenario(history: DealHistory, base: Scenario, options: CalibrationOptions = {}): Calibration {
  const deals = history.deals;
  if (deals.length === 0) throw new Error('calibrateScenario requires at least one deal');
  const strategy = options.strategy ?? DEFAULT_BASELINE;
  const seed = options.seed ?? base.seed;
  const minDeals = options.minDeals ?? DEFAULT_MIN_DEALS;
  const first = deals.reduce((earliest, deal) => Math.min(earliest, deal.opened), Infinity);
  const last = deals.reduce((latest, deal) => Math.max(latest, deal.opened, deal.closed ?? -Infinity), -Infinity);
  const window = { first, last, months: last - first + 1 };
  const params = compileParameters(base);
  const warnings: string[] = [];

  const values: FittedValue[] = [...fitArrivals(deals, base, params, last, minDeals), ...fitDealSizes(deals, base, minDeals), ...fitDiscounts(deals, base, minDeals)];
  if (history.columns.outcome && history.columns.closed) {
    // The win factors depend a little on the values being fitted (more wins, more relationship and
    // pull-through): measure them on the base, fit, then measure again on the fitted scenario and refit.
    const factorOptions = { strategy, months: Math.min(600, Math.max(12, window.months)), accounts: options.factorAccounts, seed };
    const firstPass = fitWinAndCycle(deals, base, params, measureWinFactors(base, factorOptions), last, minDeals);
    const firstFit = buildScenario(base, [...values, ...firstPass.values]);
    const winAndCycle = fitWinAndCycle(deals, base, params, measureWinFactors(firstFit, factorOptions), last, minDeals);
    values.push(...winAndCycle.values);
    warnings.push(...winAndCycle.warnings);
  } else {
    const missing = history.columns.outcome ? 'closed' : 'outcome';
    for (const type of PROJECT_TYPES) {
      for (const key of ['baseWinProbability', 'meanCycleMonths']) {
        const path = `model.projectTypes.${type}.${key}`;
        values.push(kept(path, scenarioValue(base, path), 0, `the file has no ${missing} column`));
      }
    }
    warnings.push(`the file has no ${missing} column: win probabilities and sales cycles stay at the base values`);
  }

  for (const [s, stream] of STREAMS.entries()) {
    if (!deals.some((deal) => deal.stream === s)) warnings.push(`no ${stream} deals in the data: its wallet share, mix, deal sizes and discount stay at the base values`);
  }
  for (const value of values) {
    if (value.warn) warnings.push(`${value.path} left at the base value ${value.base}: ${value.reason}`);
  }

  const rounded = roundFittedValues(values);
  const accounts = new Set(deals.map((deal) => deal.account)).size;
  const scenario = buildScenario(base, rounded, {
    name: options.name ?? `${base.name}-calibrated`.slice(0, 100),
    description: `Calibrated by expansim calibrate from ${history.source}: ${deals.length} deals in ${accounts} account${accounts === 1 ? '' : 's'}, ${formatMonth(first)} to ${formatMonth(last)}, on the base scenario ${base.name}.${base.description ? ` ${base.description}` : ''}`.slice(0, 10_000),
  });
  return {
    scenario,
    base,
    values: rounded,
    warnings,
    notes: history.notes,
    source: history.source,
    deals: deals.length,
    accounts,
    window,
    strategy,
    seed,
  };
}
