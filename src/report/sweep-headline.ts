/**
 * The sweep report's opening: where the decision flips (the finding of its
 * chart), the verdict at the scenario's own values, and the basis.
 */
import { formatMoney, formatRate } from '../charts/format-figures.ts';
import { sweepLineTitle } from '../charts/build-sweep-line-spec.ts';
import { sweepMapTitle } from '../charts/build-sweep-map-spec.ts';
import { formatParameter, parameterDigits, parameterLabel, sweepBasePoint } from '../charts/parameter-label.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { SweepResult } from '../stats/sweep.ts';
import { shortName } from '../charts/chart-theme.ts';

/** "Beachhead is ahead below functional walls ≈ 0.62 (0.54–0.71 at 95%); Hold above". */
export function sweepHeadline(result: SweepResult): string {
  return result.breakEven.kind === 'line' ? sweepLineTitle(result) : sweepMapTitle(result);
}

/** The scenario's own values in words: "functional walls 0.6, capacity 7". */
export function baseValuesText(result: SweepResult): string {
  return result.parameters.map((p) => `${parameterLabel(p.path)} ${formatParameter(result.baseValues[p.path]!, parameterDigits(p))}`).join(', ');
}

/** The answer where the scenario stands now. */
export function sweepVerdict(result: SweepResult): string {
  const base = sweepBasePoint(result);
  const where = `At this scenario's own ${result.parameters.length === 1 ? 'value' : 'values'} (${baseValuesText(result)})`;
  if (!base) return `${where}, which are not on the grid, read the difference between the neighbouring points.`;
  const money = (value: number) => formatMoney(value, result.currency);
  const ci = base.diff.ci95 ? ` [95% CI ${money(base.diff.ci95[0])} to ${money(base.diff.ci95[1])}]` : '';
  const [a, b] = [shortName(result.compared.a), shortName(result.compared.b)];
  const difference = `${a} − ${b} = ${formatMoney(base.diff.mean, result.currency, true)}${ci} per account`;
  if (!base.signSettled) return `${where}, ${difference}: too close to call at ${result.trials.toLocaleString('en-US')} accounts.`;
  return `${where}, ${difference}: ${base.diff.mean > 0 ? a : b} is ahead.`;
}

/** The basis every figure rests on, in one line. */
export function sweepBasis(result: SweepResult, scenario: Scenario): string {
  const terminal = result.terminalValue === 'runRate' ? 'NPV includes a run-rate terminal value' : 'NPV has no terminal value';
  return `${result.points.length} grid points, each played on the same ${result.trials.toLocaleString('en-US')} simulated accounts under both strategies, over ${result.horizonMonths} months at a ${formatRate(scenario.discountRate)} yearly discount rate; money in ${result.currency} millions. ${terminal}.`;
}
