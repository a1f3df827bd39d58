/**
 * One simulation of the portfolio's grid: an account's scenario at one
 * capacity, every strategy on the same worlds, reduced to each strategy's NPV
 * per trial. The same trials `expansim run` would play (runTrials over
 * 0 … trials − 1 with the scenario's seed), in whichever thread runs it.
 */
import { createOutcomeTable } from '../engine/outcome-table.ts';
import { runTrials } from '../engine/run-trials.ts';
import { compileParameters } from '../model/parameters.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { strategyNpvColumns } from './strategy-npv-columns.ts';

/** NPV per trial of each strategy of `scenario`, in its order, $M. */
export function simulateAccount(scenario: Scenario): Float64Array[] {
  const params = compileParameters(scenario);
  const readers = strategyNpvColumns(params);
  const table = createOutcomeTable(0, scenario.trials, params.horizonMonths, params.strategies.map((strategy) => strategy.key), [], { columns: 'summary' });
  runTrials(params, scenario.seed, 0, scenario.trials, { table });
  return readers.map((reader) => reader.read(table));
}
