/** One kernel session per thread for a run's consecutive chunks (src/engine/kernel-session-cache.ts). */
import { describe, expect, it } from 'vitest';
import { withKernelSession } from '../../src/engine/kernel-session-cache.ts';
import { runTrials } from '../../src/engine/run-trials.ts';
import { planTrialRange } from '../../src/engine/trial-range.ts';
import { compileVariants } from '../../src/engine/variants.ts';
import { kernelAvailability, type KernelSession } from '../../src/engine/wasm-kernel.ts';
import { compileParameters } from '../../src/model/parameters.ts';
import { withScenarioValue } from '../../src/scenario/scenario-paths.ts';
import { scenarioFrom } from '../helpers.ts';

const { module, reason } = kernelAvailability({});
const required = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== '0' && process.env.CI !== 'false';
const scenario = scenarioFrom('name: cache\ntrials: 100\nseed: 9\n');

describe.skipIf(module === undefined && !required)(`the kernel session of a run's chunks (${reason})`, () => {
  const params = compileParameters(scenario);
  const variants = compileVariants(params, [{ key: 'wallet', scenario: withScenarioValue(scenario, 'account.wallet.median', 30) }]);
  const range = (seed: number, start: number, withVariants = false) => planTrialRange(params, seed, start, 10, withVariants ? { variants } : {});
  const sessionOf = (seed: number, start: number, withVariants = false) => withKernelSession(module!, range(seed, start, withVariants), (session) => session);

  it('is the same for consecutive chunks of the same parameters, seed and variants, and a new one when any differs', () => {
    const first = sessionOf(9, 0);
    expect(sessionOf(9, 10)).toBe(first);
    expect(sessionOf(10, 20)).not.toBe(first);
    const withVariants = sessionOf(10, 30, true);
    expect(sessionOf(10, 40, true)).toBe(withVariants);
    expect(sessionOf(10, 50)).not.toBe(withVariants);
  });

  it('is dropped when a play throws, and not shared with a chunk run from within another', () => {
    const before = sessionOf(9, 0);
    expect(() =>
      withKernelSession(module!, range(9, 0), () => {
        throw new Error('a failed chunk');
      }),
    ).toThrow('a failed chunk');
    const after = sessionOf(9, 0);
    expect(after).not.toBe(before);
    let inner: KernelSession | undefined;
    const outer = withKernelSession(module!, range(9, 0), (session) => {
      inner = sessionOf(9, 10);
      return session;
    });
    expect(outer).toBe(after);
    expect(inner).toBeDefined();
    expect(inner).not.toBe(outer);
  });

  it('records, chunk after chunk, what one call over the whole range records', () => {
    const whole = runTrials(params, scenario.seed, 0, 60, { variants });
    const chunks = [0, 20, 40].map((start) => runTrials(params, scenario.seed, start, 20, { variants }));
    for (const [name, column] of Object.entries(whole.columns)) expect(Array.from(column.subarray(20, 40)), name).toEqual(Array.from(chunks[1]!.columns[name]!));
  });
});
