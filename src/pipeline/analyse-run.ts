/**
 * The analyses of a run, in the order summary.json holds them. Each reads the
 * compiled run and its outcome table and adds its section to the summary; a
 * new analysis is one more entry in RUN_ANALYSES (and, if it plays variants on
 * the same worlds, a plan in compile-run.ts).
 */
import { strategyColumn, type OutcomeTable } from '../engine/outcome-table.ts';
import { summarizeAblation } from '../stats/barrier-ablation.ts';
import { baselineRef } from '../stats/compared-pair.ts';
import { noteEmptyPathClasses, noteSingleTrialSpreads, type FullSummary } from '../stats/full-summary.ts';
import { assertFiniteOutcomes, assertFiniteSummary } from '../stats/non-finite-figure.ts';
import { summarizePathClasses } from '../stats/path-classes.ts';
import type { PrecisionSummary } from '../stats/precision-run.ts';
import { summarizeDominanceAgainst } from '../stats/risk-profile.ts';
import { summarizeRobustness } from '../stats/summarize-robustness.ts';
import type { SwitchoverSummary } from '../stats/switchovers.ts';
import { sortedCopy } from '../stats/sample-statistics.ts';
import { releaseScratchBuffers } from '../stats/scratch-buffers.ts';
import { summarizeOutcomes, type Summary } from '../stats/summarize-outcomes.ts';
import type { CompiledRun } from './compile-run.ts';

export interface AnalysisInput {
  compiled: CompiledRun;
  table: OutcomeTable;
  /** What a precision run reached (absent on fixed runs). */
  precision?: PrecisionSummary;
  /** Each strategy's NPV column sorted once, for its quantiles and the dominance checks (made by analyseRun when absent). */
  sortedNpvs?: Record<string, Float64Array>;
  /** The assumption switchovers, when they ran (run-switchovers.ts). */
  switchovers?: SwitchoverSummary | null;
}

export interface RunAnalysis {
  name: string;
  /** Adds the analysis's section (and its notes) to the summary; leaves it alone when the run has no such section. */
  addTo(summary: FullSummary, input: AnalysisInput): void;
}

export const RUN_ANALYSES: readonly RunAnalysis[] = [
  {
    name: 'dominance',
    addTo(summary, { compiled, table, sortedNpvs }) {
      const npvs = Object.fromEntries(table.strategies.map((key) => [key, strategyColumn(table, key, 'npv')]));
      summary.dominance = summarizeDominanceAgainst(npvs, baselineRef(compiled.params).key, sortedNpvs);
    },
  },
  {
    name: 'path classes',
    addTo(summary, { compiled, table }) {
      summary.pathClasses = summarizePathClasses(table, compiled.params);
      noteEmptyPathClasses(summary, table.strategies);
    },
  },
  {
    name: 'robustness',
    addTo(summary, { compiled, table, switchovers }) {
      summary.robustness = summarizeRobustness(table, compiled.params, [compiled.pair.a.key, compiled.pair.b.key], summary.notes, switchovers ?? null);
    },
  },
  {
    name: 'barrier ablation',
    addTo(summary, { compiled, table }) {
      if (!compiled.analysis.ablate) return;
      summary.ablation = summarizeAblation(table, compiled.params, compiled.analysis.ablationHigh, [compiled.pair.a.key, compiled.pair.b.key]);
    },
  },
  {
    name: 'precision',
    addTo(summary, { precision }) {
      if (precision) summary.precision = precision;
    },
  },
];

/** The core figures of a complete table of the run's trials. */
export function summarizeRunTrials(compiled: CompiledRun, table: OutcomeTable, sortedNpvs?: Record<string, Float64Array>): Summary {
  return summarizeOutcomes(table, compiled.facts, compiled.params, sortedNpvs);
}

/** The core summary plus every analysis in RUN_ANALYSES, checked for non-finite figures. */
export function analyseRun(input: AnalysisInput, analyses: readonly RunAnalysis[] = RUN_ANALYSES): FullSummary {
  assertFiniteOutcomes(input.table);
  const sortedNpvs = input.sortedNpvs ?? Object.fromEntries(input.table.strategies.map((key) => [key, sortedCopy(strategyColumn(input.table, key, 'npv'))]));
  // The analyses fill their sections in; the core figures come first in summary.json.
  const summary = summarizeRunTrials(input.compiled, input.table, sortedNpvs) as FullSummary;
  for (const analysis of analyses) analysis.addTo(summary, { ...input, sortedNpvs });
  noteSingleTrialSpreads(summary);
  assertFiniteSummary(summary);
  // The sorts' and differences' working buffers (4–8 bytes a trial each) are not kept past the summary.
  releaseScratchBuffers();
  return summary;
}
