/**
 * `expansim run --check output/x/run.json`: repeats a run from its recorded
 * scenario, seed and options, in memory, and confirms its summary.json
 * reproduces byte for byte (or says where it first differs).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseScenario } from '../../scenario/parse-scenario.ts';
import { ScenarioError } from '../../scenario/scenario-issue.ts';
import { runScenario } from '../../stats/run-scenario.ts';
import { formatSummaryJson, type RunRecord } from '../../report/run-record.ts';
import { packageVersion } from '../../report/package-version.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';
import { createProgress } from '../progress.ts';

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: cannot read the ${what} of the run to check`);
  }
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
  let record: RunRecord;
  try {
    record = JSON.parse(readText(runJsonPath, 'record')) as RunRecord;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${runJsonPath}: not a run record (invalid JSON)`);
  }
  if (record.tool !== 'expansim' || !record.analysis) throw new UsageError(`${runJsonPath}: not the run.json of an expansim run or merge`);
  const folder = dirname(runJsonPath);
  const scenarioPath = join(folder, 'scenario.yaml');
  const parsed = parseScenario(readText(scenarioPath, 'scenario'));
  if (!parsed.ok) throw new ScenarioError(scenarioPath, parsed.issues);
  const recorded = readText(join(folder, 'summary.json'), 'summary');
  const { analysis } = record;
  const scenario = { ...parsed.scenario, seed: record.seed, trials: analysis.trials };
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
