/**
 * `expansim sweep`: vary one or two values over a grid on the same worlds,
 * print each point and where the decision flips, write sweep.json.
 */
import { relative } from 'node:path';
import { loadScenario } from '../../scenario/load-scenario.ts';
import { scenarioValue } from '../../scenario/scenario-paths.ts';
import { staffingWarnings } from '../../scenario/staffing-warnings.ts';
import { sweepStaffingWarning } from '../../scenario/sweep-staffing-warning.ts';
import type { Variant } from '../../engine/variants.ts';
import { compileParameters } from '../../model/parameters.ts';
import { defaultWorkerCount } from '../../engine/run-simulation.ts';
import { sweepResourceProblem } from '../../engine/sweep-resource-guard.ts';
import { runSweep, sweepVariants } from '../../pipeline/run-sweep.ts';
import type { SweepParameter, SweepResult } from '../../stats/sweep.ts';
import { runOutputFolder } from '../../report/output-location.ts';
import { formatSummaryJson } from '../../report/run-record.ts';
import { EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';
import type { SweepOptions } from '../parse-arguments.ts';
import { createProgress } from '../progress.ts';
import { readSweepParameters } from '../read-sweep-parameters.ts';
import { prepareOutputFolder } from '../prepare-output-folder.ts';
import { phaseCheckpoint } from '../phase-checkpoint.ts';
import { writeSweepFolder } from './write-sweep-folder.ts';
import { showPhases } from '../show-phases.ts';
import { pdfBrowser } from '../pdf-browser.ts';

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;

/** `--compare A,B`: two different strategies of the scenario. */
function comparedKeys(text: string | undefined, keys: readonly string[]): [string, string] | undefined {
  if (text === undefined) return undefined;
  const named = text.split(',').map((key) => key.trim());
  if (named.length !== 2 || named[0] === named[1] || !named.every((key) => keys.includes(key))) {
    throw new UsageError(`--compare must name two different strategies of the scenario, A,B (${keys.join(', ')}); got ${JSON.stringify(text)}`);
  }
  return [named[0]!, named[1]!];
}

export function formatSweepTable(result: SweepResult): string {
  const paths = result.parameters.map((p) => p.path);
  const [a, b] = [result.compared.a.label, result.compared.b.label];
  const steps = result.breakEven.kind === 'line' ? result.breakEven.steps : [];
  const stepCell = (i: number) => {
    const step = steps[i - 1];
    return step ? `${signed(step.change.mean)}${step.change.se === null ? '' : ` (SE ${step.change.se.toFixed(2)})`}` : '';
  };
  const header = [...paths.map((p) => p.split('.').pop()!), a, b, `${a} − ${b}`, '95% CI', ...(steps.length > 0 ? ['change'] : []), ''];
  const rows = result.points.map((point, i) => [
    ...paths.map((p) => String(point.values[p])),
    signed(point.a.mean),
    signed(point.b.mean),
    signed(point.diff.mean),
    point.diff.ci95 ? `[${signed(point.diff.ci95[0])}, ${signed(point.diff.ci95[1])}]` : '',
    ...(steps.length > 0 ? [stepCell(i)] : []),
    point.signSettled ? '' : 'not settled',
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c]!.length)));
  const line = (row: string[]) => `  ${row.map((cell, c) => cell.padStart(widths[c]!)).join('   ')}`.trimEnd();
  const ratios = steps.flatMap((s) => (s.change.se !== null && s.unpairedSe ? [s.change.se / s.unpairedSe] : []));
  const lines = [
    `expansim sweep · ${result.scenario} · ${result.trials.toLocaleString('en-US')} trials per point on the same worlds · seed ${result.seed}`,
    `  Mean NPV (${result.currency} M) per point`,
    '',
    line(header),
    ...rows.map(line),
    '',
    ...(ratios.length > 0
      ? [
          `  change: ${a} − ${b} less the previous point's, trial by trial; its SE is ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× what unrelated worlds would give.`,
          '',
        ]
      : []),
  ];
  const breakEven = result.breakEven;
  if (breakEven.kind === 'line') {
    if (breakEven.crossings.length === 0) lines.push('  The decision does not flip over this range.');
    for (const c of breakEven.crossings) {
      const short = (x: number) => Number(x.toPrecision(3));
      lines.push(`  Break-even at ${paths[0]} ≈ ${short(c.at)} (between ${short(c.range[0])} and ${short(c.range[1])} at 95%): ${c.below.toUpperCase()} ahead below, ${c.above.toUpperCase()} above.`);
    }
  } else {
    lines.push(
      breakEven.contour.length === 0
        ? '  The decision does not flip over this grid.'
        : `  The break-even contour crosses ${breakEven.contour.length} grid cells; ${breakEven.unsettledPoints} of ${result.points.length} points are not settled at 95%.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A grid point as the user would write it: `resources.capacity=4` (and ` discountRate=0.1`). */
function pointLabel(variant: Variant, parameters: readonly SweepParameter[]): string {
  return parameters.map((p) => `${p.path}=${scenarioValue(variant.scenario, p.path)}`).join(' ');
}

export async function sweepCommand(scenarioPath: string, options: SweepOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const startedAt = new Date();
  const clock = performance.now();
  const parameters = readSweepParameters(options.vary);
  const loaded = loadScenario(scenarioPath);
  const scenario = { ...loaded.scenario, trials: options.trials ?? loaded.scenario.trials, seed: options.seed ?? loaded.scenario.seed };
  const variants = sweepVariants(scenario, parameters, '--vary');
  const points = variants.map((variant) => ({ label: `--vary ${pointLabel(variant, parameters)}`, params: compileParameters(variant.scenario) }));
  const compare = comparedKeys(options.compare, Object.keys(scenario.strategies));
  const tooBig = sweepResourceProblem(compileParameters(scenario), points, scenario.trials, options.workers ?? defaultWorkerCount());
  if (tooBig) throw new UsageError(tooBig);
  const pdfChromium = pdfBrowser(options);
  const target = runOutputFolder(scenario.name, options.out, 'output', '-sweep');
  const targetOptions = { name: `${scenario.name} (sweep)`, explicitOut: options.out !== undefined };
  prepareOutputFolder(target, targetOptions, io);
  // Said once every argument is accepted, so a refused sweep prints only its ✖ lines.
  for (const warning of staffingWarnings(scenario)) io.err(`warning: ${warning}\n`);
  const shortPoints = sweepStaffingWarning(scenario, variants.map((variant) => ({ label: pointLabel(variant, parameters), scenario: variant.scenario })));
  if (shortPoints) io.err(`warning: ${shortPoints}\n`);

  const progress = createProgress(scenario.trials, io.interactive && options.progress && !options.quiet && !options.json);
  // After the trials the bar gives way to the phase under way (each chart, report, deck, write).
  const checkpoint = showPhases(progress, phaseCheckpoint(io, signal));
  const onWarning = (warning: string) => {
    // The phase line has no newline: clear it, or the warning would run on from it.
    progress.stop();
    io.err(`warning: ${warning}\n`);
  };
  let result: SweepResult;
  try {
    await checkpoint('trials');
    result = await runSweep(scenario, parameters, { workers: options.workers, signal, compare, onProgress: (done) => progress.update(done) });
    await writeSweepFolder(target, targetOptions, { scenarioPath, scenarioText: loaded.text, scenario, result, startedAt, clock }, { ...options, pdfChromium }, { checkpoint, onWarning });
  } finally {
    progress.stop();
  }
  if (options.json) io.out(formatSummaryJson(result));
  else if (!options.quiet) io.out(`${formatSweepTable(result)}  Written to ${relative(process.cwd(), target) || '.'}/\n`);
  return EXIT_OK;
}
