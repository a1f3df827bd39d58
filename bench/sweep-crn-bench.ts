/**
 * Common random numbers across sweep points (issue 13): how closely a sweep's
 * neighbouring points share their worlds, before and after uniforms keyed by
 * purpose. Sweeps of the wallet median, one stream's project mix and one deal
 * size on scenarios/hp-cso.yaml are played by this checkout's engine and by
 * the release before the keyed uniforms (commit 55a8a1c, a temporary git
 * worktree, loaded in this process as in strategies-bench.ts). For each pair
 * of neighbouring points i, i + 1 and the compared pair's NPV difference d:
 *   - the paired SE: the SE of d_{i+1} − d_i over trials (the same trials at both points);
 *   - the unpaired SE √(SE_i² + SE_{i+1}²), what unrelated worlds would give;
 *   - the correlation of d_i and d_{i+1} across trials.
 * Then each sweep's break-even, its range as `expansim sweep` now reports it
 * (the covariance from the paired change) and with the bounds interpolated
 * (ρ = 1, as before); and, over several seeds of the wallet sweep, how much
 * the break-even itself moves from seed to seed under either engine.
 *
 *   npx tsx bench/sweep-crn-bench.ts [--trials 4000] [--seeds 8]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lineCrossings, type Crossing, type SweepPoint } from '../src/stats/sweep.ts';
import { sweepStep, type SweepStep } from '../src/stats/sweep-steps.ts';
import { estimateVariant } from '../src/stats/variant-statistics.ts';
import { checkOutRelease } from './release-worktree.ts';
import { loadSweepEngine, type SweepEngine, type SweepSums } from './sweep-crn-engine.ts';
import { medianOf, wholeNumberArgument } from './timing.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The release before the keyed uniforms: v1's sequential Tyche-i stream per trial. */
export const BEFORE_COMMIT = '55a8a1c';

const WALLET = 'account.wallet.median';
const UPSTREAM_MIX = 'model.streams.upstream.opportunityMix';
const UPSTREAM_DEAL = 'model.streams.upstream.dealSize.innovation';

interface SweepSpec {
  name: string;
  /** The swept value, for the break-even. */
  axis: string;
  points: Record<string, number>[];
}

