/**
 * The one place the portfolio touches the engine's outcome columns: the
 * strategies a scenario's compiled parameters carry, in their order, each
 * with its per-trial NPV column. When outcome columns change shape (plans as
 * data, issue 12), only this function changes.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import type { ModelParameters } from '../model/parameters.ts';

export interface StrategyNpv {
  strategy: string;
  /** NPV of each trial of the table, $M (a copy: the table may live in shared memory). */
  npv: Float64Array;
}

export function readStrategyNpvs(params: Pick<ModelParameters, 'strategies'>, table: OutcomeTable): StrategyNpv[] {
  return params.strategies.map(({ name }) => {
    const column = table.columns[`${name}.npv`];
    if (!column) throw new Error(`the outcome table has no NPV column for strategy ${name}`);
    return { strategy: name, npv: Float64Array.from(column) };
  });
}
