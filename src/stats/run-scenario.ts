/**
 * A scenario in, its trials and summary out: the engine and the statistics
 * composed, for the CLI and for notebooks.
 */
import { compileParameters } from '../model/parameters.ts';
import type { OutcomeTable } from '../engine/outcome-table.ts';
import { runSimulation, type SimulationOptions } from '../engine/run-simulation.ts';
import { hashScenario } from '../scenario/scenario-hash.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { summarizeOutcomes, type RunFacts, type Summary } from './summarize-outcomes.ts';

export interface ScenarioRun {
  scenario: Scenario;
  table: OutcomeTable;
  summary: Summary;
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

/** Summarizes a complete table of a scenario's trials. */
export function summarizeRun(scenario: Scenario, table: OutcomeTable): Summary {
  return summarizeOutcomes(table, runFacts(scenario), compileParameters(scenario).walletShare);
}

/** Runs all of a scenario's trials and summarizes them. */
export async function runScenario(scenario: Scenario, options: Omit<SimulationOptions, 'trials' | 'start'> = {}): Promise<ScenarioRun> {
  const { table } = await runSimulation(scenario, { ...options, trials: scenario.trials });
  return { scenario, table, summary: summarizeRun(scenario, table) };
}
