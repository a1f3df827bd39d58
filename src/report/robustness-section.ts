/**
 * The report's "How sure, and on what does it hinge?" section, right after
 * the headline: the verdict under other valuations (in words and as a
 * table), the assumptions that flip it, who wins where, and the cash
 * figures, followed by their charts.
 */
import type { FullSummary } from '../stats/full-summary.ts';
import { REPORT_CHARTS } from '../charts/chart-registry.ts';
import { formatMoney, formatPercent, formatRate } from '../charts/format-figures.ts';
import { cashFinding, hingeFinding, switchoverBasis, switchoverFinding, valuationFinding, whoWinsFinding, type FindingContext } from '../charts/robustness-findings.ts';
import type { ValuationVerdict } from '../stats/valuation-robustness.ts';
import { escapeHtml } from './escape-html.ts';

export const ROBUSTNESS_HEADING = 'How sure, and on what does it hinge?';

/** The charts the section holds (the registry's `section: 'robustness'` entries). */
export const ROBUSTNESS_CHARTS: ReadonlySet<string> = new Set(REPORT_CHARTS.filter((c) => c.section === 'robustness').map((c) => c.name));

/** The headline's caveat: where valuations disagree, and the assumption the verdict hinges on; null when neither applies. */
export function robustnessCaveat(summary: FullSummary, names: Record<string, string>): string | null {
  const { valuation, switchovers } = summary.robustness;
  const parts = [
    ...(valuation.agree ? [] : [valuationFinding(summary.robustness, { names, currency: summary.currency })]),
    ...(switchovers?.assumptions.some((s) => s.switchover !== null) ? [`${hingeFinding(switchovers)}.`] : []),
  ];
  return parts.length === 0 ? null : parts.join(' ');
}

/** The verdicts as a compact cross: a row per horizon and terminal value, a column per discount rate. */
function verdictTable(summary: FullSummary, context: FindingContext): string {
  const { valuation, pair } = summary.robustness;
  const [a, b] = pair.map((key) => context.names[key] ?? key);
  const money = (value: number) => formatMoney(value, context.currency, true);
  const cell = (v: ValuationVerdict) => {
    const ci = v.diff.ci95 ? `${money(v.diff.ci95[0])} to ${money(v.diff.ci95[1])}` : 'no interval';
    const leader = `${context.names[v.leader] ?? v.leader} leads${v.decisive ? '' : ' (within noise)'}`;
    const lines = [`${money(v.diff.mean)}${v.asRun ? ' (as run)' : ''}`, ci, `P(${a} better) ${formatPercent(v.pBetter.p, 1)}`, leader];
    return `<td${v.asRun ? ' class="as-run"' : ''}>${lines.map((line) => `<span class="cell-line">${escapeHtml(line)}</span>`).join('<br>')}</td>`;
  };
  const rows = valuation.horizons.flatMap((horizon) =>
    (['runRate', 'none'] as const).map((terminal) => {
      const cells = valuation.discountRates.map((rate) => valuation.verdicts.find((v) => v.horizonMonths === horizon && v.terminalValue === terminal && v.discountRate === rate));
      const trials = cells.find((v) => v !== undefined)?.trials ?? 0;
      const label = `${horizon} months, ${terminal === 'runRate' ? 'run-rate terminal value' : 'no terminal value'}`;
      return `<tr><th scope="row">${escapeHtml(label)}</th>${cells.map((v) => (v === undefined ? '<td>n/a</td>' : cell(v))).join('')}<td>${escapeHtml(trials.toLocaleString('en-US'))}</td></tr>`;
    }),
  );
  const head = ['Horizon, terminal value', ...valuation.discountRates.map((rate) => `${a} − ${b} at ${formatRate(rate)}`), 'Accounts'];
  return `<table class="key-figures valuation-cross">
<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('')}</tbody>
</table>`;
}

export function robustnessSection(summary: FullSummary, names: Record<string, string>, plans: number): string {
  const context: FindingContext = { names, currency: summary.currency };
  const robustness = summary.robustness;
  const [a, b] = robustness.pair.map((key) => names[key] ?? key);
  const horizons = robustness.valuation.horizonTrials === null
    ? 'Other horizons were not re-simulated: they run with the barrier ablation, which this run left out.'
    : `At the run's horizon, discount rates and the terminal value re-value every account's own cash flows; each other horizon re-simulates the first ${robustness.valuation.horizonTrials.toLocaleString('en-US')} accounts on the same seeds once (two policy runs an account) and values them at every rate, with and without a terminal value.`;
  const pairNote = plans > 2 ? ` With ${plans} plans, these analyses follow the compared pair, ${a} against ${b}.` : '';
  const cash = cashFinding(robustness, context);
  const hinge = switchoverFinding(robustness, context);
  const cost = robustness.switchovers === null ? '' : ` ${switchoverBasis(robustness.switchovers, robustness.pair, context)} They take ${robustness.switchovers.policyRuns.toLocaleString('en-US')} policy runs (the main comparison takes ${(2 * summary.trials).toLocaleString('en-US')}).`;
  return `<section class="analysis" aria-labelledby="heading-robustness">
<h2 id="heading-robustness">${escapeHtml(ROBUSTNESS_HEADING)}</h2>
<p class="verdict">${escapeHtml(valuationFinding(robustness, context))}</p>
${verdictTable(summary, context)}
<p class="basis">${escapeHtml(`${horizons}${cost}${pairNote}`)}</p>
${hinge === null ? '' : `<p class="answer"><strong>Which assumption, if wrong, changes the decision?</strong> ${escapeHtml(hinge)}</p>`}
<p class="answer"><strong>Who wins where?</strong> ${escapeHtml(whoWinsFinding(robustness, context))}</p>
${cash === null ? '' : `<p class="answer"><strong>Payback and cash need.</strong> ${escapeHtml(cash)}</p>`}
</section>`;
}
