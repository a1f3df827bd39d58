/**
 * The optimized engine (runPolicy) against the literal reference of MODEL.md
 * (reference-policy.ts), trial by trial on the same worlds, for both
 * strategies and a set of scenarios that stress each mechanism.
 */
import { describe, expect, it } from 'vitest';
import { createPolicyState } from '../../src/engine/policy-state.ts';
import { runPolicy } from '../../src/engine/run-policy.ts';
import { createTrialOutcome, FUNNEL_STEP_COUNT, FUNNEL_STEPS, type TrialOutcome } from '../../src/engine/trial-outcome.ts';
import { createWorld, generateWorld } from '../../src/engine/world.ts';
import type { ModelParameters } from '../../src/model/parameters.ts';
import { flatBarriers, paramsFrom } from '../helpers.ts';
import { referencePolicy, type ReferenceOutcome } from './reference-policy.ts';

const TRIALS = 300;
const SEED = 20240611;
const RELATIVE = 1e-9;

const SCENARIOS: Record<string, string> = {
  defaults: 'name: x\n',
  'barriers 0, jitter 0': `name: x\n${flatBarriers(0)}`,
  'high barriers 0.9': `name: x
account:
  barriers: { functionalWalls: 0.9, hardwareImage: 0.9, purchasingControl: 0.9, itVendorControl: 0.9, executiveReluctance: 0.9 }
`,
  'capacity 4': 'name: x\nresources: { capacity: 4 }\n',
  'no terminal value, r = 0': 'name: x\nterminalValue: none\ndiscountRate: 0\n',
  'horizon 5 months': 'name: x\nhorizonMonths: 5\n',
  'FITD migration certain': `name: x
model:
  migration:
    downToMid: { base: 1000 }
    midToUp: { base: 1000 }
`,
  'product mode everywhere': `name: x
strategies:
  ato: { sellingMode: { downstream: product, midstream: product, upstream: product } }
  fitd: { sellingMode: { downstream: product, midstream: product, upstream: product } }
`,
  // Extra stress: frequent churn, ramp 0 with certain migration (M and U in one month), big wallets.
  'heavy churn': 'name: x\nmodel:\n  churn: { base: 0.05 }\n',
  'ramp 0, migration certain': `name: x
strategies:
  ato: { rampMonths: 0 }
  fitd: { rampMonths: 0 }
model:
  migration:
    downToMid: { base: 1000 }
    midToUp: { base: 1000 }
`,
  // q_s changes between decision and close (U becomes active while M deals are open): the failure draw must use the decision month's q.
  'capacity 4, migration certain': `name: x
resources: { capacity: 4 }
model:
  migration:
    downToMid: { base: 1000 }
    midToUp: { base: 1000 }
`,
  // Downstream innovation deals take the entry draw (only non-INN downstream deals are always early).
  'downstream innovation mix': `name: x
model:
  streams: { downstream: { opportunityMix: { repurchase: 0.4, innovation: 0.1 } } }
`,
  // Opening plans beyond ATO and FITD (MODEL.md §3.6), each rule on its own.
  'beachhead and hold': `name: x
strategies:
  ato: {}
  fitd: {}
  beachhead: { open: { midstream: start, upstream: migrate } }
  hold: { open: { midstream: never, upstream: never } }
`,
  'midstream only, upstream only, ramp 0': `name: x
strategies:
  ato: {}
  fitd: {}
  midOnly: { open: { midstream: migrate, upstream: never }, rampMonths: 0, buildCost: 0.5 }
  upOnly: { open: { midstream: never, upstream: start }, rampMonths: 0 }
  beachhead: { open: { midstream: start, upstream: migrate }, rampMonths: 0 }
model:
  migration: { downToMid: { base: 0.3 }, midToUp: { base: 0.3 } }
`,
  'beachhead under the trap, capacity 4': `name: x
account:
  barriers: { hardwareImage: 0.95 }
resources: { capacity: 4 }
strategies:
  ato: {}
  fitd: {}
  beachhead: { open: { midstream: start, upstream: migrate }, rampMonths: 4, sellingMode: { midstream: product } }
  hold: { open: { midstream: never, upstream: never } }
`,
  'high image (trap), big wallet, faster migration': `name: x
account:
  wallet: { median: 60 }
  barriers: { hardwareImage: 0.95 }
model:
  migration: { downToMid: { base: 0.2 }, midToUp: { base: 0.2 } }
`,
};

