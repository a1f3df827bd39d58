/**
 * The speed of strategies as data (issue 12), in two measures:
 *   1. a two-strategy run, this checkout against the release before the
 *      refactor (commit f48e2ee, checked out as a temporary git worktree that
 *      shares this checkout's node_modules), the two CLIs run alternately;
 *   2. the cost of 2, 4 and 6 plans on the same accounts, relative to 2: the
 *      whole CLI process and the engine alone in this thread.
 * Every figure is a median over rounds that alternate the variants, so load
 * on the machine falls on all of them alike; whole processes report wall time
 * and CPU time (user + system, read by bench/report-cpu.mjs), the steadier of
 * the two on a shared machine. Each round also times both CLIs' start-up (a
 * 100-trial run without the ablation), so the ratio of the runs' own work,
 * start-up taken off, can be quoted next to the whole runs'. The engine of
 * both checkouts is also run in this process, alternately (see
 * engine-before-after.ts): the steadiest of the figures, and the one the
 * goal is checked on, since the two CLIs start up differently (the release
 * before ran its sources through tsx, this one a prebuilt bundle).
 *
 *   npx tsx bench/strategies-bench.ts [--rounds 5] [--trials 10000]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileParameters } from '../src/model/parameters.ts';
import { compareEngines } from './engine-before-after.ts';
import { checkOutRelease } from './release-worktree.ts';
import { runTrials } from '../src/engine/run-trials.ts';
import { parseScenario } from '../src/scenario/parse-scenario.ts';
import { timeRun } from './time-run.ts';
import { timing, wholeNumberArgument, type Timing } from './timing.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BEFORE_COMMIT = 'f48e2ee';

/** Plans added, two at a time, to the default pair. */
const FURTHER_PLANS = [
  '  beachhead: { label: Beachhead, open: { midstream: start, upstream: migrate }, rampMonths: 4 }',
  '  hold: { label: Hold, open: { midstream: never, upstream: never }, buildCost: 0 }',
  '  midOnly: { label: Midstream only, open: { midstream: migrate, upstream: never } }',
  '  upFirst: { label: Upstream first, open: { midstream: never, upstream: start }, rampMonths: 5 }',
];
export const PLAN_COUNTS = [2, 4, 6] as const;
/** "No slower", with room for the rounds' spread on a loaded machine. */
const ENGINE_GOAL = 1.05;

export type Median = Timing;

export interface StrategiesBench {
  trials: number;
  rounds: number;
  twoStrategies: {
    beforeCommit: string;
    before: { wallMs: Median; cpuMs: Median; startUpCpuMs: Median };
    now: { wallMs: Median; cpuMs: Median; startUpCpuMs: Median };
    wallRatio: number;
    cpuRatio: number;
    /** CPU of the run less the median start-up's, now over before. */
    workCpuRatio: number;
    /** Both checkouts' runTrials in this process (a run's trials and ablation), CPU ms. */
    engine: { beforeCpuMs: Median; nowCpuMs: Median; cpuRatio: number; pairRatio: Median };
  };
  plans: { plans: number; wallMs: Median; cpuMs: Median; engineMs: Median; wallRatio: number; cpuRatio: number; engineRatio: number }[];
}


/** The default scenario with `plans` plans (the default pair, then FURTHER_PLANS). */
function scenarioWithPlans(plans: number): string {
  const text = readFileSync(join(ROOT, 'scenarios/hp-cso.yaml'), 'utf8');
  if (plans === 2) return text;
  const lines = ['strategies:', '  ato: {}', '  fitd: {}', ...FURTHER_PLANS.slice(0, plans - 2)];
  return `${text.replace(/^strategies:\n(?: .*\n)*/m, '')}\n${lines.join('\n')}\n`;
}

