/**
 * Ctrl-C (SIGINT → 130) and SIGTERM (→ 143) are honoured in every phase up to
 * the rename that lands a run: while tsx loads, during the trials (and the
 * ablation's trials), the summary, the charts and just before the write. The
 * previous output stays intact and no staging folder is left (SIGINT during
 * the trials is output-safety.test.ts's Ctrl-C test). The tests wait
 * for the phase lines of EXPANSIM_TRACE=phases, or for EXPANSIM_PAUSE_AT to
 * hold the run at a step, never for a fixed time.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expansim, SCENARIOS, startExpansim, workspace } from './cli-process.ts';
import { watchChild, type WatchedChild } from './child-events.ts';

const HP = join(SCENARIOS, 'hp-cso.yaml');
const EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const;
let previous: string;
const started: WatchedChild[] = [];

afterEach(() => {
  for (const child of started.splice(0)) child.stop();
});

beforeAll(() => {
  previous = join(workspace(), 'out');
  expect(expansim(['run', HP, '-n', '100', '--out', previous, '--quiet', '--no-charts'], process.cwd()).code).toBe(0);
});

/** A workspace holding a copy of an earlier run's output in `out/`. */
function withPreviousOutput(): string {
  const cwd = workspace();
  cpSync(previous, join(cwd, 'out'), { recursive: true });
  return cwd;
}

interface Cancel {
  args: string[];
  /** The phase line to signal at. */
  at: string;
  signal: 'SIGINT' | 'SIGTERM';
  /** Hold the run at `at` until the signal comes (EXPANSIM_PAUSE_AT). */
  pause?: boolean;
}

async function cancel(cwd: string, { args, at, signal, pause }: Cancel) {
  const child = watchChild(startExpansim(args, cwd, pause ? { EXPANSIM_PAUSE_AT: at } : { EXPANSIM_TRACE: 'phases' }));
  started.push(child);
  await child.stderrContains(`expansim: phase ${at}\n`);
  child.kill(signal);
  const exit = await child.exit;
  return { ...exit, stderr: child.stderr(), stdout: child.stdout() };
}

function expectCancelled(cwd: string, result: Awaited<ReturnType<typeof cancel>>, signal: 'SIGINT' | 'SIGTERM') {
  expect(result.code, result.stderr).toBe(EXIT_CODE[signal]);
  expect(result.stderr).toContain(`✖ interrupted (${signal}): nothing was written; any earlier output is intact\n`);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
  expect(readdirSync(join(cwd, 'out')).sort()).toEqual(readdirSync(previous).sort());
  expect(readFileSync(join(cwd, 'out/summary.json'), 'utf8')).toBe(readFileSync(join(previous, 'summary.json'), 'utf8'));
  expect(readdirSync(cwd).filter((name) => name !== 'out')).toEqual([]);
}

const run = (...extra: string[]) => ['run', HP, '--out', 'out', ...extra];

describe('a cancel is honoured in every phase of a run', () => {
  it('while the sources load, before main() runs (SIGTERM → 143)', async () => {
    const cwd = withPreviousOutput();
    const result = await cancel(cwd, { args: run('-n', '200', '--no-charts'), at: 'start', signal: 'SIGTERM' });
    expectCancelled(cwd, result, 'SIGTERM');
  });

  it("during the ablation's trials (SIGTERM → 143)", async () => {
    const cwd = withPreviousOutput();
    const args = run('-n', '200000', '--ablation-trials', '200000', '--workers', '2', '--no-charts');
    const result = await cancel(cwd, { args, at: 'trials', signal: 'SIGTERM' });
    expectCancelled(cwd, result, 'SIGTERM');
    expect(result.stderr).not.toContain('phase summary');
  });

  it('after the trials, before the summary and ablation figures (SIGINT → 130)', async () => {
    const cwd = withPreviousOutput();
    const result = await cancel(cwd, { args: run('-n', '300', '--no-charts'), at: 'summary', signal: 'SIGINT', pause: true });
    expectCancelled(cwd, result, 'SIGINT');
  });

  it('between the charts (SIGINT → 130)', async () => {
    const cwd = withPreviousOutput();
    const result = await cancel(cwd, { args: run('-n', '300'), at: 'chart risk-profile', signal: 'SIGINT', pause: true });
    expectCancelled(cwd, result, 'SIGINT');
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`just before the write (${signal} → ${EXIT_CODE[signal]})`, async () => {
      const cwd = withPreviousOutput();
      const result = await cancel(cwd, { args: run('-n', '300', '--no-charts', '--trials-csv'), at: 'write', signal, pause: true });
      expectCancelled(cwd, result, signal);
    });
  }

  it('with every file staged, just before the rename (SIGTERM → 143)', async () => {
    const cwd = withPreviousOutput();
    const result = await cancel(cwd, { args: run('-n', '300', '--no-charts', '--trials-csv'), at: 'commit', signal: 'SIGTERM', pause: true });
    expectCancelled(cwd, result, 'SIGTERM');
  });
});

describe('a cancel is honoured by sweep and shard runs', () => {
  it('sweep, just before the write (SIGTERM → 143)', async () => {
    const cwd = withPreviousOutput();
    const args = ['sweep', HP, '--vary', 'account.barriers.functionalWalls=0.2:0.6:0.2', '-n', '200', '--no-charts', '--out', 'out'];
    const result = await cancel(cwd, { args, at: 'write', signal: 'SIGTERM', pause: true });
    expectCancelled(cwd, result, 'SIGTERM');
  });

  it('calibrate, after its fit and before it writes (SIGINT → 130)', async () => {
    const cwd = workspace();
    const args = ['calibrate', resolve('scenarios/data/sample-deals.csv'), '--base', HP, '--out', 'fitted.yaml'];
    const result = await cancel(cwd, { args, at: 'write', signal: 'SIGINT', pause: true });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('✖ interrupted (SIGINT)');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a shard, just before its partial is written (SIGINT → 130)', async () => {
    const cwd = workspace();
    const result = await cancel(cwd, { args: ['run', HP, '-n', '400', '--shard', '0/2', '--out', 'parts'], at: 'write', signal: 'SIGINT', pause: true });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('✖ interrupted (SIGINT)');
    expect(existsSync(join(cwd, 'parts'))).toBe(false);
  });
});
