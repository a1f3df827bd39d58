/**
 * The end of `sweep`: its output folder (sweep.json, the scenario, the
 * charts, report and deck unless --no-charts, run.json), written atomically
 * through the command's safe points.
 */
import { hostname } from 'node:os';
import type { Scenario } from '../../scenario/scenario-schema.ts';
import type { SweepResult } from '../../stats/sweep.ts';
import { packageVersion } from '../../report/package-version.ts';
import { formatRunRecord, formatSummaryJson, type RunRecord } from '../../report/run-record.ts';
import { writeFolderAtomically, type OutputFile } from '../../report/write-folder-atomically.ts';
import type { SweepOptions } from '../parse-arguments.ts';
import type { Checkpoint } from '../phase-checkpoint.ts';

export interface SweepRun {
  scenarioPath: string;
  scenarioText: string;
  scenario: Scenario;
  result: SweepResult;
  startedAt: Date;
  clock: number;
}

export async function writeSweepFolder(
  target: string,
  targetOptions: { name: string; explicitOut: boolean },
  run: SweepRun,
  options: Pick<SweepOptions, 'charts' | 'deck' | 'workers'> & { pdfChromium: string | undefined },
  hooks: { checkpoint: Checkpoint; onWarning: (warning: string) => void },
): Promise<void> {
  const { scenario, result, scenarioPath } = run;
  const { checkpoint } = hooks;
  const files: OutputFile[] = [
    { path: 'sweep.json', content: formatSummaryJson(result) },
    { path: 'scenario.yaml', content: run.scenarioText },
  ];
  if (options.charts) await checkpoint('charts');
  // The report stage loads only when charts are wanted (vega takes a quarter second to load).
  const extraFiles = options.charts
    ? await (await import('../../report/build-sweep-report-files.ts')).buildSweepReportFiles({
        scenario,
        scenarioText: run.scenarioText,
        result,
        version: packageVersion(),
        onWarning: hooks.onWarning,
        checkpoint,
        deck: options.deck,
        pdfChromium: options.pdfChromium,
      })
    : [];
  files.push(...extraFiles);
  const record: RunRecord = {
    tool: 'expansim',
    expansimVersion: packageVersion(),
    nodeVersion: process.version,
    host: hostname(),
    scenarioFile: scenarioPath,
    scenarioHash: result.scenarioHash,
    scenarioName: scenario.name,
    seed: scenario.seed,
    trials: scenario.trials,
    horizonMonths: scenario.horizonMonths,
    workers: options.workers ?? 0,
    startedAt: run.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    timingsMs: { sweep: Math.round(performance.now() - run.clock) },
    files: [...files.map((f) => f.path), 'run.json'],
  };
  files.push({ path: 'run.json', content: formatRunRecord(record) });
  await checkpoint('write');
  await writeFolderAtomically(target, files, { ...targetOptions, beforeCommit: () => checkpoint('commit') });
}
