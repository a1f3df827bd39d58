/**
 * Assumption switchovers: for each uncertain coefficient (assumption-ranges.ts),
 * the compared pair's paired difference A − B at the low and high end of its
 * plausible range (a tornado), and where inside the range the verdict flips —
 * found by false position (Illinois) on common random numbers, each step a
 * re-run of the same first accounts — or that it does not flip there.
 * Cost: two policy runs per account for the base and per point, on
 * SWITCHOVER_TRIALS accounts: (1 + 2·assumptions) points, then one point per
 * flipping assumption for each of at most SWITCHOVER_STEPS steps.
 */
import { defaultWorkerCount, runSimulation, type SimulationOptions } from '../engine/run-simulation.ts';
import { strategyColumn } from '../engine/outcome-table.ts';
import type { Variant } from '../engine/variants.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { assumptionsFor, withAssumption, type Assumption } from '../scenario/assumption-ranges.ts';
import { meanInterval, Z_95 } from '../stats/intervals.ts';
import type { AssumptionSwing, SwitchoverSummary } from '../stats/switchovers.ts';
import { estimateVariant, type MeanEstimate } from '../stats/variant-statistics.ts';

/** Accounts the switchovers re-run (the first ones, as the ablation's). */
export const SWITCHOVER_TRIALS = 1000;
/**
 * Runs of fewer trials leave the switchovers out: they would cost many times
 * the run itself (small runs are for trying a scenario out, not deciding on it).
 */
export const SWITCHOVER_MIN_RUN_TRIALS = 5000;
/** Base-and-point runs per account below which a thread is not worth starting (as the engine's 2,000 trials). */
const TRIAL_RUNS_PER_WORKER = 2000;
/** Most false-position steps per assumption. */
export const SWITCHOVER_STEPS = 6;

export interface SwitchoverOptions extends Pick<SimulationOptions, 'workers' | 'signal' | 'pair'> {
  trials?: number;
  labels?: Record<string, string>;
}

interface Point {
  key: string;
  scenario: Scenario;
}

function estimateOf(values: Float64Array): MeanEstimate {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  if (values.length < 2) return { mean, se: null, ci95: null };
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  const se = Math.sqrt(squares / (values.length - 1) / values.length);
  return { mean, se, ci95: meanInterval(mean, se) };
}

/** Runs the base and `points` on the same first accounts; A − B at each, and its change from the base. */
async function evaluate(scenario: Scenario, points: Point[], trials: number, pairKeys: readonly [string, string], options: SwitchoverOptions) {
  const variants: Variant[] = points.map((p) => ({ key: p.key, scenario: p.scenario }));
  // Each point multiplies the work of a trial, so even these few accounts are worth the threads.
  const workers = options.workers ?? Math.max(1, Math.min(defaultWorkerCount(), Math.floor((trials * (1 + points.length)) / TRIAL_RUNS_PER_WORKER)));
  const { table } = await runSimulation(scenario, { trials, workers, signal: options.signal, pair: options.pair, variants, columns: 'summary' });
  const [a, b] = [strategyColumn(table, pairKeys[0], 'npv'), strategyColumn(table, pairKeys[1], 'npv')];
  const base = estimateOf(Float64Array.from({ length: trials }, (_, i) => a[i]! - b[i]!));
  const at = new Map(points.map((p) => [p.key, { diff: estimateVariant(table.variants[p.key]!, 'diff'), change: estimateVariant(table.variants[p.key]!, 'diffChange') }]));
  return { base, at };
}

interface Search {
  assumption: Assumption;
  /** Bracket ends: x0 keeps the base's sign, x1 the flipped one; f0 may be halved (Illinois). */
  x0: number;
  f0: number;
  x1: number;
  f1: number;
  /** The last point evaluated, with its real (never halved) difference, for the slope. */
  previous: { x: number; f: number };
  last: { value: number; diff: MeanEstimate; slope: number } | null;
  done: boolean;
}

const sign = (value: number) => (value > 0 ? 1 : value < 0 ? -1 : 0);

