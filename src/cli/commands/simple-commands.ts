/**
 * `expansim validate`, `init` and `schema`: small adapters over the scenario and book stages.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBookText } from '../../book/is-book-text.ts';
import { loadBook } from '../../book/load-book.ts';
import { loadScenario, readScenarioText } from '../../scenario/load-scenario.ts';
import { scenarioJsonSchema } from '../../scenario/json-schema.ts';
import { staffingWarnings } from '../../scenario/staffing-warnings.ts';
import { formatIssue, ScenarioError } from '../../scenario/scenario-issue.ts';
import { starterScenario, starterScenarioJson } from '../../scenario/starter-scenario.ts';
import { shellQuote } from '../shell-quote.ts';
import { parseScenario } from '../../scenario/parse-scenario.ts';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';

/** A book file's one-line description for validate. */
function validateBookFile(file: string, accounts: string | undefined): string {
  const book = loadBook(file, accounts === undefined ? {} : { accounts });
  const plural = (count: number, what: string) => `${count.toLocaleString('en-US')} ${what}${count === 1 ? '' : 's'}`;
  return `✔ ${file}: book ${book.book.name}, ${plural(book.accounts.length, 'account')} in ${plural(book.groups.length, 'group')}, ${plural(book.teams.length, 'team')}${accounts === undefined ? '' : ` (with ${accounts})`}, ${book.book.trials.toLocaleString('en-US')} trials per account and option\n`;
}

/** Validates each file, a scenario or a book (with `accounts`, an accounts CSV, for every book); prints every problem of every file. */
export function validateCommand(files: readonly string[], quiet: boolean, io: CliIo, accounts?: string): number {
  let failed = false;
  const books = files.map((file) => {
    try {
      return isBookText(readScenarioText(file));
    } catch {
      // Unreadable: the scenario reader names the problem below.
      return false;
    }
  });
  if (accounts !== undefined && !books.includes(true)) throw new UsageError('--accounts goes with a book: none of the files given is one (a book has base, teams and groups)');
  for (const [k, file] of files.entries()) {
    try {
      if (books[k]) {
        const line = validateBookFile(file, accounts);
        if (!quiet) io.out(line);
        continue;
      }
      const { scenario } = loadScenario(file);
      if (!quiet) io.out(`✔ ${file}: ${scenario.name}, ${scenario.trials.toLocaleString('en-US')} trials, ${scenario.horizonMonths} months\n`);
      for (const warning of staffingWarnings(scenario)) io.err(`warning: ${file}: ${warning}\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      failed = true;
      for (const issue of error.issues) io.err(`${formatIssue(issue, error.source)}\n`);
    }
  }
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}

const SCHEMA_FILE = fileURLToPath(new URL('../../../expansim.schema.json', import.meta.url));

const STARTER_FORMATS: Record<string, 'yaml' | 'json'> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };

/** Why a file or folder cannot be made, in words. */
function writeProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ENOTDIR':
    case 'EEXIST': return 'a part of the path is a file, not a folder';
    case 'EROFS': return 'the file system is read-only';
    case 'EISDIR': return 'it is a folder';
    case 'ENOSPC': return 'the disk is full';
    default: return error.code ?? error.message;
  }
}

/** Writes the starter scenario to `file` (YAML, or JSON for a .json name), making its folder; refuses to overwrite without --force. */
export function initCommand(file: string, force: boolean, io: CliIo): number {
  const format = STARTER_FORMATS[extname(file).toLowerCase()];
  if (!format) throw new UsageError(`init writes a scenario as YAML (.yaml, .yml) or JSON (.json): give ${JSON.stringify(file)} one of those endings`);
  if (existsSync(file) && !force) throw new UsageError(`${file} already exists (use --force to overwrite it)`);
  const name = basename(file, extname(file)).replace(/[^A-Za-z0-9._-]+/g, '-') || 'my-account';
  const folder = dirname(resolve(file));
  const schemaPath = relative(folder, SCHEMA_FILE);
  const text = format === 'json' ? starterScenarioJson(name, schemaPath) : starterScenario(name, schemaPath);
  const check = parseScenario(text);
  if (!check.ok) throw new Error(`the starter scenario is invalid: ${check.issues.map((i) => formatIssue(i, file)).join('; ')}`);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create the folder ${dirname(file)} for ${file}: ${writeProblem(error as NodeJS.ErrnoException)}`);
  }
  try {
    writeFileSync(file, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${writeProblem(error as NodeJS.ErrnoException)}`);
  }
  io.out(`Wrote ${file}. Edit it, then: npx expansim run ${shellQuote(file)}\n`);
  return EXIT_OK;
}

export function schemaCommand(io: CliIo): number {
  io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return EXIT_OK;
}
