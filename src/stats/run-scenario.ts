/**
 * A scenario in, its trials and full summary out: the engine and the
 * statistics composed (comparison, dominance, path classes, barrier ablation,
 * precision target), for the CLI and for notebooks.
 */
import { compileParameters } from '../model/parameters.ts';
import type { OutcomeTable } from '../engine/outcome-table.ts';
import { runSimulation, type SimulationOptions } from '../engine/run-simulation.ts';
import { hashScenario } from '../scenario/scenario-hash.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { analysisPlan } from './analysis-plan.ts';
import { DEFAULT_ABLATION_HIGH, DEFAULT_ABLATION_TRIALS, summarizeAblation, type AblationSummary } from './barrier-ablation.ts';
import { assertFiniteOutcomes, assertFiniteSummary } from './non-finite-figure.ts';
import { summarizePathClasses, type PathClassSummary } from './path-classes.ts';
import { runToPrecision, type PrecisionSummary, type PrecisionTarget } from './precision-run.ts';
import { summarizeDominanceAgainst, type DominanceSummary } from './risk-profile.ts';
import { comparedPair } from './compared-pair.ts';
import { summarizeRobustness, type RobustnessSummary } from './summarize-robustness.ts';
import { runSwitchovers, SWITCHOVER_MIN_RUN_TRIALS, type SwitchoverSummary } from './switchovers.ts';
import { strategyColumn } from '../engine/outcome-table.ts';
import { summarizeOutcomes, type RunFacts, type Summary } from './summarize-outcomes.ts';

export interface AnalysisOptions {
  /** Run the barrier ablation on the same worlds (default true). */
  ablate?: boolean;
  /** Trials the ablation runs on (default 4,000, at most the run's). */
  ablationTrials?: number;
  /** Level a barrier is raised to in the ablation's "high" variant (default 0.9). */
  ablationHigh?: number;
  /** Add trials until the difference's interval is this narrow (see precision-run.ts). */
  precision?: PrecisionTarget;
  /** Run the assumption switchovers after the trials, when the ablation runs and the run has at least 5,000 trials (default true; see switchovers.ts for the cost). */
  switchovers?: boolean;
  /** Awaited with `summary` once the trials are done; a rejection stops the run there (a cancel). */
  checkpoint?: (step: string) => Promise<void>;
}

export type RunOptions = AnalysisOptions & Omit<SimulationOptions, 'trials' | 'start' | 'variants' | 'contrasts' | 'variantTrials'>;

/** The summary with the analyses a full run adds. */
export interface FullSummary extends Summary {
  dominance: DominanceSummary;
  pathClasses: PathClassSummary;
  ablation?: AblationSummary;
  precision?: PrecisionSummary;
  /** How sure the verdict is, and what it hinges on (summarize-robustness.ts). */
  robustness: RobustnessSummary;
}

export interface ScenarioRun {
  /** The scenario as run (with `trials` set to the trials used). */
  scenario: Scenario;
  table: OutcomeTable;
  summary: FullSummary;
  /** Threads that ran trials. */
  workers: number;
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

/** Summarizes a complete table of a scenario's trials (the core figures only). */
export function summarizeRun(scenario: Scenario, table: OutcomeTable): Summary {
  return summarizeOutcomes(table, runFacts(scenario), compileParameters(scenario));
}

/** The core summary plus dominance, path classes, robustness, and the ablation and precision sections when run. */
export function summarizeFullRun(
  scenario: Scenario,
  table: OutcomeTable,
  ablationHigh: number | null,
  precision?: PrecisionSummary,
  switchovers: SwitchoverSummary | null = null,
): FullSummary {
  assertFiniteOutcomes(table);
  const params = compileParameters(scenario);
  const baseline = params.strategies[params.baseline]!.key;
  const { a, b } = comparedPair(params);
  const npvs = Object.fromEntries(table.strategies.map((key) => [key, strategyColumn(table, key, 'npv')]));
  const core = summarizeOutcomes(table, runFacts(scenario), params);
  const summary: FullSummary = {
    ...core,
    dominance: summarizeDominanceAgainst(npvs, baseline),
    pathClasses: summarizePathClasses(table, params),
    robustness: summarizeRobustness(table, params, [a.key, b.key], core.notes, switchovers),
  };
  for (const strategy of table.strategies) {
    for (const [path, group] of Object.entries(summary.pathClasses[strategy]!)) {
      if (group.trials === 0) summary.notes[`pathClasses.${strategy}.${path}`] = 'no trial took this path';
    }
  }
  if (ablationHigh !== null) summary.ablation = summarizeAblation(table, scenario, ablationHigh, [a.key, b.key]);
  if (precision) summary.precision = precision;
  noteSingleTrialSpreads(summary);
  assertFiniteSummary(summary);
  return summary;
}

/** Dotted paths of the null values in a summary (its `notes` excluded). */
export function nullPaths(value: unknown, path = ''): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullPaths(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== undefined) {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => (path === '' && key === 'notes' ? [] : nullPaths(item, path ? `${path}.${key}` : key)));
  }
  return [];
}

/** Spreads of a single trial are undefined: say so for each. */
function noteSingleTrialSpreads(summary: FullSummary): void {
  if (summary.trials > 1 && (summary.ablation?.trials ?? 2) > 1) return;
  const explained = (path: string) => Object.keys(summary.notes).some((note) => path === note || path.startsWith(`${note}.`));
  for (const path of nullPaths(summary)) {
    if (!explained(path) && /\.(sd|se|ci95)$/.test(path)) summary.notes[path] = 'one trial has no spread';
  }
}

/** The switchover analysis for the run's compared pair, on the same workers and signal. */
function runSwitchoversFor(scenario: Scenario, simulation: Pick<SimulationOptions, 'workers' | 'signal'>): Promise<SwitchoverSummary> {
  const params = compileParameters(scenario);
  const { a, b } = comparedPair(params);
  const labels = Object.fromEntries(params.strategies.map((s) => [s.key, s.label]));
  return runSwitchovers(scenario, [a.key, b.key], { workers: simulation.workers, signal: simulation.signal, pair: [a.index, b.index], labels });
}

/** Runs a scenario (a fixed number of trials, or to a precision target) and summarizes it. */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ScenarioRun> {
  const { ablate = true, ablationTrials = DEFAULT_ABLATION_TRIALS, ablationHigh = DEFAULT_ABLATION_HIGH, precision, checkpoint, switchovers: switching = true, ...simulation } = options;
  const plan = ablate ? analysisPlan(scenario, ablationHigh) : { variants: [], contrasts: [] };
  const engineOptions = { ...simulation, ...plan, variantTrials: ablationTrials };
  if (precision) {
    const { table, precision: reached, workers } = await runToPrecision(scenario, precision, engineOptions);
    const ran = { ...scenario, trials: reached.trialsUsed };
    const switchovers = ablate && switching && ran.trials >= SWITCHOVER_MIN_RUN_TRIALS ? await runSwitchoversFor(ran, simulation) : null;
    await checkpoint?.('summary');
    return { scenario: ran, table, workers, summary: summarizeFullRun(ran, table, ablate ? ablationHigh : null, reached, switchovers) };
  }
  const { table, workers } = await runSimulation(scenario, { ...engineOptions, trials: scenario.trials });
  const switchovers = ablate && switching && scenario.trials >= SWITCHOVER_MIN_RUN_TRIALS ? await runSwitchoversFor(scenario, simulation) : null;
  await checkpoint?.('summary');
  return { scenario, table, workers, summary: summarizeFullRun(scenario, table, ablate ? ablationHigh : null, undefined, switchovers) };
}