/** Within half a 95% interval of zero: well inside the interval, so a re-run there has zero in its interval. */
function closeToZero(diff: MeanEstimate): boolean {
  return diff.se !== null && Math.abs(diff.mean) <= 0.5 * Z_95 * diff.se;
}

export async function runSwitchovers(scenario: Scenario, pairKeys: readonly [string, string], options: SwitchoverOptions = {}): Promise<SwitchoverSummary> {
  const trials = Math.min(options.trials ?? SWITCHOVER_TRIALS, scenario.trials);
  const assumptions = assumptionsFor(scenario, pairKeys, options.labels);
  const ends = assumptions.flatMap((assumption) => [
    { key: `switch.${assumption.key}.low`, scenario: withAssumption(scenario, assumption, assumption.low) },
    { key: `switch.${assumption.key}.high`, scenario: withAssumption(scenario, assumption, assumption.high) },
  ]);
  let points = 1 + ends.length;
  const first = await evaluate(scenario, ends, trials, pairKeys, options);
  const base = first.base;
  const swings: AssumptionSwing[] = assumptions.map((assumption) => ({
    ...assumption,
    atLow: { value: assumption.low, ...first.at.get(`switch.${assumption.key}.low`)! },
    atHigh: { value: assumption.high, ...first.at.get(`switch.${assumption.key}.high`)! },
    switchover: null,
  }));
  const searches: Search[] = [];
  for (const swing of swings) {
    // The side nearer the base that flips the sign of the base's difference, if either does.
    const sides = [swing.atLow, swing.atHigh].filter((end) => sign(end.diff.mean) !== sign(base.mean) && end.value !== swing.base);
    const side = sides.sort((x, y) => Math.abs(x.value - swing.base) / Math.abs(x.diff.mean - base.mean) - Math.abs(y.value - swing.base) / Math.abs(y.diff.mean - base.mean))[0];
    if (side) searches.push({ assumption: swing, x0: swing.base, f0: base.mean, x1: side.value, f1: side.diff.mean, previous: { x: side.value, f: side.diff.mean }, last: null, done: false });
  }
  for (let step = 0; step < SWITCHOVER_STEPS && searches.some((s) => !s.done); step++) {
    const active = searches.filter((s) => !s.done);
    const trial = active.map((s) => {
      const value = s.x1 - (s.f1 * (s.x1 - s.x0)) / (s.f1 - s.f0);
      return { search: s, value, point: { key: `switch.${s.assumption.key}.step${step}`, scenario: withAssumption(scenario, s.assumption, value) } };
    });
    points += 1 + trial.length;
    const { at } = await evaluate(scenario, trial.map((t) => t.point), trials, pairKeys, options);
    for (const { search, value, point } of trial) {
      const diff = at.get(point.key)!.diff;
      const slope = value === search.previous.x ? 0 : (diff.mean - search.previous.f) / (value - search.previous.x);
      search.previous = { x: value, f: diff.mean };
      search.last = { value, diff, slope };
      if (closeToZero(diff)) search.done = true;
      if (sign(diff.mean) === sign(search.f1)) search.f0 /= 2;
      else {
        search.x0 = search.x1;
        search.f0 = search.f1;
      }
      search.x1 = value;
      search.f1 = diff.mean;
    }
  }
  for (const search of searches) {
    const last = search.last;
    const swing = swings.find((s) => s.key === search.assumption.key)!;
    if (last === null) continue;
    const half = last.diff.se === null || last.slope === 0 ? 0 : (Z_95 * last.diff.se) / Math.abs(last.slope);
    const clip = (value: number) => Math.min(swing.high, Math.max(swing.low, value));
    swing.switchover = { value: last.value, ci95: [clip(last.value - half), clip(last.value + half)], diff: last.diff, converged: closeToZero(last.diff) };
  }
  const swingSize = (s: AssumptionSwing) => Math.max(Math.abs(s.atLow.change.mean), Math.abs(s.atHigh.change.mean));
  return { trials, base, assumptions: swings.sort((x, y) => swingSize(y) - swingSize(x)), policyRuns: points * 2 * trials };
}
