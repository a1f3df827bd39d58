/**
 * `expansim calibrate deals.csv --base scenario.yaml`: a deal history in, a
 * commented calibrated scenario out (stdout, or --out). Bad rows are listed
 * with their lines and nothing is written (exit 2), unless --skip-bad-rows.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomically } from '../../report/write-file-atomically.ts';
import { outputFileProblem } from '../../report/output-file-problem.ts';
import { calibrateScenario } from '../../calibrate/calibrate-scenario.ts';
import { DealFileError, formatDealIssue, type DealIssue } from '../../calibrate/deal-history.ts';
import { CALIBRATED_MARK, formatCalibratedScenario } from '../../calibrate/format-calibrated-scenario.ts';
import { loadDealHistory } from '../../calibrate/load-deal-history.ts';
import { loadScenario } from '../../scenario/load-scenario.ts';
import { parseScenario, validateScenario } from '../../scenario/parse-scenario.ts';
import { scenarioSchema, type Scenario } from '../../scenario/scenario-schema.ts';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';
import { DEFAULT_BASELINE } from '../../scenario/vocabulary.ts';
import type { CalibrateOptions } from '../parse-arguments.ts';
import { recoverInterruptedOutput } from '../../report/recover-interrupted-output.ts';
import { phaseCheckpoint } from '../phase-checkpoint.ts';

/** Most problems listed one by one; the rest are counted. */
const MAX_LISTED_ISSUES = 50;
const SCHEMA_FILE = fileURLToPath(new URL('../../../expansim.schema.json', import.meta.url));

function printIssues(issues: readonly DealIssue[], source: string, io: CliIo, prefix = ''): void {
  for (const issue of issues.slice(0, MAX_LISTED_ISSUES)) io.err(`${prefix}${formatDealIssue(issue, source)}\n`);
  if (issues.length > MAX_LISTED_ISSUES) io.err(`${prefix}✖ ${source}: … and ${issues.length - MAX_LISTED_ISSUES} more problems\n`);
}

function baseScenario(path: string | undefined): Scenario {
  if (path !== undefined) return loadScenario(path).scenario;
  const defaults = validateScenario({ name: 'model-defaults', description: 'MODEL.md\'s default account.' });
  if (!defaults.ok) throw new Error('the default scenario is invalid');
  return defaults.scenario;
}

export async function calibrateCommand(csvPath: string, options: CalibrateOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  if (options.name !== undefined) {
    const name = scenarioSchema.shape.name.safeParse(options.name);
    if (!name.success) throw new UsageError(`--name: ${name.error.issues.map((issue) => issue.message).join('; ')} (got ${JSON.stringify(options.name)})`);
  }
  if (options.out !== undefined) {
    for (const note of recoverInterruptedOutput(options.out, 'file')) io.err(`${note}\n`);
    const problem = outputFileProblem(options.out, (head) => head.toString('utf8').includes(CALIBRATED_MARK), { overwrite: options.force, overwriteFlag: '--force' });
    if (problem) throw new UsageError(problem);
  }
  const base = baseScenario(options.base);
  const followed = options.strategy ?? DEFAULT_BASELINE;
  if (!(followed in base.strategies)) {
    throw new UsageError(`--strategy ${followed}: the base scenario ${options.base ?? ''} has no such plan (it has ${Object.keys(base.strategies).join(', ')}); calibrate fits the win factors of the plan the vendor followed`);
  }
  let parsed;
  try {
    parsed = loadDealHistory(csvPath, { valueUnit: options.valueUnit });
  } catch (error) {
    if (!(error instanceof DealFileError)) throw error;
    printIssues(error.issues, error.source, io);
    return EXIT_BAD_INPUT;
  }
  const { history, issues } = parsed;
  const fileLevel = issues.some((issue) => issue.line === undefined);
  if (issues.length > 0 && (!options.skipBadRows || fileLevel || history.deals.length === 0)) {
    printIssues(issues, csvPath, io);
    if (!options.skipBadRows && history.deals.length > 0) io.err(`  ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was written (fix the rows, or --skip-bad-rows to leave them out)\n`);
    return EXIT_BAD_INPUT;
  }
  if (history.deals.length === 0) {
    io.err(`✖ ${csvPath}: no deals to calibrate from\n`);
    return EXIT_BAD_INPUT;
  }
  if (issues.length > 0) printIssues(issues, csvPath, io, '⚠ skipped: ');

  const calibration = calibrateScenario(history, base, {
    strategy: options.strategy,
    seed: options.seed,
    minDeals: options.minDeals,
    name: options.name,
  });
  const schemaFrom = options.out !== undefined ? dirname(resolve(options.out)) : process.cwd();
  const text = formatCalibratedScenario(calibration, { schemaPath: relative(schemaFrom, SCHEMA_FILE).replace(/\\/g, '/') });
  const check = parseScenario(text);
  if (!check.ok) throw new Error(`the calibrated scenario does not parse back: ${check.issues.map((issue) => issue.message).join('; ')}`);
  // The fit runs without a pause; a Ctrl-C during it is honoured here, before anything is written.
  await phaseCheckpoint(io, signal)('write');

  if (options.out !== undefined) {
    try {
      writeFileAtomically(options.out, text);
    } catch (error) {
      throw new UsageError(`cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else {
    io.out(text);
  }
  for (const note of calibration.notes) io.err(`  ${note}\n`);
  for (const warning of calibration.warnings) io.err(`⚠ ${warning}\n`);
  const fittedCount = calibration.values.filter((value) => value.fitted).length;
  io.err(`✔ ${fittedCount} values fitted from ${calibration.deals.toLocaleString('en-US')} deals in ${calibration.accounts} account${calibration.accounts === 1 ? '' : 's'}${options.out !== undefined ? `; wrote ${options.out}` : ''}\n`);
  return EXIT_OK;
}