export async function strategiesBench(options: { rounds?: number; trials?: number; log?: (text: string) => void } = {}): Promise<StrategiesBench> {
  const { rounds = 5, trials = 10_000, log = () => {} } = options;
  const hpCso = join(ROOT, 'scenarios/hp-cso.yaml');
  // One worker: the figures then measure the work, not how the machine's cores are shared out.
  const args = ['--trials', String(trials), '--workers', '1'];

  log(`  two strategies: this checkout against ${BEFORE_COMMIT}, ${rounds} rounds of ${trials.toLocaleString('en-US')} trials`);
  const before = checkOutRelease(ROOT, BEFORE_COMMIT);
  const samples = { before: [] as { wallMs: number; cpuMs: number }[], now: [] as { wallMs: number; cpuMs: number }[] };
  const startUp = { before: [] as number[], now: [] as number[] };
  let engineRuns: Awaited<ReturnType<typeof compareEngines>>;
  try {
    timeRun(before.folder, hpCso, ['--trials', '200', '--workers', '1']);
    timeRun(ROOT, hpCso, ['--trials', '200', '--workers', '1']);
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so neither always runs on a warmer machine.
      const order = round % 2 === 0 ? (['before', 'now'] as const) : (['now', 'before'] as const);
      for (const which of order) {
        const checkout = which === 'before' ? before.folder : ROOT;
        samples[which].push(timeRun(checkout, hpCso, args));
        startUp[which].push(timeRun(checkout, hpCso, ['--trials', '100', '--workers', '1', '--no-ablate']).cpuMs);
      }
    }
    log(`  two strategies' engine: ${BEFORE_COMMIT} and this checkout in this process, ${rounds} alternating rounds`);
    // f48e2ee draws v1's sequential stream; this checkout the keyed uniforms (0.2.0): other worlds from the same seed, the same work.
    engineRuns = await compareEngines(before.folder, ROOT, rounds, trials, false);
  } finally {
    before.remove();
  }
  const summarize = (runs: { wallMs: number; cpuMs: number }[]) => ({ wallMs: timing(runs.map((r) => r.wallMs)), cpuMs: timing(runs.map((r) => r.cpuMs)) });
  const then = { ...summarize(samples.before), startUpCpuMs: timing(startUp.before) };
  const now = { ...summarize(samples.now), startUpCpuMs: timing(startUp.now) };
  const work = (run: typeof now) => run.cpuMs.median - run.startUpCpuMs.median;

  log(`  2, 4 and 6 plans: ${rounds} rounds of ${trials.toLocaleString('en-US')} trials (whole process, --no-ablate) and of the engine alone`);
  const folder = mkdtempSync(join(tmpdir(), 'expansim-plans-bench-'));
  const perPlans = new Map<number, { process: { wallMs: number; cpuMs: number }[]; engineMs: number[] }>();
  try {
    const files = new Map(PLAN_COUNTS.map((plans) => [plans, join(folder, `plans-${plans}.yaml`)]));
    const compiled = new Map(
      PLAN_COUNTS.map((plans) => {
        const text = scenarioWithPlans(plans);
        writeFileSync(files.get(plans) ?? '', text);
        const parsed = parseScenario(text);
        if (!parsed.ok) throw new Error(`the ${plans}-plan bench scenario is invalid: ${JSON.stringify(parsed.issues)}`);
        if (Object.keys(parsed.scenario.strategies).length !== plans) throw new Error(`the ${plans}-plan bench scenario has other plans`);
        return [plans, { params: compileParameters(parsed.scenario), seed: parsed.scenario.seed }];
      }),
    );
    for (const plans of PLAN_COUNTS) perPlans.set(plans, { process: [], engineMs: [] });
    for (const { params, seed } of compiled.values()) runTrials(params, seed, 0, 500);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? PLAN_COUNTS : [...PLAN_COUNTS].reverse();
      for (const plans of order) {
        const entry = perPlans.get(plans);
        const run = compiled.get(plans);
        if (!entry || !run) continue;
        entry.process.push(timeRun(ROOT, files.get(plans) ?? '', [...args, '--no-ablate']));
        const start = performance.now();
        runTrials(run.params, run.seed, 0, trials);
        entry.engineMs.push(performance.now() - start);
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const two = perPlans.get(2);
  const base = two ? { ...summarize(two.process), engineMs: timing(two.engineMs) } : undefined;
  const plans = PLAN_COUNTS.map((count) => {
    const entry = perPlans.get(count) ?? { process: [], engineMs: [] };
    const figures = { ...summarize(entry.process), engineMs: timing(entry.engineMs) };
    return {
      plans: count,
      ...figures,
      wallRatio: figures.wallMs.median / (base?.wallMs.median ?? Number.NaN),
      cpuRatio: figures.cpuMs.median / (base?.cpuMs.median ?? Number.NaN),
      engineRatio: figures.engineMs.median / (base?.engineMs.median ?? Number.NaN),
    };
  });
  return {
    trials,
    rounds,
    twoStrategies: {
      beforeCommit: BEFORE_COMMIT,
      before: then,
      now,
      wallRatio: now.wallMs.median / then.wallMs.median,
      cpuRatio: now.cpuMs.median / then.cpuMs.median,
      workCpuRatio: work(now) / work(then),
      engine: {
        beforeCpuMs: timing(engineRuns.beforeCpuMs),
        nowCpuMs: timing(engineRuns.nowCpuMs),
        cpuRatio: timing(engineRuns.nowCpuMs).median / timing(engineRuns.beforeCpuMs).median,
        pairRatio: timing(engineRuns.nowCpuMs.map((ms, round) => ms / (engineRuns.beforeCpuMs[round] ?? Number.NaN))),
      },
    },
    plans,
  };
}

/** The bench's lines for the table `npm run bench` prints. */
export function formatStrategiesBench(bench: StrategiesBench): string[] {
  const s = (t: Median) => `${(t.median / 1000).toFixed(2)} s (${(t.min / 1000).toFixed(2)}–${(t.max / 1000).toFixed(2)})`;
  const { before, now, wallRatio, cpuRatio, workCpuRatio, beforeCommit, engine } = bench.twoStrategies;
  const ratio = (value: number) => `${value.toFixed(2)}×`;
  return [
    `  two strategies, ${bench.trials.toLocaleString('en-US')} trials, 1 worker, ${bench.rounds} rounds`,
    `    before (${beforeCommit})   wall ${s(before.wallMs)}   CPU ${s(before.cpuMs)}   start-up CPU ${s(before.startUpCpuMs)}`,
    `    now                wall ${s(now.wallMs)}   CPU ${s(now.cpuMs)}   start-up CPU ${s(now.startUpCpuMs)}`,
    `    now / before       wall ${ratio(wallRatio)}   CPU ${ratio(cpuRatio)}   CPU less start-up ${ratio(workCpuRatio)}`,
    `    engine in one process (runTrials with the ablation, CPU)   before ${s(engine.beforeCpuMs)}   now ${s(engine.nowCpuMs)}`,
    `    engine now / before   ${ratio(engine.cpuRatio)} (median of the rounds' ratios ${ratio(engine.pairRatio.median)}, ${ratio(engine.pairRatio.min)}–${ratio(engine.pairRatio.max)})   [goal ≤ ${ratio(ENGINE_GOAL)}: ${engine.cpuRatio <= ENGINE_GOAL ? 'met' : 'NOT met'}]`,
    `  N plans against 2 (goal about N/2)`,
    ...bench.plans.map(
      (p) =>
        `    ${p.plans} plans   process wall ${s(p.wallMs)} = ${p.wallRatio.toFixed(2)}×   CPU ${s(p.cpuMs)} = ${p.cpuRatio.toFixed(2)}×   engine ${(p.engineMs.median / 1000).toFixed(2)} s = ${p.engineRatio.toFixed(2)}× (N/2 = ${(p.plans / 2).toFixed(1)})`,
    ),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bench = await strategiesBench({ rounds: wholeNumberArgument('--rounds', 5), trials: wholeNumberArgument('--trials', 10_000), log: (text) => process.stderr.write(`${text}\n`) });
  process.stdout.write(`${formatStrategiesBench(bench).join('\n')}\n`);
  mkdirSync(join(ROOT, 'output/bench'), { recursive: true });
  writeFileSync(join(ROOT, 'output/bench/strategies.json'), `${JSON.stringify(bench, null, 2)}\n`);
  process.stdout.write('  Written to output/bench/strategies.json\n');
}
