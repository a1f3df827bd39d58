/** No figure that is not finite reaches a report: a scenario built in code past the schema's bounds is a clear error. */
import { describe, expect, it } from 'vitest';
import { formatApproximateCount, RunLimitError } from '../../src/engine/run-limit-error.ts';
import { firstNonFiniteFigure } from '../../src/stats/non-finite-figure.ts';
import { runScenario } from '../../src/pipeline/run-scenario.ts';
import { scenarioFrom } from '../helpers.ts';

describe('non-finite figures', () => {
  it('finds the first one by its path', () => {
    expect(firstNonFiniteFigure({ a: 1, b: { c: [0, Number.NaN] } })).toBe('b.c[1]');
    expect(firstNonFiniteFigure({ a: 1, b: null, c: 'x' })).toBeNull();
  });

  it.each(['ato', 'fitd'] as const)('a %s build cost of 1e308 (past the schema) stops with a RunLimitError, not "$NaNM"', async (strategy) => {
    const scenario = scenarioFrom('name: overflow\ntrials: 50\n');
    const plan = scenario.strategies[strategy];
    if (!plan) throw new Error(`the default scenario has no ${strategy}`);
    plan.buildCost = 1e308;
    const run = runScenario(scenario, { workers: 1, ablate: false });
    await expect(run).rejects.toBeInstanceOf(RunLimitError);
    await expect(run).rejects.toThrow(/is (not a finite number|-?Infinity|NaN): the scenario's values are past what a run can add up/);
  });
});

describe('formatApproximateCount', () => {
  it('is compact however large the count', () => {
    expect(formatApproximateCount(1_234_567.4)).toBe('about 1,234,567');
    expect(formatApproximateCount(3.2e300)).toBe('about 3.2e+300');
    expect(formatApproximateCount(Number.POSITIVE_INFINITY)).toBe('more than 1.8e+308');
    expect(formatApproximateCount(Number.NaN)).toBe('an unknown number of');
  });
});
