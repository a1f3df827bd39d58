/**
 * The terminal view of a summary: ATO and FITD side by side, then the paired
 * comparison, in plain text a person reads in a terminal or pastes in a chat.
 */
import type { StrategySummary, Summary } from '../stats/summarize-outcomes.ts';

const money = (value: number | null, signed = false) =>
  value === null ? 'n/a' : `${signed && value > 0 ? '+' : ''}${value.toFixed(Math.abs(value) >= 100 ? 1 : 2)}`;
const percent = (value: number | null) => (value === null ? 'n/a' : `${(100 * value).toFixed(1)}%`);
const months = (value: number | null) => (value === null ? 'never' : value.toFixed(1));
const count = (value: number) => value.toLocaleString('en-US');

type Row = [label: string, ato: string, fitd: string];

function strategyRows(ato: StrategySummary, fitd: StrategySummary, currency: string): Row[] {
  const both = (read: (s: StrategySummary) => string, label: string): Row => [label, read(ato), read(fitd)];
  const unit = `${currency} M`;
  return [
    both((s) => money(s.npv.mean), `NPV, mean (${unit})`),
    both((s) => `${money(s.npv.p10)} / ${money(s.npv.p50)} / ${money(s.npv.p90)}`, 'NPV, P10 / P50 / P90'),
    both((s) => money(s.revenue.mean), `Revenue, mean (${unit})`),
    both((s) => money(s.grossMargin.mean), `Gross margin, mean (${unit})`),
    both((s) => percent(s.costOfSaleShare), 'Cost of sale / revenue'),
    both((s) => percent(s.pLockedDownstream), 'P(locked downstream)'),
    both((s) => percent(s.pChurned), 'P(churn)'),
    both((s) => months(s.monthsToFirstMidstreamWin.median), 'First midstream win, median month'),
    both((s) => months(s.monthsToFirstUpstreamWin.median), 'First upstream win, median month'),
  ];
}

function layout(rows: Row[], header: Row): string[] {
  const widths = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row: Row) => `  ${row[0].padEnd(widths[0]!)}   ${row[1].padStart(widths[1]!)}   ${row[2].padStart(widths[2]!)}`;
  return [line(header), `  ${'─'.repeat(widths[0]! + widths[1]! + widths[2]! + 6)}`, ...rows.map(line)];
}

/** The summary as terminal text (no colours, so it survives pipes and logs). */
export function formatSummaryTable(summary: Summary): string {
  const { ato, fitd } = summary.strategies;
  const { npvDiff, pAtoBetter } = summary.comparison;
  const unit = `${summary.currency} M`;
  const terminal = summary.terminalValue === 'runRate' ? 'run-rate terminal value' : 'no terminal value';
  const ci = npvDiff.ci95 ? `95% CI [${money(npvDiff.ci95[0], true)}, ${money(npvDiff.ci95[1], true)}]` : '(no interval from one trial)';
  const verdict =
    npvDiff.ci95 === null
      ? 'One trial cannot say which strategy is better.'
      : npvDiff.ci95[0] > 0
        ? `ATO beats FITD by ${money(npvDiff.mean)} ${unit} in mean NPV.`
        : npvDiff.ci95[1] < 0
          ? `FITD beats ATO by ${money(-npvDiff.mean)} ${unit} in mean NPV.`
          : 'Neither strategy is ahead in mean NPV at 95% confidence; run more trials or accept a tie.';
  return [
    `expansim · ${summary.scenario} · ${count(summary.trials)} trials · seed ${summary.seed} · ${summary.horizonMonths} months · r = ${(100 * summary.discountRate).toFixed(1)}% · ${terminal}`,
    '',
    ...layout(strategyRows(ato, fitd, summary.currency), ['', 'ATO', 'FITD']),
    '',
    `  ATO − FITD, paired on the same ${count(summary.trials)} accounts`,
    `    Mean NPV difference   ${money(npvDiff.mean, true)} ${unit}   ${ci}`,
    `    P(ATO better)         ${percent(pAtoBetter.p)}   95% CI [${percent(pAtoBetter.ci95[0])}, ${percent(pAtoBetter.ci95[1])}]`,
    '',
    `  ${verdict}`,
    '',
  ].join('\n');
}
