/**
 * The terminal view of "How sure, and on what does it hinge?", in short:
 * the verdict under other valuations, the assumptions that flip it, the rule's groups of
 * accounts, and payback and peak cash need per strategy.
 */
import { groupDigits } from '../scenario/group-digits.ts';
import type { FullSummary } from '../stats/full-summary.ts';
import { assumptionValue, leafAccounts, switchoverAccounts, switchoverText, valuationFinding } from '../charts/robustness-findings.ts';
import { formatRate } from '../charts/format-figures.ts';
import type { ValuationVerdict } from '../stats/valuation-robustness.ts';
import type { StrategyLabels } from './format-summary-table.ts';

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

function table(rows: string[][], alignRight: boolean[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => `    ${row.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('   ')}`.trimEnd());
}

export function formatRobustnessTable(summary: FullSummary, labels: StrategyLabels = {}): string {
  const robustness = summary.robustness;
  const name = (key: string) => labels[key] ?? key;
  const [a, b] = robustness.pair.map(name) as [string, string];
  const { valuation } = robustness;
  const verdicts = [['', ...valuation.discountRates.map((rate) => `at ${formatRate(rate)}`), 'accounts']];
  for (const horizon of valuation.horizons) {
    for (const terminal of ['runRate', 'none'] as const) {
      const cells = valuation.discountRates.map((rate) => valuation.verdicts.find((v) => v.horizonMonths === horizon && v.terminalValue === terminal && v.discountRate === rate));
      const cell = (v: ValuationVerdict | undefined) => (v === undefined ? 'n/a' : `${signed(v.diff.mean)}${v.diff.ci95 ? `±${((v.diff.ci95[1] - v.diff.ci95[0]) / 2).toFixed(2)}` : ''} ${v.decisive ? '' : '≈'}${name(v.leader)}${v.asRun ? '*' : ''}`);
      verdicts.push([`${horizon} months, ${terminal === 'runRate' ? 'run-rate TV' : 'no TV'}`, ...cells.map(cell), (cells.find((v) => v !== undefined)?.trials ?? 0).toLocaleString('en-US')]);
    }
  }
  const horizons = robustness.valuation.horizonTrials === null ? 'other horizons not run (no ablation)' : `other horizons on the first ${groupDigits(robustness.valuation.horizonTrials)} accounts`;
  const leaves = [['accounts (best and worst group for ' + a + ')', 'share', `P(${a} better)`, `mean ${a} − ${b}`]];
  const byP = [...robustness.whoWinsWhere.leaves].sort((x, y) => y.pBetter.p - x.pBetter.p);
  for (const leaf of byP.length > 1 ? [byP[0]!, byP[byP.length - 1]!] : byP) {
    leaves.push([leafAccounts(leaf, summary.currency), percent(leaf.share), percent(leaf.pBetter.p), signed(leaf.meanDiff)]);
  }
  const switchovers = robustness.switchovers;
  const swings = [['assumption (range)', 'at low', 'at high', 'switchover']];
  const steady = (switchovers?.assumptions ?? []).filter((swing) => swing.switchover === null).map((swing) => swing.label.toLowerCase());
  for (const swing of (switchovers?.assumptions ?? []).filter((s) => s.switchover !== null)) {
    swings.push([`${swing.label} (${assumptionValue(swing.low)}–${assumptionValue(swing.high)})`, signed(swing.atLow.diff.mean), signed(swing.atHigh.diff.mean), switchoverText(swing)]);
  }
  const switchoverLines = switchovers === null
    ? []
    : [`  Which assumption flips it? ${a} − ${b} at each end of its plausible range: the run's ${signed(switchovers.base.mean)} (${groupDigits(switchovers.baseTrials)} accounts) plus each change re-run on ${switchoverAccounts(switchovers)}; ${groupDigits(switchovers.policyRuns)} policy runs`, ...(swings.length > 1 ? table(swings, [false, true, true, false]) : []), ...(steady.length > 0 ? [`    does not flip in its range: ${steady.join(', ')}`] : []), ''];
  const cashRows = [['', 'paid back', 'median payback', 'peak cash need P50', 'P90']];
  for (const [key, cash] of Object.entries(robustness.cash ?? {})) {
    cashRows.push([name(key), percent(cash.paidBack), cash.paybackMonth.p50 === null ? 'not in horizon' : `month ${cash.paybackMonth.p50}`, cash.peakCashNeed.p50.toFixed(2), cash.peakCashNeed.p90.toFixed(2)]);
  }
  return [
    '',
    `  How sure, and on what does it hinge? (${summary.currency} M, ${horizons})`,
    `    ${valuationFinding(robustness, { names: Object.fromEntries(Object.keys(summary.strategies).map((k) => [k, name(k)])), currency: summary.currency })}`,
    ...table(verdicts, verdicts[0]!.map((_, c) => c > 0)),
    `    cells: ${a} − ${b} ± 95% half-width, then who leads (≈ within noise; * as run); P(${a} better) in summary.json and the report`,
    '',
    ...switchoverLines,
    `  Who wins where (a depth-${robustness.whoWinsWhere.maxDepth} rule on wallet and barriers, ${robustness.whoWinsWhere.leaves.length} groups of at least ${percent(robustness.whoWinsWhere.minLeafShare)}; all in the report)`,
    ...table(leaves, [false, true, true, true]),
    '',
    ...(robustness.cash === null ? [] : [`  Payback and peak cash need (discounted cumulative cash, no terminal value, ${groupDigits(robustness.cashSampledTrials)} accounts)`, ...table(cashRows, [false, true, true, true, true]), '']),
  ].join('\n');
}
