/**
 * The CLI entry: parse, dispatch to a command, turn every failure into one
 * clear message and an exit code. The only place that sets process.exitCode.
 */
import { ScenarioError, formatIssue } from '../scenario/scenario-issue.ts';
import { packageVersion } from '../report/package-version.ts';
import { parseArguments, type ParsedArguments } from './parse-arguments.ts';
import { runCommand } from './commands/run-command.ts';
import { sweepCommand } from './commands/sweep-command.ts';
import { portfolioCommand } from './commands/portfolio-command.ts';
import { explainCommand } from './commands/explain-command.ts';
import { mergeCommand } from './commands/shard-commands.ts';
import { calibrateCommand } from './commands/calibrate-command.ts';
import { checkCommand } from './commands/check-command.ts';
import { initCommand, schemaCommand, validateCommand } from './commands/simple-commands.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, UsageError, processIo, type CliIo } from './cli-io.ts';

class Interrupted extends Error {
  override name = 'Interrupted';
}

async function dispatch(parsed: ParsedArguments, io: CliIo, signal: AbortSignal): Promise<number> {
  switch (parsed.command) {
    case 'print':
      io.out(parsed.text);
      return EXIT_OK;
    case 'usage-error':
      io.err(`✖ ${parsed.message}\n`);
      return EXIT_BAD_INPUT;
    case 'run':
      return runCommand(parsed.scenario, parsed.options, io, signal);
    case 'check':
      return checkCommand(parsed.runJson, parsed.workers, io, signal);
    case 'sweep':
      return sweepCommand(parsed.scenario, parsed.options, io, signal);
    case 'portfolio':
      return portfolioCommand(parsed.book, parsed.options, io, signal);
    case 'explain':
      return explainCommand(parsed.scenario, parsed.options, io);
    case 'merge':
      return mergeCommand(parsed.parts, parsed.options, io);
    case 'calibrate':
      return calibrateCommand(parsed.deals, parsed.options, io);
    case 'validate':
      return validateCommand(parsed.scenarios, parsed.quiet, io);
    case 'init':
      return initCommand(parsed.file, parsed.force, io);
    case 'schema':
      return schemaCommand(io);
  }
}

/** Runs the CLI on `args` and resolves to the exit code; never throws. */
export async function main(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Interrupted('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await dispatch(parseArguments(args, packageVersion()), io, controller.signal);
  } catch (error) {
    if (error instanceof ScenarioError) {
      for (const issue of error.issues) io.err(`${formatIssue(issue, error.source)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof UsageError) {
      io.err(`✖ ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof Interrupted || controller.signal.aborted) {
      io.err('✖ interrupted: nothing was written; any earlier output is intact\n');
      return EXIT_INTERRUPTED;
    }
    const { message, stack } = error as Error;
    io.err(`✖ expansim failed: ${message}\n`);
    if (process.env.EXPANSIM_DEBUG) io.err(`${stack}\n`);
    else io.err('  (set EXPANSIM_DEBUG=1 for details)\n');
    return EXIT_FAILURE;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  process.exitCode = await main(process.argv.slice(2));
}
