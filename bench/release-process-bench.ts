/**
 * Engine v2 (issue 13) against the release before it, side by side: the
 * whole process of `run scenarios/hp-cso.yaml --trials 100000 --no-charts
 * --no-ablate` (default workers) of this checkout and of RELEASE (checked
 * out as a temporary worktree sharing node_modules, its own bundle built
 * there), in alternating rounds so load falls on both alike. Wall and CPU
 * time (all threads), medians; the goals are ≤ 3 s wall and ≥ 4× faster.
 *
 *   npx tsx bench/release-process-bench.ts [--rounds 3]
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { checkOutRelease } from './release-worktree.ts';
import { timeRun } from './time-run.ts';
import { timing, wholeNumberArgument, type Timing } from './timing.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The release before engine v2's keyed uniforms and kernel. */
export const RELEASE = '55a8a1c';
const ARGS = ['--trials', '100000', '--no-ablate'];

export interface ReleaseProcessBench {
  release: string;
  rounds: number;
  before: { wallMs: Timing; cpuMs: Timing };
  now: { wallMs: Timing; cpuMs: Timing };
}

export function releaseProcessBench(rounds = 3, log: (text: string) => void = () => {}): ReleaseProcessBench {
  const scenario = join(ROOT, 'scenarios/hp-cso.yaml');
  const release = checkOutRelease(ROOT, RELEASE);
  const runs = { before: [] as { wallMs: number; cpuMs: number }[], now: [] as { wallMs: number; cpuMs: number }[] };
  try {
    log(`  building ${RELEASE}'s bundle in its worktree`);
    const built = spawnSync(process.execPath, [join(release.folder, 'bin/build-dist.js')], { cwd: release.folder, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`${RELEASE}'s build failed: ${built.stderr}`);
    timeRun(release.folder, scenario, ['--trials', '200']);
    timeRun(ROOT, scenario, ['--trials', '200']);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['before', 'now'] as const) : (['now', 'before'] as const);
      for (const which of order) runs[which].push(timeRun(which === 'before' ? release.folder : ROOT, scenario, ARGS));
      log(`  round ${round + 1}/${rounds}: ${RELEASE} ${(runs.before.at(-1)!.wallMs / 1000).toFixed(2)} s, now ${(runs.now.at(-1)!.wallMs / 1000).toFixed(2)} s`);
    }
  } finally {
    release.remove();
  }
  const summarize = (samples: { wallMs: number; cpuMs: number }[]) => ({ wallMs: timing(samples.map((s) => s.wallMs)), cpuMs: timing(samples.map((s) => s.cpuMs)) });
  return { release: RELEASE, rounds, before: summarize(runs.before), now: summarize(runs.now) };
}

export function releaseProcessLines(bench: ReleaseProcessBench, goal: (ok: boolean) => string): string[] {
  const s = (t: Timing) => `${(t.median / 1000).toFixed(2)} s (${(t.min / 1000).toFixed(2)}–${(t.max / 1000).toFixed(2)})`;
  const wallRatio = bench.before.wallMs.median / bench.now.wallMs.median;
  const cpuRatio = bench.before.cpuMs.median / bench.now.cpuMs.median;
  return [
    `  100,000 trials --no-ablate, whole process, ${bench.rounds} alternating rounds:`,
    `    ${bench.release} (before engine v2)   wall ${s(bench.before.wallMs)}   CPU ${s(bench.before.cpuMs)}`,
    `    this checkout              wall ${s(bench.now.wallMs)}   CPU ${s(bench.now.cpuMs)}   [goal ≤ 3 s: ${goal(bench.now.wallMs.median <= 3000)}]`,
    `    faster by                  ${wallRatio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU   [goal ≥ 4×: ${goal(wallRatio >= 4)}]`,
  ];
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isEntry) {
  const rounds = wholeNumberArgument('--rounds', 3);
  const bench = releaseProcessBench(rounds, (text) => process.stderr.write(`${text}\n`));
  process.stdout.write(`${releaseProcessLines(bench, (ok) => (ok ? 'met' : 'NOT met')).join('\n')}\n`);
}
