/**
 * The one place the portfolio touches the shape of compiled strategies and of
 * the engine's outcome columns: the strategies a scenario's compiled
 * parameters carry, in their order, each with how to read its per-trial NPV
 * from an outcome table. When strategies become data (issue 12), only this
 * function changes.
 */
import { strategyColumn, type OutcomeTable } from '../engine/outcome-table.ts';
import type { ModelParameters } from '../model/parameters.ts';

export interface StrategyNpvColumn {
  strategy: string;
  /** NPV of each trial of the table, $M (a copy: the table may live in shared memory). */
  read(table: OutcomeTable): Float64Array;
}

export function strategyNpvColumns(params: Pick<ModelParameters, 'strategies'>): StrategyNpvColumn[] {
  return params.strategies.map(({ key }) => ({
    strategy: key,
    read: (table) => Float64Array.from(strategyColumn(table, key, 'npv')),
  }));
}
