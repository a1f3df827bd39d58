/** A precision run tells its caller each batch's planned total before running it, so a progress bar can count toward it rather than toward the ceiling. */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/pipeline/run-scenario.ts';
import type { PlannedBatch } from '../../src/stats/precision-run.ts';
import { precisionNote } from '../../src/cli/precision-note.ts';
import { scenarioFrom } from '../helpers.ts';

describe('precision batches', () => {
  it('are announced in order, the first without a half-width, the last at the trials used', async () => {
    const planned: PlannedBatch[] = [];
    const target = { target: 0.0001, relative: false, maxTrials: 3000 };
    const run = await runScenario(scenarioFrom('name: p\ntrials: 500\nhorizonMonths: 12\n'), { workers: 1, ablate: false, precision: target, onBatchPlanned: (batch) => planned.push(batch) });
    expect(planned.map((b) => b.trials)).toEqual([2000, 3000]);
    expect(planned[0]).toEqual({ trials: 2000, halfWidth: null, allowed: null });
    expect(planned[1]!.halfWidth).toBeGreaterThan(0.0001);
    expect(run.summary.precision!.trialsUsed).toBe(3000);
    expect(precisionNote(planned[0]!, target, 'USD')).toBe('(first batch; target ±0.0001 USD M)');
    expect(precisionNote(planned[1]!, target, 'USD')).toMatch(/^\(needed by the spread so far, the ceiling: ±\d\.\d{3} against ±0\.000\)$/);
  });
});
