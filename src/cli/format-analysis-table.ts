/**
 * The terminal view of a full run's analyses: precision reached, barrier
 * ablation, risk and dominance, and the path classes.
 */
import type { FullSummary } from '../stats/full-summary.ts';
import { ablationPair, strategyEffect, type AblationEffect } from '../stats/barrier-ablation.ts';
import { betterKey, overKey } from '../stats/compared-pair.ts';
import type { PathClass } from '../stats/path-classes.ts';
import type { MeanEstimate } from '../stats/variant-statistics.ts';
import type { DominanceCheck } from '../stats/risk-profile.ts';
import type { StrategyLabels } from './format-summary-table.ts';

import { barrierWords, formatCount as count, formatShare as percent, formatSigned as signed, pathWords } from './terminal-figures.ts';

const interval = (estimate: MeanEstimate) => (estimate.ci95 ? `[${signed(estimate.ci95[0])}, ${signed(estimate.ci95[1])}]` : '');

function table(rows: string[][], alignRight: boolean[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => `    ${row.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('   ')}`.trimEnd());
}

function effectRow(label: string, effect: AblationEffect, [a, b]: [string, string]): string[] {
  return [label, signed(strategyEffect(effect, a).mean), signed(strategyEffect(effect, b).mean), signed(effect.diff.mean), interval(effect.diff)];
}

function ablationLines(summary: FullSummary, strategyName: Heading): string[] {
  const ablation = summary.ablation;
  if (!ablation) return [];
  const pair = ablationPair(ablation);
  const [a, b] = pair.map(strategyName);
  const rows = [['', a!, b!, `${a} − ${b}`, '95% CI']];
  for (const barrier of ablation.order) {
    const entry = ablation[barrier];
    rows.push(effectRow(`${barrierWords(barrier)} ${entry.level} → 0`, entry, pair));
    rows.push(effectRow(`${barrierWords(barrier)} ${entry.level} → ${ablation.highLevel}`, entry.high, pair));
  }
  rows.push(effectRow('all five barriers → 0', ablation.allRemoved, pair));
  rows.push(effectRow('interaction (all − sum of singles)', ablation.interaction, pair));
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

type Heading = (key: string) => string;

function riskLines(summary: FullSummary, strategyName: Heading): string[] {
  const { risk, firstOrder, secondOrder } = summary.dominance;
  const keys = Object.keys(risk);
  const baseline = summary.comparison ? baselineOf(summary) : keys[keys.length - 1]!;
  const row = (label: string, read: (key: string) => string) => [label, ...keys.map(read)];
  const dominance = (order: string, checks: typeof firstOrder) =>
    keys
      .filter((key) => key !== baseline)
      .map((key) => {
        const [a, b] = [strategyName(key), strategyName(baseline)];
        return `    ${order} dominance, ${a} over ${b} — ${dominanceText('', checks[overKey(key, baseline)]!).slice(2)}; ${b} over ${a} — ${dominanceText('', checks[overKey(baseline, key)]!).slice(2)}`;
      });
  return [
    '  Risk',
    ...table(
      [
        ['', ...keys.map(strategyName)],
        row('P(losing money on the account)', (key) => percent(risk[key]!.pLoss)),
        row('P10 NPV (downside)', (key) => signed(risk[key]!.p10)),
        row('Expected shortfall, worst 10%', (key) => signed(risk[key]!.expectedShortfall10)),
      ],
      [false, ...keys.map(() => true)],
    ),
    ...dominance('First-order', firstOrder),
    ...dominance('Second-order', secondOrder),
    '',
  ];
}

/** The baseline of a summary: the strategy its paired comparison subtracts (the last of the pair's `p…Better` sides). */
function baselineOf(summary: FullSummary): string {
  const keys = Object.keys(summary.strategies);
  const better = Object.keys(summary.comparison).find((key) => /^p.+Better$/.test(key))!;
  const first = keys.find((key) => betterKey(key) === better)!;
  return keys.find((key) => overKey(first, key) in summary.dominance.firstOrder && key !== first)!;
}

function pathRows(classes: Record<string, PathClass>): string[][] {
  return Object.entries(classes).map(([key, c]) => [pathWords(key), percent(c.share), c.meanNpvDiff === null ? '—' : signed(c.meanNpvDiff), c.description]);
}

function pathLines(summary: FullSummary, strategyName: Heading): string[] {
  const baseline = baselineOf(summary);
  const first = Object.keys(summary.strategies).find((key) => betterKey(key) in summary.comparison)!;
  const header = ['', 'share', `mean ${strategyName(first)} − ${strategyName(baseline)}`, ''];
  const [head, ...rest] = Object.entries(summary.pathClasses);
  return [
    `  Where the difference comes from: ${strategyName(head![0])} paths (each account in the first class that fits, top down)`,
    ...table([header, ...pathRows(head![1])], [false, true, true, false]),
    ...rest.flatMap(([key, classes]) => [`  … and ${strategyName(key)} paths`, ...table([header, ...pathRows(classes)], [false, true, true, false])]),
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

export function formatAnalysisTable(summary: FullSummary, labels: StrategyLabels = {}): string {
  const name: Heading = (key) => labels[key] ?? key;
  return ['', ...precisionLines(summary), ...ablationLines(summary, name), ...riskLines(summary, name), ...pathLines(summary, name)].join('\n');
}
