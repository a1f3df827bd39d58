/**
 * `npm run bench`: expansim's speed and memory, measured (never asserted in
 * tests). Prints a table — medians of several runs with their min–max — and
 * writes output/bench/bench.json. `npm run bench -- --quick` skips the
 * million-trial runs.
 *
 * What it measures, against the goals of the "Speed and scale" issue:
 *   1. the pure-draw floor: the Philox blocks a run's worlds need (keyed uniforms), computed in a tight loop;
 *   2. the engine in this thread (worlds + both policies + recording) and its ratio to that floor;
 *   3. the whole CLI process for 100,000 trials (with and without the barrier ablation), and against
 *      the release before engine v2 side by side (release-process-bench.ts);
 *   4. cost against trials × months (10k/100k/1M trials; horizons 36/72/144) with a fitted slope;
 *   5. peak RSS and the speed-up of two workers over one at 1M trials;
 *   6. the report (charts included) for the default scenario;
 *   7. the portfolio: the bundled book evaluated and optimised, and its cost model (bench/portfolio-bench.ts).
 *   8. strategies as data: a two-strategy run against the release before it, and 2, 4, 6 plans (strategies-bench.ts).
 *   9. common random numbers across sweep points, before and after the keyed uniforms (sweep-crn-bench.ts).
 *   + the WebAssembly kernel against the JavaScript reference, CPU µs per trial, 2 and 4 plans (kernel-bench.ts).
 *   + the default run in this process with and without the switchovers, and the switchovers alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { linearRegression, linearRegressionLine, rSquared } from 'simple-statistics';
import { loadScenario } from '../src/scenario/load-scenario.ts';
import { compileParameters } from '../src/model/parameters.ts';
import { runTrials } from '../src/engine/run-trials.ts';
import { createWorld, generateWorld } from '../src/engine/world.ts';
import { generatorKey } from '../src/engine/keyed-uniform.ts';
import { philox4x32 } from '../src/engine/philox.ts';
import { reportTiming } from './report-timing.ts';
import { timing, type Timing } from './timing.ts';
import { startUpLines, startUpTiming } from './start-up-bench.ts';
import { summaryTiming, summaryTimingLines } from './summary-bench.ts';
import { generatorTimings } from './generator-bench.ts';
import { formatKernelTimings, kernelTimings } from './kernel-bench.ts';
import { portfolioBench, portfolioBenchLines } from './portfolio-bench.ts';
import { formatStrategiesBench, strategiesBench } from './strategies-bench.ts';
import { formatSweepCrnBench, sweepCrnBench } from './sweep-crn-bench.ts';
import { releaseProcessBench, releaseProcessLines } from './release-process-bench.ts';
import { runScenario } from '../src/pipeline/run-scenario.ts';
import { runSwitchovers } from '../src/pipeline/run-switchovers.ts';
import { comparedPair } from '../src/stats/compared-pair.ts';

const quick = process.argv.includes('--quick');
const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/expansim.js');
const SCENARIO = join(ROOT, 'scenarios/hp-cso.yaml');
const RSS_HOOK = join(ROOT, 'bench/report-rss.mjs');


function repeat(runs: number, measure: () => number): Timing {
  return timing(Array.from({ length: runs }, measure));
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

const { scenario } = loadScenario(SCENARIO);
const params = compileParameters(scenario);

// 1. The pure-draw floor: the Philox blocks of the worlds, without the transforms and stores.
function blocksPerTrial(trials: number): number {
  const world = createWorld(params.horizonMonths);
  let drawn = 0;
  for (let trial = 0; trial < trials; trial++) drawn += generateWorld(params, scenario.seed, trial, world).blocksDrawn;
  return drawn / trials;
}

function floorMs(trials: number, perTrial: number): number {
  const { k0, k1 } = generatorKey(scenario.seed);
  const out = new Uint32Array(4);
  let sink = 0;
  const start = performance.now();
  for (let trial = 0; trial < trials; trial++) {
    for (let i = 0; i < perTrial; i++) {
      philox4x32(trial, i >>> 2, 0, i & 3, k0, k1, out);
      sink += out[0]!;
    }
  }
  const elapsed = performance.now() - start;
  if (sink < 0) log('impossible');
  return elapsed;
}

log('1/6 the pure-draw floor');
const FLOOR_TRIALS = 20_000;
const perTrial = Math.round(blocksPerTrial(2000));
floorMs(2000, perTrial);
const floor = repeat(5, () => floorMs(FLOOR_TRIALS, perTrial));

// 2. The engine in this thread.
log('2/6 the engine in one thread');
const ENGINE_TRIALS = 20_000;
runTrials(params, scenario.seed, 0, 2000);
const engine = repeat(5, () => {
  const start = performance.now();
  runTrials(params, scenario.seed, 0, ENGINE_TRIALS);
  return performance.now() - start;
});

// 3–5. Whole processes.
interface ProcessRun {
  wallMs: number;
  peakRssMb: number;
}

function runProcess(args: string[]): ProcessRun {
  const folder = mkdtempSync(join(tmpdir(), 'expansim-bench-'));
  const rssFile = join(folder, 'rss.txt');
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', RSS_HOOK, BIN, 'run', SCENARIO, '--quiet', '--no-charts', '--out', join(folder, 'out'), ...args], {
    env: { ...process.env, EXPANSIM_BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`expansim ${args.join(' ')} failed: ${result.stderr}`);
  const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
  rmSync(folder, { recursive: true, force: true });
  return { wallMs, peakRssMb };
}

log('3/6 the whole process, 100,000 trials');
const whole = repeat(3, () => runProcess(['--trials', '100000']).wallMs);
const wholeNoAblation = repeat(3, () => runProcess(['--trials', '100000', '--no-ablate']).wallMs);

log('3/6 … against the release before engine v2, side by side');
const againstRelease = releaseProcessBench(quick ? 1 : 3, log);

log('4/6 cost against trials × months');
const scaling: { trials: number; horizon: number; ms: number }[] = [];
for (const horizon of [36, 72, 144]) {
  const p = compileParameters({ ...scenario, horizonMonths: horizon });
  runTrials(p, scenario.seed, 0, 1000);
  const start = performance.now();
  runTrials(p, scenario.seed, 0, 10_000);
  scaling.push({ trials: 10_000, horizon, ms: performance.now() - start });
}
{
  const start = performance.now();
  runTrials(params, scenario.seed, 0, 100_000);
  scaling.push({ trials: 100_000, horizon: 72, ms: performance.now() - start });
}

log(`5/6 workers and memory at ${quick ? '200,000' : '1,000,000'} trials`);
const bigTrials = quick ? 200_000 : 1_000_000;
const twoWorkers = runProcess(['--trials', String(bigTrials), '--no-ablate', '--workers', '2']);
const oneWorker = runProcess(['--trials', String(bigTrials), '--no-ablate', '--workers', '1']);
const defaultRun = runProcess(['--trials', String(bigTrials)]);
scaling.push({ trials: bigTrials, horizon: 72, ms: oneWorker.wallMs });
const points = scaling.map((s) => [s.trials * s.horizon, s.ms] as [number, number]);
const fit = linearRegression(points);
const fitQuality = rSquared(points, linearRegressionLine(fit));

log('6/6 the report for the default scenario');
const report = await reportTiming(scenario);

log('+ start-up, the post-run statistics, the keyed generators');
const startUp = startUpTiming();
const summaryStats = await summaryTiming(scenario, 100_000, 7, log);
const generators = generatorTimings();
log('+ the WebAssembly kernel against the JavaScript reference, CPU per trial, one thread');
const kernel = kernelTimings(quick ? 5 : 7, quick ? 1_000 : 2_000);
log('+ portfolio: the bundled book, and its cost against groups × plans × capacity steps × trials');
const portfolio = await portfolioBench(ROOT, quick);
log('+ strategies as data: before and after, and 2, 4, 6 plans');
const strategies = await strategiesBench({ rounds: 5, trials: quick ? 2000 : 10_000, log });
log('+ common random numbers across sweep points: paired SE between neighbouring points, before and after');
const sweepCrn = await sweepCrnBench({ trials: quick ? 1000 : 4000, seeds: quick ? 4 : 8, seedTrials: quick ? 1000 : 2000, log });
log('+ the robustness analyses (issue 15), default scenario in this process');
const timeAsync = async (runs: number, measure: () => Promise<unknown>) => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await measure();
    samples.push(performance.now() - start);
  }
  return timing(samples);
};
const robustness = {
  fullMs: await timeAsync(3, () => runScenario(scenario)),
  withoutSwitchoversMs: await timeAsync(3, () => runScenario(scenario, { switchovers: false })),
  switchoversAloneMs: await timeAsync(3, () => runSwitchovers(scenario, [comparedPair(params).a.key, comparedPair(params).b.key], { pair: [comparedPair(params).a.index, comparedPair(params).b.index] })),
};

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
const result = {
  machine,
  profile: quick ? 'quick' : 'full',
  philoxBlocksPerTrial: perTrial,
  floor: { trials: FLOOR_TRIALS, ms: floor },
  engine: { trials: ENGINE_TRIALS, ms: engine, microsecondsPerTrial: (engine.median * 1000) / ENGINE_TRIALS, ratioToFloor: engine.median / floor.median },
  wholeProcess100k: { ms: whole, noAblationMs: wholeNoAblation },
  againstRelease,
  scaling: { runs: scaling, microsecondsPerTrialMonth: fit.m * 1000, interceptMs: fit.b, rSquared: fitQuality },
  workers: { trials: bigTrials, oneWorkerMs: oneWorker.wallMs, twoWorkersMs: twoWorkers.wallMs, speedUp: oneWorker.wallMs / twoWorkers.wallMs },
  memory: { trials: bigTrials, peakRssMb: Math.max(twoWorkers.peakRssMb, oneWorker.peakRssMb, defaultRun.peakRssMb), defaultRunMs: defaultRun.wallMs },
  report,
  startUp,
  summary: summaryStats,
  generators,
  kernel,
  portfolio,
  strategies,
  sweepCrn,
  robustness,
};

const ms = (t: Timing) => `${(t.median / 1000).toFixed(2)} s (${(t.min / 1000).toFixed(2)}–${(t.max / 1000).toFixed(2)}, ${t.runs} runs)`;
const goal = (ok: boolean) => (ok ? 'met' : 'NOT met');
const lines = [
  `expansim bench · ${machine.cpu} · ${machine.cores} cores · ${machine.memoryGb} GB · Node ${machine.node} · ${result.profile}`,
  '',
  `  Philox blocks per trial (hp-cso)            ${perTrial} (4 uniforms each)`,
  `  pure-draw floor, ${FLOOR_TRIALS.toLocaleString('en-US')} trials            ${ms(floor)}`,
  `  engine, one thread, ${ENGINE_TRIALS.toLocaleString('en-US')} trials        ${ms(engine)}   = ${result.engine.microsecondsPerTrial.toFixed(1)} µs/trial, ${result.engine.ratioToFloor.toFixed(2)}× the floor   [goal ≤ 2.5×: ${goal(result.engine.ratioToFloor <= 2.5)}]`,
  `  whole run, 100,000 trials                   ${ms(whole)}   [goal ≤ 3 s: ${goal(whole.median <= 3000)}]`,
  `  whole run, 100,000 trials, --no-ablate      ${ms(wholeNoAblation)}`,
  ...releaseProcessLines(againstRelease, goal),
  `  cost per trial-month (fit over ${scaling.length} runs)      ${(fit.m * 1e6).toFixed(0)} ns, R² ${fitQuality.toFixed(4)}`,
  `  ${bigTrials.toLocaleString('en-US')} trials, 1 worker / 2 workers      ${(oneWorker.wallMs / 1000).toFixed(1)} s / ${(twoWorkers.wallMs / 1000).toFixed(1)} s = ${result.workers.speedUp.toFixed(2)}× [goal ≥ 1.8×: ${goal(result.workers.speedUp >= 1.8)}]`,
  `  peak RSS at ${bigTrials.toLocaleString('en-US')} trials              ${result.memory.peakRssMb.toFixed(0)} MB [goal ≤ 300 MB: ${goal(result.memory.peakRssMb <= 300)}]`,
  `  report, default scenario (charts included)  ${ms(report.ms)}, ${report.files} files   [goal ≤ 3 s: ${goal(report.ms.median <= 3000)}]`,
  ...startUpLines(startUp, goal),
  ...summaryTimingLines(summaryStats),
  ...generators.map((g) => `  ${g.nsPerUniform.median.toFixed(1).padStart(6)} ns/uniform  ${g.name}`),
  ...formatKernelTimings(kernel),
  ...(kernel?.[0] ? [`  kernel, two plans: ${kernel[0].kernelTrial.median.toFixed(1)} µs CPU a trial   [goal ≤ 35 µs: ${goal(kernel[0].kernelTrial.median <= 35)}]`] : []),
  ...portfolioBenchLines(portfolio, goal),
  ...formatStrategiesBench(strategies),
  ...formatSweepCrnBench(sweepCrn),
  `  default run in-process, all analyses        ${ms(robustness.fullMs)}`,
  `  the same without the switchovers            ${ms(robustness.withoutSwitchoversMs)}   (switchovers alone ${ms(robustness.switchoversAloneMs)})`,
  '',
];
process.stdout.write(lines.join('\n'));
mkdirSync(join(ROOT, 'output/bench'), { recursive: true });
writeFileSync(join(ROOT, 'output/bench/bench.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write('  Written to output/bench/bench.json\n');
