/**
 * The bench's start-up measurement: bare `node -e 0` against
 * `expansim run --trials 100 --no-charts` from the prebuilt bundle (with and
 * without the barrier ablation's variants) and from the sources through tsx
 * (EXPANSIM_TSX=1), rounds interleaved so a change in the machine's load hits
 * all alike. Medians of wall-clock time and of CPU time (user + system, all
 * threads, read by bench/report-cpu.mjs in every process, bare node
 * included), which a loaded machine distorts less; and where the time of
 * the prebuilt run goes: when each phase of EXPANSIM_TRACE=phases began
 * (bench/report-phases.mjs), medians.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { medianOf } from './timing.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/expansim.js');
const SCENARIO = join(ROOT, 'scenarios/hp-cso.yaml');
const CPU_HOOK = join(ROOT, 'bench/report-cpu.mjs');
const PHASES_HOOK = join(ROOT, 'bench/report-phases.mjs');

/** Medians, milliseconds. */
export interface StartUpTiming {
  bareNodeMs: number;
  prebuiltMs: number;
  sourcesMs: number;
  /** Prebuilt run minus bare node: the goal is ≤ 300 ms. */
  prebuiltAboveNodeMs: number;
  /** The prebuilt run with --no-ablate: start-up and the base trials, without the ablation's 15 variants. */
  prebuiltNoAblationMs: number;
  cpu: { bareNodeMs: number; prebuiltMs: number; prebuiltNoAblationMs: number; sourcesMs: number };
  /** The prebuilt run under EXPANSIM_TRACE=phases: when each phase began, in order, medians; `exit` last. Wall: ms since the process started; CPU: ms it had used by then. */
  timeline: { step: string; wallMs: number; cpuMs: number }[];
  runs: number;
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function measure(args: string[], cpuFile: string, env: Record<string, string> = {}, hooks = [CPU_HOOK]): Sample {
  const start = performance.now();
  const imports = hooks.flatMap((hook) => ['--import', hook]);
  const result = spawnSync(process.execPath, [...imports, ...args], { env: { ...process.env, ...env, EXPANSIM_BENCH_CPU_FILE: cpuFile }, encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const { userMicros, systemMicros } = JSON.parse(readFileSync(cpuFile, 'utf8')) as { userMicros: number; systemMicros: number };
  return { wallMs, cpuMs: (userMicros + systemMicros) / 1000 };
}

export function startUpTiming(runs = 9): StartUpTiming {
  const folder = mkdtempSync(join(tmpdir(), 'expansim-start-up-'));
  const cpuFile = join(folder, 'cpu.json');
  const run = ['run', SCENARIO, '--trials', '100', '--no-charts', '--quiet', '--out', join(folder, 'out')];
  const commands = {
    bareNode: () => measure(['-e', '0'], cpuFile),
    prebuilt: () => measure([BIN, ...run], cpuFile),
    prebuiltNoAblation: () => measure([BIN, ...run, '--no-ablate'], cpuFile),
    sources: () => measure([BIN, ...run], cpuFile, { EXPANSIM_TSX: '1' }),
  };
  const phasesFile = join(folder, 'phases.json');
  // Its own Node options (one more --import), so its own code cache: made by the first of these runs, not measured.
  const traced = () => {
    measure([BIN, ...run], cpuFile, { EXPANSIM_TRACE: 'phases', EXPANSIM_BENCH_PHASES_FILE: phasesFile }, [CPU_HOOK, PHASES_HOOK]);
    return JSON.parse(readFileSync(phasesFile, 'utf8')) as [step: string, wallMs: number, cpuMs: number][];
  };
  traced();
  const timelines: ReturnType<typeof traced>[] = [];
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, [] as Sample[]])) as Record<keyof typeof commands, Sample[]>;
  // The first prebuilt run after a build writes the code cache the measured ones use.
  commands.prebuilt();
  for (let i = 0; i < runs; i++) {
    for (const [name, command] of Object.entries(commands)) samples[name as keyof typeof commands].push(command());
    timelines.push(traced());
  }
  rmSync(folder, { recursive: true, force: true });
  const wall = (name: keyof typeof commands) => medianOf(samples[name].map((s) => s.wallMs));
  const cpu = (name: keyof typeof commands) => medianOf(samples[name].map((s) => s.cpuMs));
  return {
    bareNodeMs: wall('bareNode'),
    prebuiltMs: wall('prebuilt'),
    sourcesMs: wall('sources'),
    prebuiltAboveNodeMs: wall('prebuilt') - wall('bareNode'),
    prebuiltNoAblationMs: wall('prebuiltNoAblation'),
    cpu: { bareNodeMs: cpu('bareNode'), prebuiltMs: cpu('prebuilt'), prebuiltNoAblationMs: cpu('prebuiltNoAblation'), sourcesMs: cpu('sources') },
    timeline: (timelines[0] ?? []).map(([step], i) => ({
      step,
      wallMs: medianOf(timelines.map((timeline) => timeline[i]?.[1] ?? Number.NaN)),
      cpuMs: medianOf(timelines.map((timeline) => timeline[i]?.[2] ?? Number.NaN)),
    })),
    runs,
  };
}

/** The bench's start-up lines. */
export function startUpLines(t: StartUpTiming, goal: (ok: boolean) => string): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `  start-up: run --trials 100 --no-charts       ${s(t.prebuiltMs)} prebuilt (+${s(t.prebuiltAboveNodeMs)} above node -e 0 ${s(t.bareNodeMs)}), ${s(t.sourcesMs)} through tsx   [goal ≤ 0.3 s above node: ${goal(t.prebuiltAboveNodeMs <= 300)}]`,
    `    the same, CPU time                        ${s(t.cpu.prebuiltMs)} prebuilt (+${s(t.cpu.prebuiltMs - t.cpu.bareNodeMs)} above node ${s(t.cpu.bareNodeMs)}), ${s(t.cpu.sourcesMs)} through tsx`,
    `    --no-ablate (no variants), wall / CPU     ${s(t.prebuiltNoAblationMs)} (+${s(t.prebuiltNoAblationMs - t.bareNodeMs)}) / ${s(t.cpu.prebuiltNoAblationMs)} (+${s(t.cpu.prebuiltNoAblationMs - t.cpu.bareNodeMs)})   · medians of ${t.runs}`,
    `    phases begin at, ms wall (CPU) since start ${t.timeline.map(({ step, wallMs, cpuMs }) => `${step} ${wallMs.toFixed(0)} (${cpuMs.toFixed(0)})`).join(' · ')}`,
  ];
}

if (process.argv[1]?.endsWith('start-up-bench.ts')) {
  process.stdout.write(`${startUpLines(startUpTiming(), (ok) => (ok ? 'met' : 'NOT met')).join('\n')}\n`);
}
