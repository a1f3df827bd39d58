/**
 * Numeric edges: every run completes and its summary holds no NaN or
 * Infinity; a figure that is undefined is null with its reason in `notes`.
 */
import { describe, expect, it } from 'vitest';
import { nullPaths } from '../../src/stats/full-summary.ts';
import { runScenario } from '../../src/pipeline/run-scenario.ts';
import { formatSummaryJson } from '../../src/report/run-record.ts';
import { scenarioFrom } from '../helpers.ts';

const EDGES: Record<string, string> = {
  'zero wallet': 'account: { wallet: { median: 0 } }',
  'tiny wallet': 'account: { wallet: { median: 1e-9 } }',
  'every barrier at 0': 'account: { barrierJitter: 0, barriers: { functionalWalls: 0, hardwareImage: 0, purchasingControl: 0, itVendorControl: 0, executiveReluctance: 0 } }',
  'every barrier at 1': 'account: { barrierJitter: 0, barriers: { functionalWalls: 1, hardwareImage: 1, purchasingControl: 1, itVendorControl: 1, executiveReluctance: 1 } }',
  'a mix row of zeros': 'model: { streams: { upstream: { opportunityMix: { expansion: 0, innovation: 0 } } } }',
  'a stream without wallet': 'model: { streams: { upstream: { walletShare: 0, opportunityMix: { expansion: 0, innovation: 0 } }, downstream: { walletShare: 0.7 } } }',
  'a one-month horizon': 'horizonMonths: 1',
  'discount rate 0': 'discountRate: 0',
  'capacity 0': 'resources: { capacity: 0 }',
  'no FTE needed': 'resources: { fte: { downstream: 0, midstream: 0, upstream: 0 } }',
  'no terminal value, rate 0': 'terminalValue: none\ndiscountRate: 0',
  'certain churn': 'model: { churn: { base: 1 } }',
  'zero deal-value spread': 'model: { dealValueSigma: 0 }',
  'one trial': 'trials: 1',
};

describe('numeric edges', () => {
  it.each(Object.entries(EDGES))('%s: completes, no NaN or Infinity, every null explained', async (_, yaml) => {
    const scenario = scenarioFrom(`name: edge\n${yaml.startsWith('trials') ? '' : 'trials: 60\n'}${yaml}\n`);
    const { summary } = await runScenario(scenario, { workers: 1, ablationTrials: 30 });
    const text = formatSummaryJson(summary);
    expect(text).not.toMatch(/NaN|Infinity/);
    const notes = Object.keys(summary.notes);
    const unexplained = nullPaths(summary).filter((path) => !notes.some((note) => path === note || path.startsWith(`${note}.`)));
    expect(unexplained).toEqual([]);
  });
});
