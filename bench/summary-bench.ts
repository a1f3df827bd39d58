/**
 * The bench's post-run statistics: summarizeFullRun (the summary, dominance,
 * path classes, robustness, ablation figures) on one 100,000-trial table of
 * the default scenario, as a run makes it after the workers, single-threaded.
 * This checkout against the release before the summary's speed-up
 * (BEFORE_COMMIT, its sources loaded through tsx from a temporary worktree)
 * on the same table in the same process, in alternating rounds: CPU ms of the
 * first (cold) round, as a CLI run pays it once, and the median of the
 * later ones; and whether both give the same summary.json bytes.
 *
 *   npx tsx bench/summary-bench.ts [--rounds 7] [--trials 100000]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSimulation } from '../src/engine/run-simulation.ts';
import type { OutcomeTable } from '../src/engine/outcome-table.ts';
import { parseScenario } from '../src/scenario/parse-scenario.ts';
import { readFileSync } from 'node:fs';
import type { Scenario } from '../src/scenario/scenario-schema.ts';
import { DEFAULT_ABLATION_HIGH, DEFAULT_ABLATION_TRIALS } from '../src/stats/barrier-ablation.ts';
import { ablationPlan } from '../src/pipeline/ablation-plan.ts';
import { summarizeFullRun } from '../src/pipeline/run-scenario.ts';
import { checkOutRelease } from './release-worktree.ts';
import { timing, wholeNumberArgument, type Timing } from './timing.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The last commit before the summary's one-sort, radix and typed-partials work. */
export const BEFORE_COMMIT = '2290999';

type Summarize = (scenario: Scenario, table: OutcomeTable, options: { ablationHigh: number }) => unknown;

export interface SummaryTiming {
  trials: number;
  /** This checkout: the first round (cold code) and the median of the later ones, CPU ms. */
  ms: Timing;
  coldMs: number;
  /** BEFORE_COMMIT on the same table; null when its worktree could not be made. */
  before: { commit: string; ms: Timing; coldMs: number; sameSummary: SummaryAgreement } | null;
}

/**
 * How two summaries agree: the same bytes, numbers apart only by rounding
 * (the valuation check's own-horizon cells have been exact sums since
 * c52fc9a, at most 5.6e-14 relative from BEFORE_COMMIT's plain sums), or
 * not. `fields` counts the numbers that differ, `largest` is the largest
 * relative difference among them.
 */
export type SummaryAgreement = { kind: 'identical' } | { kind: 'rounding'; fields: number; largest: number; paths: string[] } | { kind: 'differs'; at: string };

/** Relative differences at most this are rounding (a summary's figures are printed to far fewer digits). */
const ROUNDING = 1e-12;

