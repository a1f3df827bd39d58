/**
 * `expansim validate`, `init` and `schema`: small adapters over the scenario stage.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../scenario/load-scenario.ts';
import { scenarioJsonSchema } from '../../scenario/json-schema.ts';
import { formatIssue, ScenarioError } from '../../scenario/scenario-issue.ts';
import { starterScenario } from '../../scenario/starter-scenario.ts';
import { parseScenario } from '../../scenario/parse-scenario.ts';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';

/** Validates each file; prints every problem of every file. */
export function validateCommand(files: readonly string[], quiet: boolean, io: CliIo): number {
  let failed = false;
  for (const file of files) {
    try {
      const { scenario } = loadScenario(file);
      if (!quiet) io.out(`✔ ${file}: ${scenario.name}, ${scenario.trials.toLocaleString('en-US')} trials, ${scenario.horizonMonths} months\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      failed = true;
      for (const issue of error.issues) io.err(`${formatIssue(issue, error.source)}\n`);
    }
  }
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}

const SCHEMA_FILE = fileURLToPath(new URL('../../../expansim.schema.json', import.meta.url));

/** Writes the starter scenario to `file`, refusing to overwrite without --force. */
export function initCommand(file: string, force: boolean, io: CliIo): number {
  if (existsSync(file) && !force) throw new UsageError(`${file} already exists (use --force to overwrite it)`);
  const name = basename(file, extname(file)).replace(/[^A-Za-z0-9._-]+/g, '-') || 'my-account';
  const text = starterScenario(name, relative(resolve(file, '..'), SCHEMA_FILE));
  const check = parseScenario(text);
  if (!check.ok) throw new Error(`the starter scenario is invalid: ${check.issues.map((i) => formatIssue(i, file)).join('; ')}`);
  try {
    writeFileSync(file, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  io.out(`Wrote ${file}. Edit it, then: npx expansim run ${file}\n`);
  return EXIT_OK;
}

export function schemaCommand(io: CliIo): number {
  io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return EXIT_OK;
}
