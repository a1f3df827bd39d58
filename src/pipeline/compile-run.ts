/**
 * The first step of a run: a validated scenario and the run's settings,
 * compiled once into everything the later steps read: the model parameters,
 * the facts a summary repeats, the compared pair, and the variants the
 * analyses play on the same worlds (the barrier ablation's and the valuation
 * check's other horizons).
 */
import type { Contrast, Variant } from '../engine/variants.ts';
import { compileParameters, type ModelParameters } from '../model/parameters.ts';
import { hashScenario } from '../scenario/scenario-hash.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { DEFAULT_ABLATION_HIGH, DEFAULT_ABLATION_TRIALS } from '../stats/barrier-ablation.ts';
import { comparedPair, type ComparedPair } from '../stats/compared-pair.ts';
import type { PrecisionTarget } from '../stats/precision-run.ts';
import type { RunFacts } from '../stats/summarize-outcomes.ts';
import { analysisPlan } from './analysis-plan.ts';

/** The analyses a run adds to its trials. */
export interface AnalysisOptions {
  /** Run the barrier ablation on the same worlds (default true). */
  ablate?: boolean;
  /** Trials the ablation runs on (default 4,000, at most the run's). */
  ablationTrials?: number;
  /** Level a barrier is raised to in the ablation's "high" variant (default 0.9). */
  ablationHigh?: number;
  /** Add trials until the difference's interval is this narrow (see stats/precision-run.ts). */
  precision?: PrecisionTarget;
  /** Run the assumption switchovers after the trials, when the ablation runs and the run has at least 5,000 trials (default true; see run-switchovers.ts for the cost). */
  switchovers?: boolean;
}

/** The analysis settings with their defaults filled, as run.json records them. */
export interface AnalysisSettings {
  ablate: boolean;
  ablationTrials: number;
  ablationHigh: number;
  precision: PrecisionTarget | null;
  switchovers: boolean;
}

export interface CompiledRun {
  scenario: Scenario;
  params: ModelParameters;
  facts: RunFacts;
  /** The pair the ablation, precision path and difference charts follow (a − b). */
  pair: ComparedPair;
  analysis: AnalysisSettings;
  /** Played on the same worlds as the trials (the ablation's, when it runs). */
  variants: Variant[];
  contrasts: Contrast[];
}

/** The facts a summary repeats about its run. */
export function runFacts(scenario: Scenario): RunFacts {
  return {
    scenario: scenario.name,
    description: scenario.description,
    currency: scenario.currency,
    seed: scenario.seed,
    trials: scenario.trials,
    horizonMonths: scenario.horizonMonths,
    discountRate: scenario.discountRate,
    terminalValue: scenario.terminalValue,
    scenarioHash: hashScenario(scenario),
  };
}

export function compileRun(scenario: Scenario, options: AnalysisOptions = {}): CompiledRun {
  const analysis: AnalysisSettings = {
    ablate: options.ablate ?? true,
    ablationTrials: options.ablationTrials ?? DEFAULT_ABLATION_TRIALS,
    ablationHigh: options.ablationHigh ?? DEFAULT_ABLATION_HIGH,
    precision: options.precision ?? null,
    switchovers: options.switchovers ?? true,
  };
  const params = compileParameters(scenario);
  const plan = analysis.ablate ? analysisPlan(scenario, analysis.ablationHigh) : { variants: [], contrasts: [] };
  return { scenario, params, facts: runFacts(scenario), pair: comparedPair(params), analysis, ...plan };
}

/** The compiled run with the trial count a precision run reached (the facts and scenario say it). */
export function withTrials(compiled: CompiledRun, trials: number): CompiledRun {
  if (trials === compiled.scenario.trials) return compiled;
  const scenario = { ...compiled.scenario, trials };
  return { ...compiled, scenario, facts: { ...compiled.facts, trials } };
}
