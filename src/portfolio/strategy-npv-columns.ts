/**
 * The one place the portfolio touches the shape of compiled strategies and of
 * the engine's outcome columns: the strategies a scenario's compiled
 * parameters carry, in their order, each with how to read its per-trial NPV
 * from an outcome table. When strategies become data (issue 12), only this
 * function changes.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import type { ModelParameters } from '../model/parameters.ts';

export interface StrategyNpvColumn {
  strategy: string;
  /** NPV of each trial of the table, $M (a copy: the table may live in shared memory). */
  read(table: OutcomeTable): Float64Array;
}

export function strategyNpvColumns(params: Pick<ModelParameters, 'strategies'>): StrategyNpvColumn[] {
  return params.strategies.map(({ name }) => ({
    strategy: name,
    read(table) {
      const column = table.columns[`${name}.npv`];
      if (!column) throw new Error(`the outcome table has no NPV column for strategy ${name}`);
      return Float64Array.from(column);
    },
  }));
}
