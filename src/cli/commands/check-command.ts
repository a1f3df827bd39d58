/**
 * `expansim run --check output/x/run.json`: repeats a run from its recorded
 * scenario, seed and options, in memory, and confirms its summary.json
 * reproduces byte for byte (or says where it first differs).
 */
import { dirname, join } from 'node:path';
import { resourceProblem } from '../../engine/resource-guard.ts';
import { defaultWorkerCount } from '../../engine/run-simulation.ts';
import { compileParameters } from '../../model/parameters.ts';
import { MAX_SCENARIO_BYTES, parseScenario } from '../../scenario/parse-scenario.ts';
import { decodeUtf8, readInputFile } from '../../scenario/read-input-file.ts';
import { ScenarioError } from '../../scenario/scenario-issue.ts';
import { runScenario } from '../../pipeline/run-scenario.ts';
import { parseRunRecord } from '../../report/parse-run-record.ts';
import { formatSummaryJson } from '../../report/run-record.ts';
import { packageVersion } from '../../report/package-version.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';
import { createProgress } from '../progress.ts';

/** A run's record and summary are a few kilobytes; this bounds them generously. */
const MAX_RUN_FILE_BYTES = 64 * MAX_SCENARIO_BYTES;

function readText(path: string, what: string, maxBytes = MAX_RUN_FILE_BYTES): string {
  const read = readInputFile(path, { maxBytes, expected: `the ${what} of a run` });
  if (!read.ok) throw new UsageError(`${path}: ${read.problem}`);
  const text = decodeUtf8(read.bytes);
  if (text === null) throw new UsageError(`${path}: is not UTF-8 text, not the ${what} of a run`);
  return text;
}

/** The first path where two JSON values differ, with both values. */
export function firstDifference(expected: unknown, actual: unknown, path = ''): string | null {
  if (typeof expected !== typeof actual || Array.isArray(expected) !== Array.isArray(actual) || expected === null || actual === null || typeof expected !== 'object') {
    return Object.is(expected, actual) ? null : `${path || '(the whole summary)'}: ${JSON.stringify(expected)} recorded, ${JSON.stringify(actual)} now`;
  }
  const keys = new Set([...Object.keys(expected as object), ...Object.keys(actual as object)]);
  for (const key of keys) {
    const found = firstDifference((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

export async function checkCommand(runJsonPath: string, workers: number | undefined, io: CliIo, signal?: AbortSignal): Promise<number> {
  const parsedRecord = parseRunRecord(readText(runJsonPath, 'record'));
  if (!parsedRecord.ok) throw new ScenarioError(runJsonPath, parsedRecord.issues);
  const { record } = parsedRecord;
  const folder = dirname(runJsonPath);
  const scenarioPath = join(folder, 'scenario.yaml');
  const parsed = parseScenario(readText(scenarioPath, 'scenario', MAX_SCENARIO_BYTES));
  if (!parsed.ok) throw new ScenarioError(scenarioPath, parsed.issues);
  const recorded = readText(join(folder, 'summary.json'), 'summary');
  const { analysis } = record;
  const scenario = { ...parsed.scenario, seed: record.seed, trials: analysis.trials };
  const tooBig = resourceProblem(compileParameters(scenario), analysis.precision?.maxTrials ?? analysis.trials, workers ?? defaultWorkerCount());
  if (tooBig) throw new UsageError(`${runJsonPath}: ${tooBig}`);
  const progress = createProgress(analysis.precision?.maxTrials ?? analysis.trials, io.interactive);
  let summary;
  try {
    ({ summary } = await runScenario(scenario, {
      workers,
      columns: 'summary',
      signal,
      onProgress: (done) => progress.update(done),
      ablate: analysis.ablate,
      ablationTrials: analysis.ablationTrials,
      ablationHigh: analysis.ablationHigh,
      precision: analysis.precision ?? undefined,
      switchovers: analysis.switchovers ?? true,
    }));
  } finally {
    progress.stop();
  }
  const now = formatSummaryJson(summary);
  if (now === recorded) {
    io.out(`✔ ${runJsonPath}: summary.json reproduces byte for byte (${record.trials.toLocaleString('en-US')} trials, seed ${record.seed}; recorded by expansim ${record.expansimVersion}, checked with ${packageVersion()}).\n`);
    return EXIT_OK;
  }
  let difference: string | null = 'the text differs';
  try {
    difference = firstDifference(JSON.parse(recorded), JSON.parse(now));
  } catch {
    difference = 'the recorded summary.json is not valid JSON';
  }
  io.err(`✖ ${runJsonPath}: the summary does not reproduce; first difference at ${difference ?? 'formatting only'}\n`);
  return EXIT_FAILURE;
}
