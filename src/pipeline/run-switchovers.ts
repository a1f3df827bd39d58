/**
 * Assumption switchovers: for each uncertain coefficient (assumption-ranges.ts),
 * the compared pair's paired difference A − B at the low and high end of its
 * plausible range (a tornado), and where inside the range the verdict flips —
 * found by false position (Illinois) on common random numbers, each step a
 * re-run of the same first accounts — or that it does not flip there.
 *
 * Every difference is the run's own (all accounts) plus the assumption's
 * paired change on the re-run accounts (stats/switchover-estimate.ts), so the
 * verdict a switchover flips is the run's. The changes are measured on the
 * first SWITCHOVER_FIRST_TRIALS accounts; an assumption whose flip is still
 * undecided at an end (its 95% interval holds 0 there, and more accounts would
 * narrow it) gets as many accounts again, and so on up to SWITCHOVER_TRIALS,
 * by exact merges of the sums, so its figures are those a re-run on all of
 * them gives. Its search steps run on the accounts its ends did.
 * Cost: two policy runs per account for the base and per point:
 * (1 + 2·assumptions) points on the first accounts, (1 + 2·undecided) on
 * each doubling, then one point per flipping assumption (plus the base) for
 * each of at most SWITCHOVER_STEPS steps (usually one).
 */
import { defaultWorkerCount, runSimulation, type SimulationOptions } from '../engine/run-simulation.ts';
import { addExact, mergeExact, valueOfExact, type ExactSumState } from '../engine/exact-sum.ts';
import { strategyColumn } from '../engine/outcome-table.ts';
import { createVariantSums, mergeVariantSums, type Variant, type VariantSums } from '../engine/variants.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { assumptionsFor, withAssumption, type Assumption } from '../scenario/assumption-ranges.ts';
import { meanInterval, Z_95 } from '../stats/intervals.ts';
import { anchoredDifference, referenceEstimate, referenceOf, type SubsetBase, type SwitchoverReference } from '../stats/switchover-estimate.ts';
import type { AssumptionSwing, RangeEnd, SwitchoverSummary } from '../stats/switchovers.ts';
import { estimateVariant, type MeanEstimate } from '../stats/variant-statistics.ts';

/** Most accounts the switchovers re-run (the first ones, as the ablation's). */
export const SWITCHOVER_TRIALS = 1000;
/** Accounts every assumption's ends are re-run on first; undecided ones go on, doubling, to SWITCHOVER_TRIALS. */
export const SWITCHOVER_FIRST_TRIALS = 250;
/**
 * Runs of fewer trials leave the switchovers out: they would cost many times
 * the run itself (small runs are for trying a scenario out, not deciding on it).
 */
export const SWITCHOVER_MIN_RUN_TRIALS = 5000;
/** Base-and-point runs per account below which a thread is not worth starting (as the engine's 2,000 trials). */
const TRIAL_RUNS_PER_WORKER = 2000;
/** Most false-position steps per assumption. */
export const SWITCHOVER_STEPS = 6;
/** Chunks a batch is cut into per worker (and the fewest accounts in one), so the workers finish together. */
const CHUNKS_PER_WORKER = 4;
const MIN_CHUNK = 25;
/** An end's SE this close to the run's own is as narrow as more re-run accounts can make it. */
const SE_FLOOR_RATIO = 1.1;