type Mismatch = { trial: number; strategy: string; field: string; engine: number; reference: number };

function closeEnough(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
}

function compare(trial: number, strategy: string, engine: TrialOutcome, ref: ReferenceOutcome, found: Mismatch[]): void {
  const money = (field: string, e: number, r: number) => {
    if (!closeEnough(e, r)) found.push({ trial, strategy, field, engine: e, reference: r });
  };
  const exact = (field: string, e: number, r: number) => {
    if (e !== r) found.push({ trial, strategy, field, engine: e, reference: r });
  };
  for (const field of ['npv', 'terminalValue', 'revenue', 'grossMargin', 'costOfSale', 'buildCost', 'failureLoss', 'lostWallet'] as const) {
    money(field, engine[field], ref[field]);
  }
  for (const field of ['revenueByStream', 'dealRevenueByStream', 'marginByStream', 'costByStream'] as const) {
    for (let s = 0; s < 3; s++) money(`${field}[${s}]`, engine[field][s]!, ref[field][s]!);
  }
  for (const field of ['firstWinMonth', 'openedMonth'] as const) {
    for (let s = 0; s < 3; s++) exact(`${field}[${s}]`, engine[field][s]!, ref[field][s]!);
  }
  for (const field of ['churnMonth', 'deliveryFailures', 'dealsWon', 'trapMonths'] as const) exact(field, engine[field], ref[field]);
  for (let t = 0; t < ref.cumulativeCash.length; t++) money(`cumulativeCash[${t}]`, engine.cumulativeCash[t]!, ref.cumulativeCash[t]!);
  for (let k = 0; k < 4; k++) {
    FUNNEL_STEPS.forEach((step, j) => exact(`funnel[${k}].${step}`, engine.funnel[k * FUNNEL_STEP_COUNT + j]!, ref.funnel[k]![step]));
  }
}

/** Runs both implementations on TRIALS worlds; returns every mismatch. */
function compareScenario(params: ModelParameters, trials = TRIALS, seed = SEED): Mismatch[] {
  const T = params.horizonMonths;
  const world = createWorld(T);
  const state = createPolicyState(T);
  const outcome = createTrialOutcome(T);
  const found: Mismatch[] = [];
  for (let trial = 0; trial < trials; trial++) {
    generateWorld(params, seed, trial, world);
    for (let index = 0; index < params.strategies.length; index++) {
      const strategy = params.strategies[index]!;
      runPolicy(params, strategy, world, state, outcome);
      const ref = referencePolicy(params, index, world);
      compare(trial, strategy.key, outcome, ref, found);
    }
  }
  return found;
}

function summarize(found: Mismatch[]): string {
  const byField = new Map<string, Mismatch[]>();
  for (const m of found) {
    const key = `${m.strategy} ${m.field.replace(/\[\d+\]$/, (x) => (m.field.startsWith('cumulativeCash') ? '[t]' : x))}`;
    byField.set(key, [...(byField.get(key) ?? []), m]);
  }
  return [...byField.entries()]
    .map(([key, list]) => `${key}: ${list.length} mismatches, first trial ${list[0]!.trial} engine ${list[0]!.engine} reference ${list[0]!.reference}`)
    .join('\n');
}

describe('engine matches the MODEL.md reference trial by trial', () => {
  for (const [name, yaml] of Object.entries(SCENARIOS)) {
    it(name, () => {
      const found = compareScenario(paramsFrom(yaml));
      expect(summarize(found)).toBe('');
    });
  }
});
