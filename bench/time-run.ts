/**
 * One `expansim run` of a checkout as a child process, timed: wall time here,
 * and CPU time (user + system, every thread) read by bench/report-cpu.mjs in
 * the child, the steadier of the two on a shared machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CPU_HOOK = join(resolve(import.meta.dirname, '..'), 'bench/report-cpu.mjs');

export function timeRun(checkout: string, scenarioFile: string, args: readonly string[]): { wallMs: number; cpuMs: number } {
  const folder = mkdtempSync(join(tmpdir(), 'expansim-bench-run-'));
  const cpuFile = join(folder, 'cpu.json');
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', CPU_HOOK, join(checkout, 'bin/expansim.js'), 'run', scenarioFile, '--quiet', '--no-charts', '--out', join(folder, 'out'), ...args], {
      cwd: checkout,
      env: { ...process.env, EXPANSIM_BENCH_CPU_FILE: cpuFile },
      encoding: 'utf8',
    });
    const wallMs = performance.now() - start;
    if (result.status !== 0) throw new Error(`expansim run in ${checkout} failed (${result.status}): ${result.stderr}`);
    const cpu = JSON.parse(readFileSync(cpuFile, 'utf8')) as { userMicros: number; systemMicros: number };
    return { wallMs, cpuMs: (cpu.userMicros + cpu.systemMicros) / 1000 };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
