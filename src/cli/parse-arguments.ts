/**
 * The argument table: argv → a plain description of what to do, without doing
 * it. Pure (no I/O, no exit), so it is tested directly.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { ValueUnit } from '../calibrate/parse-deal-fields.ts';
import { MAX_TRIALS } from '../scenario/scenario-schema.ts';
import { DEFAULT_BASELINE, defaultPairText, STRATEGIES, type StrategyName } from '../scenario/vocabulary.ts';

export interface RunOptions {
  trials?: number;
  seed?: number;
  out?: string;
  workers?: number;
  trialsCsv: boolean;
  quiet: boolean;
  json: boolean;
  charts: boolean;
  /** Write deck.pptx with the charts (default true). */
  deck: boolean;
  /** Also print the report to report.pdf with a local Chromium. */
  pdf: boolean;
  progress: boolean;
  /** Precision target for the mean NPV difference's 95% half-width, $M (or relative). */
  precision?: number;
  precisionRelative?: number;
  maxTrials?: number;
  ablate: boolean;
  /** Play the assumption switchovers after the trials (runs of 5,000 trials or more; `--no-switchovers` skips them). */
  switchovers: boolean;
  ablationTrials?: number;
  ablateHigh?: number;
  /** Run only this shard of the trials (0-based index of count) and write a mergeable partial. */
  shard?: { index: number; count: number };
}

export interface MergeOptions {
  out?: string;
  trialsCsv: boolean;
  quiet: boolean;
  json: boolean;
  charts: boolean;
  deck: boolean;
}

export interface SweepOptions {
  vary: string[];
  /** `A,B`: the strategies each point compares, A − B (default: the first non-baseline strategy and the baseline). */
  compare?: string;
  trials?: number;
  seed?: number;
  out?: string;
  workers?: number;
  quiet: boolean;
  json: boolean;
  charts: boolean;
  deck: boolean;
  pdf: boolean;
  progress: boolean;
}

export interface PortfolioOptions {
  /** An accounts CSV whose rows join the book's groups. */
  accounts?: string;
  out?: string;
  trials?: number;
  step?: number;
  workers?: number;
  /** Evaluate only shard K (0-based) of N of the groups and write a mergeable partial. */
  shard?: { index: number; count: number };
  quiet: boolean;
  json: boolean;
  charts: boolean;
  /** Write deck.pptx with the charts (default true). */
  deck: boolean;
  progress: boolean;
}

export interface ExplainOptions {
  trial: number;
  seed?: number;
  /** The trials of the run the trial belongs to (default: the scenario's); a trial beyond them is refused. */
  trials?: number;
  /** A strategy's key, or `all` (`both`: the same). */
  strategy: string;
  json: boolean;
}

export interface CalibrateOptions {
  /** Base scenario file; default: MODEL.md's defaults. */
  base?: string;
  /** Write the scenario here instead of stdout. */
  out?: string;
  /** Unit of the value column: M ($M, default), k or 1 ($). */
  valueUnit?: ValueUnit;
  /** Seed of the win-factor simulation (default: the base scenario's). */
  seed?: number;
  /** Strategy the vendor followed over the data's period (default: the default baseline). */
  strategy?: StrategyName;
  /** Fewest deals a fitted value may rest on (default 10). */
  minDeals?: number;
  /** Name of the calibrated scenario. */
  name?: string;
  /** Leave bad rows out (listed as warnings) instead of stopping. */
  skipBadRows?: boolean;
  /** Overwrite --out even when it is not a scenario calibrate wrote. */
  force?: boolean;
}

export type ParsedArguments =
  | { command: 'run'; scenario: string; options: RunOptions }
  | { command: 'check'; runJson: string; workers?: number }
  | { command: 'sweep'; scenario: string; options: SweepOptions }
  | { command: 'portfolio'; book: string; options: PortfolioOptions }
  | { command: 'explain'; scenario: string; options: ExplainOptions }
  | { command: 'merge'; parts: string[]; options: MergeOptions }
  | { command: 'calibrate'; deals: string; options: CalibrateOptions }
  | { command: 'validate'; scenarios: string[]; quiet: boolean; accounts?: string }
  | { command: 'init'; file: string; force: boolean }
  | { command: 'schema' }
  /** Help or version text to print; exit 0. */
  | { command: 'print'; text: string }
  /** A usage error; exit 2. */
  | { command: 'usage-error'; message: string };