export function compareSummaries(now: unknown, before: unknown): SummaryAgreement {
  if (JSON.stringify(now) === JSON.stringify(before)) return { kind: 'identical' };
  const paths: string[] = [];
  let largest = 0;
  let differs: string | null = null;
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (differs !== null) return;
    if (typeof x === 'number' && typeof y === 'number') {
      if (x === y) return;
      const relative = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
      if (!(relative <= ROUNDING)) differs = path;
      largest = Math.max(largest, relative);
      paths.push(path);
      return;
    }
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      if (x !== y) differs = path;
      return;
    }
    const keys = Object.keys(x);
    if (JSON.stringify(keys) !== JSON.stringify(Object.keys(y))) differs = `${path} (keys)`;
    for (const key of keys) walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`);
  };
  walk(JSON.parse(JSON.stringify(now)), JSON.parse(JSON.stringify(before)), '');
  return differs !== null ? { kind: 'differs', at: differs } : { kind: 'rounding', fields: paths.length, largest, paths };
}

/** The agreement in a few words, for the bench's line. */
function agreementWords(agreement: SummaryAgreement): string {
  if (agreement.kind === 'identical') return 'summary identical';
  if (agreement.kind === 'differs') return `summary DIFFERS (at ${agreement.at})`;
  // Name the sections the numbers are in (the verdicts' indices dropped).
  const sections = [...new Set(agreement.paths.map((path) => path.replace(/\.\d+(\.|$)/g, '[]$1').split('.').slice(0, 4).join('.')))];
  return `summary the same but for rounding: ${agreement.fields} numbers, at most ${agreement.largest.toExponential(1)} relative, in ${sections.join(', ')}`;
}

function cpuMs(run: () => unknown): { ms: number; value: unknown } {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

export async function summaryTiming(scenario: Scenario, trials = 100_000, rounds = 7, log: (line: string) => void = () => {}): Promise<SummaryTiming> {
  const ran = { ...scenario, trials };
  const plan = ablationPlan(ran, DEFAULT_ABLATION_HIGH);
  const { table } = await runSimulation(ran, { trials, workers: 2, ...plan, variantTrials: DEFAULT_ABLATION_TRIALS });
  const options = { ablationHigh: DEFAULT_ABLATION_HIGH };
  let release: { folder: string; remove: () => void } | null = null;
  let before: Summarize | null = null;
  try {
    release = checkOutRelease(ROOT, BEFORE_COMMIT);
    before = ((await import(pathToFileURL(resolve(release.folder, 'src/pipeline/run-scenario.ts')).href)) as { summarizeFullRun: Summarize }).summarizeFullRun;
  } catch (error) {
    log(`  (no ${BEFORE_COMMIT} to compare with: ${(error as Error).message.split('\n')[0]})`);
  }
  try {
    const after: number[] = [];
    const earlier: number[] = [];
    let sameSummary: SummaryAgreement = { kind: 'identical' };
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so neither always runs on a warmer machine.
      const mine = () => cpuMs(() => summarizeFullRun(ran, table, options));
      const theirs = () => (before === null ? null : cpuMs(() => before(ran, table, options)));
      let a: ReturnType<typeof mine>;
      let b: ReturnType<typeof theirs>;
      if (round % 2 === 0) [a, b] = [mine(), theirs()];
      else [b, a] = [theirs(), mine()];
      after.push(a.ms);
      if (b !== null) {
        earlier.push(b.ms);
        if (round === 0) sameSummary = compareSummaries(a.value, b.value);
      }
    }
    const warm = (samples: number[]) => timing(samples.length > 1 ? samples.slice(1) : samples);
    return {
      trials,
      ms: warm(after),
      coldMs: after[0]!,
      before: before === null ? null : { commit: BEFORE_COMMIT, ms: warm(earlier), coldMs: earlier[0]!, sameSummary },
    };
  } finally {
    release?.remove();
  }
}

/** The bench's lines for the post-run statistics. */
export function summaryTimingLines(result: SummaryTiming): string[] {
  const figure = (cold: number, warm: Timing) => `first ${cold.toFixed(0)} ms, then ${warm.median.toFixed(0)} ms CPU (${warm.min.toFixed(0)}–${warm.max.toFixed(0)}, ${warm.runs} runs)`;
  const trials = result.trials.toLocaleString('en-US');
  const lines = [`  post-run statistics, ${trials} trials        ${figure(result.coldMs, result.ms)}`];
  if (result.before) {
    const { commit, ms, coldMs, sameSummary } = result.before;
    lines.push(`    the same table on ${commit}               ${figure(coldMs, ms)}   = ${(coldMs / result.coldMs).toFixed(1)}× first, ${(ms.median / result.ms.median).toFixed(1)}× later; ${agreementWords(sameSummary)}`);
  }
  return lines;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const parsed = parseScenario(readFileSync(resolve(ROOT, 'scenarios/hp-cso.yaml'), 'utf8'));
  if (!parsed.ok) throw new Error('scenarios/hp-cso.yaml does not parse');
  const result = await summaryTiming(parsed.scenario, wholeNumberArgument('--trials', 100_000), wholeNumberArgument('--rounds', 7, 2), (line) => console.error(line));
  console.log(summaryTimingLines(result).join('\n'));
}
