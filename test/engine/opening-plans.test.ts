/**
 * MODEL.md §6: an opening plan start/start with ATO's ramp gives ATO's figures
 * trial by trial, migrate/migrate with FITD's gives FITD's; under hold every
 * midstream and upstream arrival is lost wallet and the image drifts all along.
 */
import { describe, expect, it } from 'vitest';
import { createPolicyState } from '../../src/engine/policy-state.ts';
import { createPolicyTrace } from '../../src/engine/policy-trace.ts';
import { runPolicy } from '../../src/engine/run-policy.ts';
import { createTrialOutcome, type TrialOutcome } from '../../src/engine/trial-outcome.ts';
import { CELLS_PER_MONTH, createWorld, generateWorld } from '../../src/engine/world.ts';
import { drawBarriers } from '../../src/model/account.ts';
import { HARDWARE_IMAGE, MIDSTREAM, PROJECT_TYPE_COUNT, UPSTREAM } from '../../src/scenario/vocabulary.ts';
import { paramsFrom } from '../helpers.ts';

const TRIALS = 200;

function snapshot(outcome: TrialOutcome) {
  return JSON.stringify(outcome, (_key, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value));
}

describe('opening plans', () => {
  it('start/start with ramp 6 is ATO and migrate/migrate with ramp 3 is FITD, trial by trial', () => {
    const params = paramsFrom(`name: x
strategies:
  ato: {}
  fitd: {}
  allAtOnce: { open: { midstream: start, upstream: start }, rampMonths: 6 }
  footInDoor: { open: { midstream: migrate, upstream: migrate }, rampMonths: 3 }
`);
    const keys = params.strategies.map((s) => s.key);
    expect(keys).toEqual(['ato', 'fitd', 'allAtOnce', 'footInDoor']);
    const world = createWorld(params.horizonMonths);
    const state = createPolicyState(params.horizonMonths);
    const outcomes = keys.map(() => createTrialOutcome(params.horizonMonths));
    let migrated = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      generateWorld(params, 5, trial, world);
      params.strategies.forEach((strategy, i) => runPolicy(params, strategy, world, state, outcomes[i]!));
      expect(snapshot(outcomes[2]!)).toBe(snapshot(outcomes[0]!));
      expect(snapshot(outcomes[3]!)).toBe(snapshot(outcomes[1]!));
      if (outcomes[1]!.openedMonth[MIDSTREAM]! > 0) migrated++;
    }
    expect(migrated).toBeGreaterThan(10);
  });

  it('hold loses every midstream and upstream arrival and lets the image drift for the whole horizon', () => {
    const params = paramsFrom(`name: x
model: { churn: { base: 0 } }
strategies:
  fitd: {}
  hold: { open: { midstream: never, upstream: never } }
`);
    const hold = params.strategies.find((s) => s.key === 'hold')!;
    const T = params.horizonMonths;
    const world = createWorld(T);
    const state = createPolicyState(T);
    const outcome = createTrialOutcome(T);
    const barriers = new Float64Array(5);
    for (let trial = 0; trial < 50; trial++) {
      generateWorld(params, 3, trial, world);
      const trace = createPolicyTrace();
      runPolicy(params, hold, world, state, outcome, trace);
      let midAndUpWallet = 0;
      for (let t = 0; t < T; t++) {
        for (const s of [MIDSTREAM, UPSTREAM]) {
          for (let k = 0; k < PROJECT_TYPE_COUNT; k++) midAndUpWallet += world.cellValue[t * CELLS_PER_MONTH + s * PROJECT_TYPE_COUNT + k]!;
        }
      }
      expect(outcome.lostWallet).toBeCloseTo(midAndUpWallet, 9);
      expect([outcome.openedMonth[MIDSTREAM], outcome.openedMonth[UPSTREAM], outcome.buildCost]).toEqual([-1, -1, 0]);
      expect(outcome.revenueByStream[MIDSTREAM]! + outcome.revenueByStream[UPSTREAM]!).toBe(0);
      drawBarriers(params, world.barrierCommonNormal, world.barrierNormals, barriers);
      trace.months.forEach(({ month, image }) => {
        expect(image).toBeCloseTo(1 - (1 - barriers[HARDWARE_IMAGE]!) * (1 - params.image.driftUp) ** (month + 1), 12);
      });
      expect(trace.months).toHaveLength(T);
    }
  });
});