function positiveNumber(flag: string, max = Number.POSITIVE_INFINITY) {
  return (value: string): number => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0 || parsed > max) {
      throw new InvalidArgumentError(`${flag} must be a number above 0${Number.isFinite(max) ? ` and at most ${max}` : ''} (got ${JSON.stringify(value)})`);
    }
    return parsed;
  };
}

function shardSpec(value: string): { index: number; count: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > 100_000 || index >= count) {
    throw new InvalidArgumentError(`--shard must be K/N with 0 ≤ K < N, K 0-based as in JOB_COMPLETION_INDEX (got ${JSON.stringify(value)})`);
  }
  return { index, count };
}

function wholeNumber(flag: string, min: number, max: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`${flag} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
    }
    return parsed;
  };
}

/** The program's commands and options, with their help text. */
export function buildProgram(version: string, record: (parsed: ParsedArguments) => void): Command {
  const program = new Command('expansim')
    .description(`Seeded Monte Carlo comparison of account expansion strategies: ${defaultPairText('-')}.`)
    .version(version, '-v, --version')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false });

  program
    .command('run')
    .description('simulate a scenario under both strategies, print the comparison and write output/<name>/')
    .argument('[scenario]', 'scenario file (YAML or JSON)')
    .addOption(new Option('-n, --trials <n>', 'number of trials (overrides the scenario)').argParser(wholeNumber('--trials', 1, MAX_TRIALS)))
    .addOption(new Option('-s, --seed <n>', 'seed (overrides the scenario)').argParser(wholeNumber('--seed', 0, Number.MAX_SAFE_INTEGER)))
    .option('-o, --out <dir>', 'write the results into this folder instead of output/<scenario name>/')
    .addOption(new Option('-w, --workers <n>', 'worker threads (default: all cores)').argParser(wholeNumber('--workers', 1, 256)))
    .option('--trials-csv', 'also write the per-trial outcomes as trials.csv', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--json', 'print the summary JSON instead of the table', false)
    .option('--no-charts', 'skip the charts, the HTML report and the deck')
    .option('--no-deck', 'skip deck.pptx, the review deck')
    .option('--pdf', 'also print the report to report.pdf (needs a local Chromium)', false)
    .option('--no-progress', 'never show a progress bar')
    .addOption(new Option('--precision <usd>', 'add trials until the 95% CI half-width of the mean NPV difference is at most this ($M)').argParser(positiveNumber('--precision')).conflicts('precisionRelative'))
    .addOption(new Option('--precision-relative <share>', 'the same, as a share of |mean difference| (e.g. 0.1)').argParser(positiveNumber('--precision-relative', 10)))
    .addOption(new Option('--max-trials <n>', 'ceiling for a precision run (default 1,000,000)').argParser(wholeNumber('--max-trials', 1, MAX_TRIALS)))
    .option('--no-ablate', 'skip the barrier ablation (and the switchovers, which ride on it)')
    .option('--no-switchovers', 'skip the assumption switchovers (each assumption re-run on the first 250 accounts, doubling to 1,000 while its flip is undecided, then a step or two)')
    .addOption(new Option('--ablation-trials <n>', 'trials the barrier ablation runs on (default 4,000)').argParser(wholeNumber('--ablation-trials', 2, MAX_TRIALS)))
    .addOption(new Option('--ablate-high <level>', 'level each barrier is raised to in the ablation (default 0.9)').argParser(positiveNumber('--ablate-high', 1)))
    .addOption(new Option('--shard <K/N>', 'run only shard K (0-based) of N and write a mergeable partial into --out').argParser(shardSpec).conflicts(['precision', 'precisionRelative']))
    .option('--check <run.json>', "re-run a finished run from its run.json and confirm its summary.json reproduces")
    .action((scenario: string | undefined, options: RunOptions & { check?: string }) => {
      if (options.check !== undefined) {
        if (scenario !== undefined) throw new InvalidArgumentError('run --check takes a run.json, not a scenario');
        record({ command: 'check', runJson: options.check, workers: options.workers });
        return;
      }
      if (scenario === undefined) throw new InvalidArgumentError("missing required argument 'scenario'");
      const { check: _check, ...rest } = options;
      record({ command: 'run', scenario, options: rest });
    });

  program
    .command('merge')
    .description('merge the partials of a sharded run (or portfolio) into the output of a single one')
    .argument('<parts...>', 'partial files written by run --shard or portfolio --shard')
    .option('-o, --out <dir>', 'write the results into this folder instead of output/<scenario name>/')
    .option('--trials-csv', 'also write the per-trial outcomes as trials.csv', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--json', 'print the summary JSON instead of the table', false)
    .option('--no-charts', 'skip the charts, the HTML report and the deck')
    .option('--no-deck', 'skip deck.pptx, the review deck')
    .action((parts: string[], options: MergeOptions) => record({ command: 'merge', parts, options: { ...options } }));

  program
    .command('sweep')
    .description('vary one or two scenario values over a grid on the same worlds; find where the decision flips')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .requiredOption('--vary <path=from:to:step>', 'a model input and its values, from:to:step or v1,v2,… (repeat for a second one), e.g. account.barriers.functionalWalls=0:1:0.1', (value: string, previous: string[] = []) => [...previous, value])
    .addOption(new Option('-n, --trials <n>', 'trials per point (overrides the scenario)').argParser(wholeNumber('--trials', 2, MAX_TRIALS)))
    .addOption(new Option('-s, --seed <n>', 'seed (overrides the scenario)').argParser(wholeNumber('--seed', 0, Number.MAX_SAFE_INTEGER)))
    .option('--compare <A,B>', 'the two strategies each point compares, A − B (default: the first strategy that is not the baseline, against the baseline)')
    .option('-o, --out <dir>', 'write into this folder instead of output/<scenario name>-sweep/')
    .addOption(new Option('-w, --workers <n>', 'worker threads (default: all cores)').argParser(wholeNumber('--workers', 1, 256)))
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--json', 'print sweep.json instead of the table', false)
    .option('--no-charts', 'skip the charts, the HTML report and the deck')
    .option('--no-deck', 'skip deck.pptx, the review deck')
    .option('--pdf', 'also print the report to report.pdf (needs a local Chromium)', false)
    .option('--no-progress', 'never show a progress bar')
    .action((scenario: string, options: SweepOptions) => record({ command: 'sweep', scenario, options: { ...options } }));

  program
    .command('portfolio')
    .description('choose a strategy and FTE for each account of a book within each team\'s pool (exact, on common random numbers); write output/<book name>-portfolio/')
    .argument('<book>', 'book file (YAML or JSON): base scenario, teams with pools, account groups')
    .option('-a, --accounts <file.csv>', 'accounts CSV (name, team, wallet, the five barrier assessments, [segment, scenario paths]) added to the book')
    .addOption(new Option('-n, --trials <n>', 'trials per account and option (overrides the book)').argParser(wholeNumber('--trials', 2, MAX_TRIALS)))
    .addOption(new Option('--step <fte>', 'capacity grid step, FTE (overrides the book; default 0.5)').argParser(positiveNumber('--step', 100)))
    .option('-o, --out <dir>', 'write into this folder instead of output/<book name>-portfolio/')
    .addOption(new Option('-w, --workers <n>', 'worker threads (default: all cores)').argParser(wholeNumber('--workers', 1, 256)))
    .addOption(new Option('--shard <K/N>', 'evaluate only shard K (0-based) of N of the groups and write a mergeable partial into --out').argParser(shardSpec))
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--json', 'print portfolio.json instead of the table', false)
    .option('--no-charts', 'skip the charts, the HTML report and the deck')
    .option('--no-deck', 'skip deck.pptx, the review deck')
    .option('--no-progress', 'never show a progress bar')
    .action((book: string, options: PortfolioOptions) => record({ command: 'portfolio', book, options: { ...options } }));

  program
    .command('explain')
    .description("tell one trial's story month by month: migrations, wins, failures, image and relationship")
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .requiredOption('-t, --trial <n>', 'the trial to tell (0-based, as in trials.csv)', wholeNumber('--trial', 0, MAX_TRIALS - 1))
    .addOption(new Option('-s, --seed <n>', 'seed (overrides the scenario)').argParser(wholeNumber('--seed', 0, Number.MAX_SAFE_INTEGER)))
    .addOption(new Option('-n, --trials <n>', 'trials of the run the trial is from (overrides the scenario)').argParser(wholeNumber('--trials', 1, MAX_TRIALS)))
    .option('--strategy <name>', `one strategy's key (${STRATEGIES.join(', ')} or a plan of the scenario), or all`, 'all')
    .option('--json', 'print the story as JSON', false)
    .action((scenario: string, options: ExplainOptions) => record({ command: 'explain', scenario, options: { ...options } }));

  program
    .command('calibrate')
    .description('fit a scenario to an account\'s deal history (CSV) and print it as commented YAML')
    .argument('<deals.csv>', 'one row per past opportunity: stream, type, value, opened, [closed, outcome, stage reached, discount, account]')
    .option('-b, --base <scenario>', "scenario whose values the data cannot speak to are kept (default: MODEL.md's defaults)")
    .option('-o, --out <file>', 'write the scenario to this file instead of stdout')
    .addOption(new Option('--value-unit <unit>', 'unit of the value column: M ($M), k ($k) or 1 ($)').choices(['M', 'k', '1']).default('M'))
    .addOption(new Option('--strategy <name>', 'the strategy the vendor followed over the data\'s period').choices([DEFAULT_BASELINE, ...STRATEGIES.filter((key) => key !== DEFAULT_BASELINE)]).default(DEFAULT_BASELINE))
    .addOption(new Option('-s, --seed <n>', "seed of the win-factor simulation (default: the base scenario's)").argParser(wholeNumber('--seed', 0, Number.MAX_SAFE_INTEGER)))
    .addOption(new Option('--min-deals <n>', 'fewest deals a fitted value may rest on').argParser(wholeNumber('--min-deals', 2, 1_000_000)).default(10))
    .option('--name <name>', 'name of the calibrated scenario (default: the base\'s name + "-calibrated")')
    .option('--skip-bad-rows', 'leave bad rows out (listed as warnings) instead of stopping', false)
    .option('-f, --force', 'overwrite --out even if it is not a scenario calibrate wrote', false)
    .action((deals: string, options: CalibrateOptions) => record({ command: 'calibrate', deals, options: { ...options } }));

  program
    .command('validate')
    .description('check scenario and book files (a book has base, teams and groups) and list every problem with its line; exit 2 if any')
    .argument('<scenario...>', 'scenario or book files')
    .option('-a, --accounts <file.csv>', "an accounts CSV to check with the book(s), as portfolio --accounts reads it")
    .option('-q, --quiet', 'print nothing but problems', false)
    .action((scenarios: string[], options: { quiet: boolean; accounts?: string }) =>
      record({ command: 'validate', scenarios, quiet: options.quiet, ...(options.accounts !== undefined ? { accounts: options.accounts } : {}) }),
    );

  program
    .command('init')
    .description('write a commented starter scenario to edit')
    .argument('<file>', 'where to write it (e.g. my-account.yaml)')
    .option('-f, --force', 'overwrite the file if it exists', false)
    .action((file: string, options: { force: boolean }) => record({ command: 'init', file, force: options.force }));

  program
    .command('schema')
    .description('print the scenario JSON Schema (for editor completion)')
    .action(() => record({ command: 'schema' }));

  return program;
}

