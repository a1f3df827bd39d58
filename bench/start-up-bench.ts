/**
 * The bench's start-up measurement: bare `node -e 0` against
 * `expansim run --trials 100 --no-charts` from the prebuilt bundle and from
 * the sources through tsx (EXPANSIM_TSX=1), rounds interleaved so a change in
 * the machine's load hits all three alike. Wall-clock medians.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/expansim.js');
const SCENARIO = join(ROOT, 'scenarios/hp-cso.yaml');

export interface StartUpTiming {
  bareNodeMs: number;
  prebuiltMs: number;
  sourcesMs: number;
  /** Prebuilt run minus bare node: the goal is ≤ 300 ms. */
  prebuiltAboveNodeMs: number;
  runs: number;
}

function wallMs(args: string[], env: Record<string, string> = {}): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function startUpTiming(runs = 9): StartUpTiming {
  const folder = mkdtempSync(join(tmpdir(), 'expansim-start-up-'));
  const run = ['run', SCENARIO, '--trials', '100', '--no-charts', '--quiet', '--out', join(folder, 'out')];
  const bare: number[] = [];
  const prebuilt: number[] = [];
  const sources: number[] = [];
  wallMs([BIN, ...run]);
  for (let i = 0; i < runs; i++) {
    bare.push(wallMs(['-e', '0']));
    prebuilt.push(wallMs([BIN, ...run]));
    sources.push(wallMs([BIN, ...run], { EXPANSIM_TSX: '1' }));
  }
  rmSync(folder, { recursive: true, force: true });
  const [bareNodeMs, prebuiltMs, sourcesMs] = [median(bare), median(prebuilt), median(sources)];
  return { bareNodeMs, prebuiltMs, sourcesMs, prebuiltAboveNodeMs: prebuiltMs - bareNodeMs, runs };
}

if (process.argv[1]?.endsWith('start-up-bench.ts')) {
  const t = startUpTiming();
  process.stdout.write(`  node -e 0 ${t.bareNodeMs.toFixed(0)} ms · run --trials 100 --no-charts: prebuilt ${t.prebuiltMs.toFixed(0)} ms (+${t.prebuiltAboveNodeMs.toFixed(0)} ms), through tsx ${t.sourcesMs.toFixed(0)} ms · medians of ${t.runs}\n`);
}
