/**
 * The terminal view of a full run's analyses: precision reached, barrier
 * ablation, risk and dominance, and the path classes.
 */
import type { FullSummary } from '../stats/run-scenario.ts';
import type { AblationEffect } from '../stats/barrier-ablation.ts';
import type { PathClass } from '../stats/path-classes.ts';
import type { MeanEstimate } from '../stats/variant-statistics.ts';
import type { DominanceCheck } from '../stats/risk-profile.ts';

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const interval = (estimate: MeanEstimate) => (estimate.ci95 ? `[${signed(estimate.ci95[0])}, ${signed(estimate.ci95[1])}]` : '');
const count = (value: number) => value.toLocaleString('en-US');

function table(rows: string[][], alignRight: boolean[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => `    ${row.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('   ')}`.trimEnd());
}

function effectRow(label: string, effect: AblationEffect): string[] {
  return [label, signed(effect.ato.mean), signed(effect.fitd.mean), signed(effect.diff.mean), interval(effect.diff)];
}

function ablationLines(summary: FullSummary): string[] {
  const ablation = summary.ablation;
  if (!ablation) return [];
  const rows = [['', 'ATO', 'FITD', 'ATO − FITD', '95% CI']];
  for (const barrier of ablation.order) {
    const entry = ablation[barrier];
    rows.push(effectRow(`${barrier} ${entry.level} → 0`, entry));
    rows.push(effectRow(`${barrier} ${entry.level} → ${ablation.highLevel}`, entry.high));
  }
  rows.push(effectRow('all five → 0', ablation.allRemoved));
  rows.push(effectRow('interaction (all − sum of singles)', ablation.interaction));
  return [
    `  Barrier ablation: change in mean NPV (${summary.currency} M), same ${count(ablation.trials)} accounts, largest effect first`,
    ...table(rows, [false, true, true, true, false]),
    '',
  ];
}

function dominanceText(name: string, check: DominanceCheck): string {
  if (check.holds) return `${name}: holds`;
  const noise = check.withinNoise ? ', within sampling noise' : '';
  return `${name}: fails by ${check.largestViolation.toFixed(3)} at NPV ${signed(check.at ?? 0)}${noise}`;
}

function riskLines(summary: FullSummary): string[] {
  const { risk, firstOrder, secondOrder } = summary.dominance;
  return [
    '  Risk',
    ...table(
      [
        ['', 'ATO', 'FITD'],
        ['P(losing money on the account)', percent(risk.ato.pLoss), percent(risk.fitd.pLoss)],
        ['P10 NPV (downside)', signed(risk.ato.p10), signed(risk.fitd.p10)],
        ['Expected shortfall, worst 10%', signed(risk.ato.expectedShortfall10), signed(risk.fitd.expectedShortfall10)],
      ],
      [false, true, true],
    ),
    `    First-order dominance, ATO over FITD — ${dominanceText('', firstOrder.atoOverFitd).slice(2)}; FITD over ATO — ${dominanceText('', firstOrder.fitdOverAto).slice(2)}`,
    `    Second-order dominance, ATO over FITD — ${dominanceText('', secondOrder.atoOverFitd).slice(2)}; FITD over ATO — ${dominanceText('', secondOrder.fitdOverAto).slice(2)}`,
    '',
  ];
}

function pathRows(classes: Record<string, PathClass>): string[][] {
  return Object.entries(classes).map(([key, c]) => [key, percent(c.share), c.meanNpvDiff === null ? '—' : signed(c.meanNpvDiff), c.description]);
}

function pathLines(summary: FullSummary): string[] {
  const header = ['', 'share', 'mean ATO − FITD', ''];
  return [
    '  Where the difference comes from: FITD paths',
    ...table([header, ...pathRows(summary.pathClasses.fitd)], [false, true, true, false]),
    '  … and ATO paths',
    ...table([header, ...pathRows(summary.pathClasses.ato)], [false, true, true, false]),
    '',
  ];
}

function precisionLines(summary: FullSummary): string[] {
  const p = summary.precision;
  if (!p) return [];
  const target = p.relative ? `${percent(p.target)} of |mean difference|` : `${p.target} ${summary.currency} M`;
  const outcome =
    p.stoppedBy === 'precision'
      ? `reached after ${count(p.trialsUsed)} trials`
      : `not reached: stopped at the ceiling of ${count(p.maxTrials)} trials`;
  return [`  Precision target: 95% half-width ≤ ${target} — ${outcome} (half-width ${p.halfWidth.toFixed(3)} ${summary.currency} M)`, ''];
}

export function formatAnalysisTable(summary: FullSummary): string {
  return ['', ...precisionLines(summary), ...ablationLines(summary), ...riskLines(summary), ...pathLines(summary)].join('\n');
}