/** Parses the arguments after `expansim` (e.g. `['run', 'x.yaml', '--trials', '10']`). */
export function parseArguments(args: readonly string[], version = '0.0.0'): ParsedArguments {
  let parsed: ParsedArguments | undefined;
  let printed = '';
  let errors = '';
  const program = buildProgram(version, (value) => (parsed = value));
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: (text) => (printed += text), writeErr: (text) => (errors += text) });
    command.commands.forEach(configure);
  };
  configure(program);
  try {
    program.parse([...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return { command: 'print', text: printed };
    if (error.code === 'commander.help') return { command: 'usage-error', message: `a command is required\n\n${errors || printed}`.trim() };
    const message = (errors || error.message).trim().replace(/^error: /, '');
    // Our own argument messages already name the flag: drop commander's preamble. Its own
    // (e.g. a choice not allowed) do not: name the flag and the value in front.
    const invalid = /^option '(-\S+, )?(--\S+)[^']*' argument '(.*)' is invalid\. (.*)$/s.exec(message);
    if (invalid) {
      const [, , flag, value, reason] = invalid;
      return { command: 'usage-error', message: reason!.startsWith(flag!) ? reason! : `${flag}: ${reason!.replace(/\.$/, '')} (got ${JSON.stringify(value)})` };
    }
    return { command: 'usage-error', message };
  }
  if (parsed) return parsed;
  return { command: 'print', text: program.helpInformation() };
}