/** The three sweeps: 6–7 points each around the scenario's own value. */
export const SWEEPS: readonly SweepSpec[] = [
  { name: 'wallet median ($M a year)', axis: WALLET, points: [8, 12, 16, 20, 24, 28, 32].map((v) => ({ [WALLET]: v })) },
  {
    // The mix must sum to 1: innovation's share moves against expansion's.
    name: 'upstream project mix (innovation share)',
    axis: `${UPSTREAM_MIX}.innovation`,
    points: [0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((v) => ({ [`${UPSTREAM_MIX}.innovation`]: v, [`${UPSTREAM_MIX}.expansion`]: Math.round((1 - v) * 10) / 10 })),
  },
  { name: 'upstream innovation deal size ($M)', axis: UPSTREAM_DEAL, points: [1, 2, 3, 4, 5, 6].map((v) => ({ [UPSTREAM_DEAL]: v })) },
];

export interface StepFigures extends SweepStep {
  /** change.se / unpairedSe. */
  ratio: number;
}

export interface SweepFigures {
  sweep: string;
  steps: StepFigures[];
  median: { pairedSe: number; unpairedSe: number; ratio: number; correlation: number };
  /** Break-even crossings: the range as reported now (paired) and with the bounds interpolated (ρ = 1). */
  crossings: { at: number; paired: [number, number]; linear: [number, number] }[];
  seconds: number;
}

export interface SweepCrnBench {
  trials: number;
  beforeCommit: string;
  sweeps: { sweep: string; before: SweepFigures; now: SweepFigures; pairedSeRatio: number; stepRatio: { median: number; min: number; max: number } }[];
  /** The wallet sweep over several seeds: the spread of the break-even (SD over the seeds that had exactly one crossing). */
  seeds: { seeds: number; trials: number; before: SeedSpread; now: SeedSpread; pooledBreakEven: number };
}

interface SeedSpread {
  crossings: number[][];
  /** Each seed's 95% range, for the seeds with one crossing. */
  ranges: [number, number][];
  oneCrossing: number;
  sd: number;
  meanRangeWidth: number;
  /** Share of those ranges that hold the mean break-even of both engines' seeds (the best estimate of the true one). */
  coverage: number;
}

/** A sweep's points and steps from its sums, and its crossings both ways. */
function readSweep(spec: SweepSpec, sums: SweepSums): { steps: StepFigures[]; crossings: { paired: Crossing; linear: Crossing }[] } {
  const diffs = sums.points.map((point) => estimateVariant(point, 'diff'));
  const steps = sums.steps.map((step, i) => {
    const figures = sweepStep(i, diffs[i]!, diffs[i + 1]!, estimateVariant(step, 'diffChange'));
    return { ...figures, ratio: (figures.change.se ?? Number.NaN) / (figures.unpairedSe ?? Number.NaN) };
  });
  const points: SweepPoint[] = diffs.map((diff, i) => ({
    values: spec.points[i] ?? {},
    a: estimateVariant(sums.points[i]!, 'a'),
    b: estimateVariant(sums.points[i]!, 'b'),
    diff: { mean: diff.mean, ci95: diff.ci95 },
    signSettled: diff.ci95 !== null && (diff.ci95[0] > 0 || diff.ci95[1] < 0),
  }));
  const xs = spec.points.map((p) => p[spec.axis] ?? Number.NaN);
  const paired = lineCrossings(xs, points, ['a', 'b'], steps);
  const linear = lineCrossings(xs, points);
  return { steps, crossings: paired.map((c, i) => ({ paired: c, linear: linear[i] ?? c })) };
}

function playFigures(engine: SweepEngine, spec: SweepSpec, trials: number): SweepFigures {
  const start = performance.now();
  const { steps, crossings } = readSweep(spec, engine.playSweep(spec.points, trials));
  return {
    sweep: spec.name,
    steps,
    median: {
      pairedSe: medianOf(steps.map((s) => s.change.se ?? Number.NaN)),
      unpairedSe: medianOf(steps.map((s) => s.unpairedSe ?? Number.NaN)),
      ratio: medianOf(steps.map((s) => s.ratio)),
      correlation: medianOf(steps.map((s) => s.correlation ?? Number.NaN)),
    },
    crossings: crossings.map(({ paired, linear }) => ({ at: paired.at, paired: paired.range, linear: linear.range })),
    seconds: (performance.now() - start) / 1000,
  };
}

function seedSpread(engine: SweepEngine, seeds: number, trials: number): SeedSpread {
  const wallet = SWEEPS[0]!;
  const crossings: Crossing[][] = [];
  for (let seed = 1; seed <= seeds; seed++) crossings.push(readSweep(wallet, engine.playSweep(wallet.points, trials, seed)).crossings.map((c) => c.paired));
  const single = crossings.filter((c) => c.length === 1).map((c) => c[0]!);
  const mean = single.reduce((sum, c) => sum + c.at, 0) / single.length;
  const sd = Math.sqrt(single.reduce((sum, c) => sum + (c.at - mean) ** 2, 0) / Math.max(1, single.length - 1));
  return {
    crossings: crossings.map((c) => c.map((x) => x.at)),
    ranges: single.map((c) => c.range),
    oneCrossing: single.length,
    sd,
    meanRangeWidth: single.reduce((sum, c) => sum + c.range[1] - c.range[0], 0) / single.length,
    coverage: Number.NaN,
  };
}

/** Fills in each engine's coverage of the break-even both agree on best: the mean over all their single crossings. */
function withCoverage(before: SeedSpread, now: SeedSpread): { before: SeedSpread; now: SeedSpread; pooledBreakEven: number } {
  const all = [before, now].flatMap((s) => s.crossings.filter((c) => c.length === 1).map((c) => c[0]!));
  const pooledBreakEven = all.reduce((sum, x) => sum + x, 0) / all.length;
  const coverage = (s: SeedSpread) => s.ranges.filter(([low, high]) => low <= pooledBreakEven && pooledBreakEven <= high).length / s.ranges.length;
  return { before: { ...before, coverage: coverage(before) }, now: { ...now, coverage: coverage(now) }, pooledBreakEven };
}

export async function sweepCrnBench(options: { trials?: number; seeds?: number; seedTrials?: number; log?: (text: string) => void } = {}): Promise<SweepCrnBench> {
  const { trials = 4000, seeds = 8, seedTrials = 2000, log = () => {} } = options;
  const release = checkOutRelease(ROOT, BEFORE_COMMIT);
  try {
    const engines = { before: await loadSweepEngine(release.folder), now: await loadSweepEngine(ROOT) };
    const sweeps = SWEEPS.map((spec) => {
      log(`  sweep CRN: ${spec.name}, ${spec.points.length} points × ${trials.toLocaleString('en-US')} trials, ${BEFORE_COMMIT} and this checkout`);
      const before = playFigures(engines.before, spec, trials);
      const now = playFigures(engines.now, spec, trials);
      const stepRatios = now.steps.map((s, i) => (s.change.se ?? Number.NaN) / (before.steps[i]?.change.se ?? Number.NaN));
      return {
        sweep: spec.name,
        before,
        now,
        pairedSeRatio: now.median.pairedSe / before.median.pairedSe,
        stepRatio: { median: medianOf(stepRatios), min: Math.min(...stepRatios), max: Math.max(...stepRatios) },
      };
    });
    log(`  sweep CRN: the wallet sweep's break-even over ${seeds} seeds × ${seedTrials.toLocaleString('en-US')} trials, both engines`);
    return {
      trials,
      beforeCommit: BEFORE_COMMIT,
      sweeps,
      seeds: { seeds, trials: seedTrials, ...withCoverage(seedSpread(engines.before, seeds, seedTrials), seedSpread(engines.now, seeds, seedTrials)) },
    };
  } finally {
    release.remove();
  }
}

/** The bench's lines for the table `npm run bench` prints. */
export function formatSweepCrnBench(bench: SweepCrnBench): string[] {
  const f = (value: number, digits = 3) => value.toFixed(digits);
  const ranges = (figures: SweepFigures) =>
    figures.crossings.length === 0
      ? 'no crossing'
      : figures.crossings.map((c) => `${f(c.at, 2)} (${f(c.paired[0], 2)}–${f(c.paired[1], 2)}; bounds interpolated ${f(c.linear[0], 2)}–${f(c.linear[1], 2)})`).join(', ');
  const lines = [`  common random numbers across sweep points, ${bench.trials.toLocaleString('en-US')} trials a point, hp-cso, before = ${bench.beforeCommit} (medians over neighbouring pairs; SEs in $M)`];
  for (const sweep of bench.sweeps) {
    lines.push(`    ${sweep.sweep}`);
    for (const [which, figures] of [['before', sweep.before], ['now   ', sweep.now]] as const) {
      const m = figures.median;
      lines.push(`      ${which}  paired SE ${f(m.pairedSe)}   unpaired ${f(m.unpairedSe)}   paired/unpaired ${f(m.ratio, 2)}×   ρ(d_i, d_i+1) ${f(m.correlation, 2)}   break-even ${ranges(figures)}`);
    }
    lines.push(`      now / before  paired SE ${f(sweep.pairedSeRatio, 2)}× (step by step ${f(sweep.stepRatio.median, 2)}×, ${f(sweep.stepRatio.min, 2)}–${f(sweep.stepRatio.max, 2)}×)`);
  }
  const { seeds } = bench;
  const spread = (s: SeedSpread) =>
    `one crossing in ${s.oneCrossing}/${seeds.seeds} seeds, break-even SD ${f(s.sd, 2)}, mean 95% range width ${f(s.meanRangeWidth, 2)}, ${f(100 * s.coverage, 0)}% of ranges hold ${f(seeds.pooledBreakEven, 2)}`;
  lines.push(`    wallet break-even over ${seeds.seeds} seeds × ${seeds.trials.toLocaleString('en-US')} trials (${f(seeds.pooledBreakEven, 2)}: the mean over both engines' seeds)`);
  lines.push(`      before  ${spread(seeds.before)}`);
  lines.push(`      now     ${spread(seeds.now)}`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bench = await sweepCrnBench({ trials: wholeNumberArgument('--trials', 4000, 2), seeds: wholeNumberArgument('--seeds', 8, 2), log: (text) => process.stderr.write(`${text}\n`) });
  process.stdout.write(`${formatSweepCrnBench(bench).join('\n')}\n`);
  mkdirSync(join(ROOT, 'output/bench'), { recursive: true });
  writeFileSync(join(ROOT, 'output/bench/sweep-crn.json'), `${JSON.stringify(bench, null, 2)}\n`);
  process.stdout.write('  Written to output/bench/sweep-crn.json\n');
}
