/**
 * Fuzzing `sweep --vary`: hostile paths, numbers, separators and counts,
 * seeded so a failure reproduces. Every case runs the CLI in this process (two
 * trials per point, no charts) and must end in exit 0 with sweep.json written,
 * or exit 2 with ✖ lines only — never an internal failure or a stack trace.
 * A handful of cases also run as a subprocess.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expansim, workspace } from './cli-process.ts';
import { HP, sweepInProcess } from './sweep-in-process.ts';

const root = mkdtempSync(join(tmpdir(), 'expansim-fuzz-sweep-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modelInput = fc.constantFrom(
  'resources.capacity',
  'discountRate',
  'horizonMonths',
  'account.wallet.median',
  'account.barriers.functionalWalls',
  'model.streams.downstream.dealSize.repurchase',
  'model.projectTypes.expansion.stages',
  'model.streams.upstream.walletShare',
);
const path = fc.oneof(
  { weight: 3, arbitrary: modelInput },
  { weight: 2, arbitrary: fc.constantFrom('trials', 'seed', 'name', 'currency', 'terminalValue', 'account', 'account.wallet', '__proto__', 'constructor', 'toString', 'resources.capacity.x', '', ' ', '.', 'a..b') },
  { weight: 1, arbitrary: fc.constantFrom(' resources.capacity', 'resources.capacity ', 'RESOURCES.CAPACITY', 'resources.capacit') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const plausible = fc.constantFrom('0', '0.1', '0.5', '1', '2', '3', '7', '12', '72', '1e-9', '1e6');
const number = fc.oneof(
  { weight: 3, arbitrary: plausible },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '-0', '100', '600', '5e-324', '1e308', '-1e308', '1e999', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000', '+.5', '.', '-', 'e5', '1e', '\u0000', '💥', '١') },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

const list = fc.array(number, { minLength: 0, maxLength: 8 }).map((values) => values.join(','));
const range = fc.array(number, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(':'));
const smallRange = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('1', '2', '0.5', '0.25', '0', '-1'))
  .map(([from, span, step]) => `${from}:${from + span}:${step}`);
const spec = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(modelInput, fc.oneof(smallRange, fc.uniqueArray(plausible, { minLength: 1, maxLength: 5 }).map((v) => v.join(',')))).map(([p, r]) => `${p}=${r}`) },
  { weight: 2, arbitrary: fc.tuple(path, list).map(([p, v]) => `${p}=${v}`) },
  { weight: 2, arbitrary: fc.tuple(path, range).map(([p, r]) => `${p}=${r}`) },
  { weight: 1, arbitrary: fc.tuple(path, list, list).map(([p, a, b]) => `${p}=${a}=${b}`) },
  { weight: 1, arbitrary: fc.tuple(path, fc.string({ maxLength: 10 })).map(([p, rest]) => `${p}${rest}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('resources.capacity=0:100:1', 'discountRate=0:0.2:0.002', 'resources.capacity=1:22:1', `resources.capacity=${'9,'.repeat(3000)}9`, `x${'y'.repeat(20_000)}=1`),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const varies = fc.oneof(
  { weight: 9, arbitrary: fc.array(spec, { minLength: 1, maxLength: 2 }) },
  { weight: 1, arbitrary: fc.array(spec, { minLength: 0, maxLength: 3 }) },
);

function expectWellFormed(result: { code: number | null; stdout: string; stderr: string }, out: string, vary: readonly string[]) {
  const label = JSON.stringify(vary).slice(0, 300);
  expect(result.stderr, label).not.toMatch(/\n\s+at |expansim failed/);
  if (result.code === 0) {
    expect(existsSync(join(out, 'sweep.json')), label).toBe(true);
    return;
  }
  expect(result.code, label).toBe(2);
  expect(result.stdout, label).toBe('');
  expect(existsSync(out), label).toBe(false);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines.length, label).toBeGreaterThan(0);
  for (const line of lines) expect(line, label).toMatch(/^✖ \S/);
  // A problem with the arguments is one line; a grid point that is not a valid scenario lists its fields, each naming the point.
  const point = /^✖ --vary (?:[^\s=]+=[^\s:]+[ :])+/.exec(lines[0]!)?.[0].slice(0, -1);
  if (lines.length > 1) expect(point !== undefined && lines.every((line) => line.startsWith(point)), label).toBe(true);
}

describe('fuzzing sweep arguments', () => {
  it('ends every hostile --vary in exit 0 or exit 2 with ✖ lines only (in process)', async () => {
    let count = 0;
    await fc.assert(
      fc.asyncProperty(varies, async (vary) => {
        const out = join(root, `case-${count++}`);
        const result = await sweepInProcess(vary, out);
        expectWellFormed(result, out, vary);
      }),
      { numRuns: 300 },
    );
  });

  it('and as a subprocess, for a handful of cases', () => {
    const cwd = workspace();
    // A process argument cannot hold a NUL byte.
    const cases = fc.sample(varies, { numRuns: 1, seed: 20261201 }).map((vary) => vary.map((v) => v.replaceAll('\u0000', '\u0007')));
    for (const [i, vary] of [...cases, ['\u0007=1,2', 'resources.capacity=5,6']].entries()) {
      const out = join(cwd, `out-${i}`);
      const result = expansim(['sweep', HP, ...vary.flatMap((v) => ['--vary', v]), '-n', '2', '--no-charts', '--quiet', '--out', out], cwd);
      expectWellFormed(result, out, vary);
    }
  });
});
