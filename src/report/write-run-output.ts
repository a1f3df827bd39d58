/**
 * Writes a run's folder — summary.json, run.json, the scenario as read, and
 * optionally trials.csv and the extra files (charts, report) — atomically:
 * all of it or nothing.
 */
import { hostname } from 'node:os';
import type { OutcomeTable } from '../engine/outcome-table.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { FullSummary } from '../stats/full-summary.ts';
import { packageVersion } from './package-version.ts';
import { formatRunRecord, formatSummaryJson, type RunAnalysis, type RunRecord } from './run-record.ts';
import { trialsCsvChunks } from './trials-csv.ts';
import { writeFolderAtomically, type OutputFile, type WriteFolderOptions } from './write-folder-atomically.ts';

export interface RunOutput {
  scenario: Scenario;
  scenarioText: string;
  scenarioFile: string | null;
  table: OutcomeTable;
  summary: FullSummary;
  workers: number;
  startedAt: Date;
  timingsMs: Record<string, number>;
  trialsCsv: boolean;
  /** The options the run was asked for (recorded in run.json for `run --check`). */
  analysis: RunAnalysis;
  /** More files for the folder (charts, report). */
  extraFiles?: OutputFile[];
}

/** The files of a run's folder, run.json last. */
export function runOutputFiles(output: RunOutput): OutputFile[] {
  const files: OutputFile[] = [
    { path: 'summary.json', content: formatSummaryJson(output.summary) },
    { path: 'scenario.yaml', content: output.scenarioText },
    ...(output.trialsCsv ? [{ path: 'trials.csv', content: trialsCsvChunks(output.table, output.scenario.baseline) }] : []),
    ...(output.extraFiles ?? []),
  ];
  const record: RunRecord = {
    tool: 'expansim',
    expansimVersion: packageVersion(),
    nodeVersion: process.version,
    host: hostname(),
    scenarioFile: output.scenarioFile,
    scenarioHash: output.summary.scenarioHash,
    scenarioName: output.scenario.name,
    seed: output.scenario.seed,
    trials: output.summary.trials,
    horizonMonths: output.scenario.horizonMonths,
    workers: output.workers,
    startedAt: output.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    timingsMs: output.timingsMs,
    files: [...files.map((f) => f.path), 'run.json'],
    analysis: output.analysis,
  };
  return [...files, { path: 'run.json', content: formatRunRecord(record) }];
}

export function writeRunOutput(target: string, output: RunOutput, options: WriteFolderOptions = {}): Promise<void> {
  return writeFolderAtomically(target, runOutputFiles(output), { ...options, name: output.scenario.name });
}
