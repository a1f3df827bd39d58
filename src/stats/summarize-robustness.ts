/**
 * "How sure, and on what does it hinge?": the analyses that test the run's
 * verdict, all on the run's own worlds (common random numbers) — the cash
 * figures per strategy, the verdict under other valuations, and which
 * accounts the compared pair's A wins. With more than two plans they follow
 * the compared pair only.
 */
import type { OutcomeTable } from '../engine/outcome-table.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { summarizeCashNeeds, type CashNeeds } from './cash-needs.ts';
import { summarizeValuationRobustness, type ValuationRobustness } from './valuation-robustness.ts';
import { summarizeWhoWinsWhere, type WhoWinsWhere } from './who-wins-where.ts';
import type { SwitchoverSummary } from './switchovers.ts';

export interface RobustnessSummary {
  /** The compared pair, A − B, that the verdicts and the rule follow. */
  pair: [string, string];
  /** Trials whose cash paths the cash figures read (the fan chart's sample: the first 10,000). */
  cashSampledTrials: number;
  /** Payback and peak cash need by strategy key; null without sampled paths (see notes). */
  cash: Record<string, CashNeeds> | null;
  valuation: ValuationRobustness;
  whoWinsWhere: WhoWinsWhere;
  /** Which assumption, if wrong, changes the decision; null when not run (see notes). */
  switchovers: SwitchoverSummary | null;
}

export function summarizeRobustness(
  table: OutcomeTable,
  params: Pick<ModelParameters, 'discountRate' | 'horizonMonths' | 'runRateTerminalValue' | 'valuationRates'>,
  pair: readonly [string, string],
  notes: Record<string, string>,
  switchovers: SwitchoverSummary | null = null,
): RobustnessSummary {
  if (switchovers === null) notes['robustness.switchovers'] = 'not run: switchovers run after the trials of a run of at least 5,000 trials with the barrier ablation (not with --no-ablate, for a merge of shards, or when the caller leaves them out)';
  switchovers?.assumptions.forEach((swing, i) => {
    if (swing.switchover === null) notes[`robustness.switchovers.assumptions[${i}].switchover`] = 'the verdict does not flip in the range';
  });
  const sampled = table.cashPathCount;
  if (sampled === 0) notes['robustness.cash'] = 'no trial of this run kept its cash path';
  const cash = sampled === 0 ? null : Object.fromEntries(table.strategies.map((s) => [s, summarizeCashNeeds(table.cashPaths[s]!, sampled, table.horizonMonths)]));
  for (const [strategy, needs] of Object.entries(cash ?? {})) {
    for (const [quantile, month] of Object.entries(needs.paybackMonth)) {
      if (month === null) notes[`robustness.cash.${strategy}.paybackMonth.${quantile}`] = `fewer than ${quantile.slice(1)}% of the sampled accounts pay back within the horizon`;
    }
  }
  return {
    pair: [pair[0], pair[1]],
    cashSampledTrials: sampled,
    cash,
    valuation: summarizeValuationRobustness(table, params, pair, notes),
    whoWinsWhere: summarizeWhoWinsWhere(table, pair, notes),
    switchovers,
  };
}
