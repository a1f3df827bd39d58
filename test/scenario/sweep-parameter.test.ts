import { describe, expect, it } from 'vitest';
import { readSweepParameter, sweepGridProblem, MAX_SWEEP_POINTS } from '../../src/scenario/sweep-parameter.ts';
import { modelInputPaths, RUN_SETTINGS, scenarioValue, withScenarioValue } from '../../src/scenario/scenario-paths.ts';
import { numericPaths } from '../../src/scenario/schema-paths.ts';
import { compileParameters } from '../../src/model/parameters.ts';
import { scenarioFrom } from '../helpers.ts';

const scenario = scenarioFrom('name: sweep-parameter\n');
const problem = (spec: string) => (readSweepParameter(spec) as { problem?: string }).problem;

/** The compiled model as comparable JSON (typed arrays as plain arrays). */
const compiled = (s: typeof scenario) => JSON.stringify(compileParameters(s), (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

/** Some other valid value at `path`, or undefined if none of a few candidates validates. */
function changed(path: string) {
  const value = scenarioValue(scenario, path);
  for (const candidate of [value + 1, value * 0.5, value * 0.9, value - 1, 0.5, 1, 2, 0]) {
    if (candidate === value) continue;
    try {
      return withScenarioValue(scenario, path, candidate);
    } catch {
      continue;
    }
  }
  return undefined;
}

describe('sweep parameters', () => {
  it('are model inputs only: every one changes the compiled model, the run settings do not', () => {
    expect(Object.keys(RUN_SETTINGS)).toEqual(['seed', 'trials']);
    expect(modelInputPaths()).toEqual(numericPaths().filter((p) => p !== 'seed' && p !== 'trials'));
    const base = compiled(scenario);
    for (const setting of Object.keys(RUN_SETTINGS)) expect(compiled(changed(setting)!), setting).toBe(base);
    const coupled: string[] = [];
    for (const path of modelInputPaths()) {
      const other = changed(path);
      if (other === undefined) coupled.push(path);
      else expect(compiled(other), path).not.toBe(base);
    }
    // Shares that must sum to 1 cannot change alone; they are model inputs all the same.
    expect(coupled.every((path) => /\.(walletShare|opportunityMix\.\w+)$/.test(path)), coupled.join(', ')).toBe(true);
  });

  it('read ranges and lists', () => {
    expect(readSweepParameter('resources.capacity=4:8:2')).toEqual({ path: 'resources.capacity', values: [4, 6, 8] });
    expect(readSweepParameter(' discountRate = 0.05 , .1,1e-1 ')).toEqual({ problem: ' discountRate = 0.05 , .1,1e-1 : 0.1 is given twice; give each value once' });
    expect(readSweepParameter('discountRate=0.05, +.2')).toEqual({ path: 'discountRate', values: [0.05, 0.2] });
  });

  it('refuse run settings, with the rule', () => {
    expect(problem('trials=1,2')).toMatchInlineSnapshot(`"trials is not a model input (it sets how many accounts are simulated); sweep one of horizonMonths, discountRate, account.*, resources.*, strategies.* or model.*"`);
    expect(problem('seed=1:3:1')).toMatchInlineSnapshot(`"seed is not a model input (it picks the random worlds); sweep one of horizonMonths, discountRate, account.*, resources.*, strategies.* or model.*"`);
    expect(problem('currency=1,2')).toMatchInlineSnapshot(`"currency is not a numeric scenario value; sweep one of horizonMonths, discountRate, account.*, resources.*, strategies.* or model.*"`);
  });

  it('refuse empty values instead of reading them as 0', () => {
    expect(problem('resources.capacity=')).toMatchInlineSnapshot(`"resources.capacity=: no values after '='; give from:to:step or v1,v2,…"`);
    expect(problem('resources.capacity=0,,1')).toMatchInlineSnapshot(`"resources.capacity=0,,1: value 2 of 3 is empty"`);
    expect(problem('resources.capacity=0,1,')).toMatchInlineSnapshot(`"resources.capacity=0,1,: value 3 of 3 is empty"`);
    expect(problem('resources.capacity= ')).toMatchInlineSnapshot(`"resources.capacity= : no values after '='; give from:to:step or v1,v2,…"`);
    expect(problem('resources.capacity=:4:1')).toMatchInlineSnapshot(`"resources.capacity=:4:1: the from is empty"`);
    expect(problem('resources.capacity=1:4:')).toMatchInlineSnapshot(`"resources.capacity=1:4:: the step is empty"`);
  });

  it('refuse what is not a finite decimal number, too many values and float-equal values', () => {
    expect(problem('resources.capacity=0x10,2')).toMatchInlineSnapshot(`"resources.capacity=0x10,2: value 1 of 2 "0x10" is not a finite number"`);
    expect(problem('resources.capacity=1,Infinity')).toMatchInlineSnapshot(`"resources.capacity=1,Infinity: value 2 of 2 "Infinity" is not a finite number"`);
    expect(problem('resources.capacity=1,1e999')).toMatchInlineSnapshot(`"resources.capacity=1,1e999: value 2 of 2 "1e999" is not a finite number"`);
    expect(problem('resources.capacity=0:1:1e-300')).toMatchInlineSnapshot(`"resources.capacity=0:1:1e-300: from:to:step gives over a million values; at most 101 per parameter"`);
    expect(problem('resources.capacity=0:101:1')).toMatchInlineSnapshot(`"resources.capacity=0:101:1: from:to:step gives 102 values; at most 101 per parameter"`);
    expect(problem('resources.capacity=-1e308:1e308:1')).toMatchInlineSnapshot(`"resources.capacity=-1e308:1e308:1: from:to:step gives over a million values; at most 101 per parameter"`);
    expect(problem('resources.capacity=1:1.0000000000001:1e-14')).toMatch(/given twice/);
    expect(problem(`resources.capacity=${Array.from({ length: 102 }, (_, i) => i).join(',')}`)).toMatch(/102 values; at most 101 per parameter$/);
  });

  it('keep a message one short line whatever the text', () => {
    const hostile = problem(`resources.capacity=1,2\n,x${'y'.repeat(10_000)}`)!;
    expect(hostile).not.toMatch(/\n/);
    expect(hostile.length).toBeLessThan(200);
    expect(problem(`${'a.'.repeat(5000)}b=1,2`)).toMatchInlineSnapshot(`"a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.…: the path is not a scenario value"`);
  });

  it('make a grid of at most 441 points, never the same parameter twice', () => {
    const p = (path: string, count: number) => ({ path, values: Array.from({ length: count }, (_, i) => i) });
    expect(sweepGridProblem([p('discountRate', 21), p('resources.capacity', 21)])).toBeNull();
    expect(sweepGridProblem([p('discountRate', 21), p('resources.capacity', 22)])).toMatchInlineSnapshot(`"the grid has 21 × 22 = 462 points; at most 441"`);
    expect(MAX_SWEEP_POINTS).toBe(441);
    expect(sweepGridProblem([p('discountRate', 2), p('discountRate', 3)])).toMatchInlineSnapshot(`"discountRate is varied twice; vary two different values, or give all the values in one"`);
    expect(sweepGridProblem([])).toMatchInlineSnapshot(`"a sweep varies one or two parameters, not 0"`);
  });
});