export interface SwitchoverOptions extends Pick<SimulationOptions, 'workers' | 'signal' | 'pair'> {
  /** Most accounts re-run (default SWITCHOVER_TRIALS); the first min(this, SWITCHOVER_FIRST_TRIALS) run for every assumption. */
  trials?: number;
  /** Accounts every assumption runs on before the undecided ones go on (default SWITCHOVER_FIRST_TRIALS; `trials` to run all on all). */
  firstTrials?: number;
  labels?: Record<string, string>;
  /** The run's own A − B over all its accounts, the verdict the switchovers flip (switchover-estimate.ts); default: the re-run accounts' own. */
  reference?: SwitchoverReference;
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

/** Exact sums of the base's per-account differences, so batches merge as if run at once. */
interface BaseSums {
  count: number;
  sum: ExactSumState;
  sumOfSquares: ExactSumState;
}

/** A point's sums over the accounts it ran on, with the base's over the same accounts (the changes are paired with them). */
interface Measured {
  sums: VariantSums;
  base: BaseSums;
}

/** Sums of the first `count` of the base's per-account differences. */
function baseSums(diffs: Float64Array, count: number): BaseSums {
  const sums: BaseSums = { count, sum: [], sumOfSquares: [] };
  for (let i = 0; i < count; i++) {
    addExact(sums.sum, diffs[i]!);
    addExact(sums.sumOfSquares, diffs[i]! * diffs[i]!);
  }
  return sums;
}

function subsetBase(sums: BaseSums): SubsetBase {
  return { count: sums.count, sum: valueOfExact(sums.sum), sumOfSquares: valueOfExact(sums.sumOfSquares) };
}

/**
 * Runs the base on trials start … start + trials − 1 and `points` on the
 * first `pointTrials` of them (the same worlds); each point's sums with the
 * base's, and the base's per-account differences.
 */
async function runBatch(scenario: Scenario, points: Point[], start: number, trials: number, pointTrials: number, pairKeys: readonly [string, string], options: SwitchoverOptions) {
  const variants: Variant[] = points.map((p) => ({ key: p.key, scenario: p.scenario }));
  // Each point multiplies the work of a trial, so even these few accounts are worth the threads.
  const work = trials + pointTrials * points.length;
  const workers = options.workers ?? Math.max(1, Math.min(defaultWorkerCount(), Math.floor(work / TRIAL_RUNS_PER_WORKER)));
  // Small chunks: a batch is a few hundred accounts of many points each, so the engine's default (at least 500 a chunk) would leave a core idle.
  const chunkSize = Math.max(MIN_CHUNK, Math.ceil(trials / (workers * CHUNKS_PER_WORKER)));
  const { table } = await runSimulation(scenario, { start, trials, workers, chunkSize, signal: options.signal, pair: options.pair, variants, variantTrials: start + pointTrials, columns: 'summary' });
  const [a, b] = [strategyColumn(table, pairKeys[0], 'npv'), strategyColumn(table, pairKeys[1], 'npv')];
  const diffs = Float64Array.from({ length: trials }, (_, i) => a[i]! - b[i]!);
  const base = baseSums(diffs, pointTrials);
  const measured = new Map<string, Measured>(points.map((p) => [p.key, { sums: table.variants[p.key]!, base }]));
  return { diffs, measured };
}

/** Adds a later batch of the same points (other accounts) to `into`: exact sums, so as if run at once. */
function extend(into: Map<string, Measured>, later: Map<string, Measured>): void {
  for (const [key, more] of later) {
    const current = into.get(key);
    if (current === undefined) {
      into.set(key, more);
      continue;
    }
    const sums = createVariantSums();
    mergeVariantSums(sums, current.sums);
    mergeVariantSums(sums, more.sums);
    const base: BaseSums = { count: current.base.count + more.base.count, sum: [], sumOfSquares: [] };
    for (const part of [current.base, more.base]) {
      mergeExact(base.sum, part.sum);
      mergeExact(base.sumOfSquares, part.sumOfSquares);
    }
    into.set(key, { sums, base });
  }
}

function endOf(measured: Measured, value: number, reference: SwitchoverReference): RangeEnd {
  return { value, diff: anchoredDifference(reference, subsetBase(measured.base), measured.sums), change: estimateVariant(measured.sums, 'diffChange') };
}

/** The flip at this end is undecided (its interval holds 0), and more accounts would narrow the interval. */
function undecided(end: RangeEnd, reference: MeanEstimate): boolean {
  if (end.diff.ci95 === null || end.diff.se === null) return false;
  const holdsZero = end.diff.ci95[0] <= 0 && end.diff.ci95[1] >= 0;
  return holdsZero && end.diff.se > SE_FLOOR_RATIO * (reference.se ?? 0);
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
  const most = Math.min(options.trials ?? SWITCHOVER_TRIALS, scenario.trials);
  const first = Math.min(options.firstTrials ?? SWITCHOVER_FIRST_TRIALS, most);
  const assumptions = assumptionsFor(scenario, pairKeys, options.labels);
  const endPoints = (assumption: Assumption) => [
    { key: `switch.${assumption.key}.low`, scenario: withAssumption(scenario, assumption, assumption.low) },
    { key: `switch.${assumption.key}.high`, scenario: withAssumption(scenario, assumption, assumption.high) },
  ];
  // Without the run's own verdict, the base over all the accounts any point may re-run is the reference.
  const firstBatch = await runBatch(scenario, assumptions.flatMap(endPoints), 0, options.reference ? first : most, first, pairKeys, options);
  const reference = options.reference ?? referenceOf(firstBatch.diffs);
  const base = referenceEstimate(reference);
  const measured = firstBatch.measured;
  let pointRuns = firstBatch.diffs.length + first * 2 * assumptions.length;
  const endsOf = (assumption: Assumption) => ({
    atLow: endOf(measured.get(`switch.${assumption.key}.low`)!, assumption.low, reference),
    atHigh: endOf(measured.get(`switch.${assumption.key}.high`)!, assumption.high, reference),
  });
  // Undecided assumptions go on, doubling their accounts, until decided or at `most`.
  const trialsOf = new Map(assumptions.map((assumption) => [assumption.key, first]));
  for (let done = first; done < most; ) {
    const further = assumptions.filter((assumption) => {
      const { atLow, atHigh } = endsOf(assumption);
      return trialsOf.get(assumption.key) === done && (undecided(atLow, base) || undecided(atHigh, base));
    });
    if (further.length === 0) break;
    const next = Math.min(most, 2 * done);
    const later = await runBatch(scenario, further.flatMap(endPoints), done, next - done, next - done, pairKeys, options);
    extend(measured, later.measured);
    pointRuns += (next - done) * (1 + 2 * further.length);
    for (const assumption of further) trialsOf.set(assumption.key, next);
    done = next;
  }
  const swings: AssumptionSwing[] = assumptions.map((assumption) => ({ ...assumption, trials: trialsOf.get(assumption.key)!, ...endsOf(assumption), switchover: null }));
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
    // Each search steps on the accounts its ends ran on: one re-run per account count.
    const at = new Map<string, RangeEnd>();
    for (const count of new Set(trial.map((t) => trialsOf.get(t.search.assumption.key)!))) {
      const group = trial.filter((t) => trialsOf.get(t.search.assumption.key) === count);
      const batch = await runBatch(scenario, group.map((t) => t.point), 0, count, count, pairKeys, options);
      for (const t of group) at.set(t.point.key, endOf(batch.measured.get(t.point.key)!, t.value, reference));
      pointRuns += count * (1 + group.length);
    }
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
  return {
    trials: most,
    firstTrials: first,
    baseTrials: reference.trials,
    base,
    subsetBase: estimateOf(firstBatch.diffs.subarray(0, first)),
    assumptions: swings.sort((x, y) => swingSize(y) - swingSize(x)),
    policyRuns: 2 * pointRuns,
  };
}
