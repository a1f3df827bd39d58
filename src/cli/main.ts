/**
 * The CLI entry: parse, dispatch to a command, turn every failure into one
 * clear message and an exit code. The only place that sets process.exitCode.
 */
import { ScenarioError, formatIssue } from '../scenario/scenario-issue.ts';
import { RunLimitError } from '../engine/run-limit-error.ts';
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
import { EXIT_BAD_INPUT, EXIT_BROKEN_PIPE, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_TERMINATED, UsageError, processIo, type CliIo } from './cli-io.ts';

class Interrupted extends Error {
  override name = 'Interrupted';
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {
    super(`interrupted by ${signal}`);
  }
}

/** A signal bin/expansim.js caught before main() was loaded, and how to remove its handlers. */
export interface EarlySignals {
  signal?: 'SIGINT' | 'SIGTERM';
  stop(): void;
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
      return mergeCommand(parsed.parts, parsed.options, io, signal);
    case 'calibrate':
      return calibrateCommand(parsed.deals, parsed.options, io, signal);
    case 'validate':
      return validateCommand(parsed.scenarios, parsed.quiet, io, parsed.accounts);
    case 'init':
      return initCommand(parsed.file, parsed.force, io);
    case 'schema':
      return schemaCommand(io);
  }
}

/** Runs the CLI on `args` and resolves to the exit code; never throws. */
export async function main(args: readonly string[], io: CliIo = processIo, early?: EarlySignals): Promise<number> {
  const code = await runMain(args, io, early);
  // A reader that closed stdout (`expansim run … | head -1`) ends the command quietly, as Unix tools do.
  const closed = await io.settle?.();
  return closed && code === EXIT_OK ? EXIT_BROKEN_PIPE : code;
}

async function runMain(args: readonly string[], io: CliIo, early?: EarlySignals): Promise<number> {
  const controller = new AbortController();
  // The first signal cancels; a second one finds no handler and ends the process at once.
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    removeHandlers();
    controller.abort(new Interrupted(signal));
  };
  const removeHandlers = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  early?.stop();
  if (early?.signal) onSignal(early.signal);
  try {
    controller.signal.throwIfAborted();
    return await dispatch(parseArguments(args, packageVersion()), io, controller.signal);
  } catch (error) {
    if (error instanceof ScenarioError) {
      for (const issue of error.issues) io.err(`${formatIssue(issue, error.source)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof UsageError || error instanceof RunLimitError) {
      io.err(`✖ ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof Interrupted || controller.signal.aborted) {
      const { signal } = controller.signal.reason as Interrupted;
      io.err(`✖ interrupted (${signal}): nothing was written; any earlier output is intact\n`);
      return signal === 'SIGTERM' ? EXIT_TERMINATED : EXIT_INTERRUPTED;
    }
    const { message, stack } = error as Error;
    io.err(`✖ expansim failed: ${message}\n`);
    if (process.env.EXPANSIM_DEBUG) io.err(`${stack}\n`);
    else io.err('  (set EXPANSIM_DEBUG=1 for details)\n');
    return EXIT_FAILURE;
  } finally {
    removeHandlers();
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
// No top-level await: the prebuilt bundle is a CommonJS script (bin/build-dist.js), which V8 can cache compiled.
if (isEntry) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
