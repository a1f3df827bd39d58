/**
 * The statistics of precision-targeted runs (src/pipeline/run-to-precision.ts
 * adds trials in batches): how far the 95% interval of the mean NPV
 * difference of every strategy against the baseline is from its target, the
 * next batch size, and the compared pair's convergence path. The batch sizes
 * depend only on the figures so far (never on workers or timing), so a
 * precision run equals the fixed run of its final count.
 */
import { strategyColumn, type OutcomeTable } from '../engine/outcome-table.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { comparedPair } from './compared-pair.ts';
import { Z_95 } from './intervals.ts';
import { exactSum } from '../engine/exact-sum.ts';

export interface PrecisionTarget {
  /** Target 95% half-width: in $M, or as a share of |mean difference| when `relative`. */
  target: number;
  relative: boolean;
  maxTrials: number;
}

export interface ConvergencePoint {
  trials: number;
  mean: number;
  halfWidth: number;
}

export interface PrecisionSummary {
  target: number;
  relative: boolean;
  /** The half-width reached, $M. */
  halfWidth: number;
  trialsUsed: number;
  maxTrials: number;
  stoppedBy: 'precision' | 'maxTrials';
  /** Batch sizes run, in order. */
  batches: number[];
  /** Running mean difference and half-width against trials (for the convergence chart). */
  convergence: ConvergencePoint[];
}

/** First batch, and the rounding of later ones. */
export const FIRST_BATCH = 2000;
const ROUND_TO = 1000;

/** Mean and 95% half-width of the per-trial difference over the first `n` trials. */
function differenceAt(a: ArrayLike<number>, b: ArrayLike<number>, n: number): { mean: number; halfWidth: number } {
  const diff = Float64Array.from({ length: n }, (_, i) => a[i]! - b[i]!);
  const mean = exactSum(diff) / n;
  if (n < 2) return { mean, halfWidth: Number.POSITIVE_INFINITY };
  const squares = diff.map((d) => (d - mean) ** 2);
  return { mean, halfWidth: Z_95 * Math.sqrt(exactSum(squares) / (n - 1) / n) };
}

function allowedHalfWidth(target: PrecisionTarget, mean: number): number {
  return target.relative ? target.target * Math.abs(mean) : target.target;
}

/** The next total trial count: enough for the target by the current spread, at least 25% more, at most 4×. */
export function nextTrialCount(current: number, halfWidth: number, allowed: number, maxTrials: number): number {
  const needed = allowed > 0 ? current * (halfWidth / allowed) ** 2 * 1.05 : Number.POSITIVE_INFINITY;
  const grown = Math.min(current * 4, Math.max(current * 1.25, needed));
  return Math.min(maxTrials, Math.ceil(grown / ROUND_TO) * ROUND_TO);
}

/** The running difference at about 60 trial counts from 100 to n (log-spaced). */
export function convergencePath(a: ArrayLike<number>, b: ArrayLike<number>, n: number): ConvergencePoint[] {
  const counts = new Set<number>();
  const first = Math.min(100, n);
  for (let k = 0; k <= 60; k++) counts.add(Math.round(first * (n / first) ** (k / 60)));
  let sum = 0;
  let squares = 0;
  const points: ConvergencePoint[] = [];
  // Welford's running mean and variance, read off at each count.
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    sum += 1;
    const delta = d - mean;
    mean += delta / sum;
    squares += delta * (d - mean);
    if (counts.has(i + 1) && i > 0) points.push({ trials: i + 1, mean, halfWidth: Z_95 * Math.sqrt(squares / i / (i + 1)) });
  }
  return points;
}

/** A batch about to run: the total it brings the run to, and (after the first) the half-width so far against the one allowed. */
export interface PlannedBatch {
  trials: number;
  halfWidth: number | null;
  allowed: number | null;
}

/** How far a run of `trials` trials is from its target: the pair furthest from it (every strategy against the baseline) sets the pace. */
export function precisionStatus(
  table: OutcomeTable,
  params: Pick<ModelParameters, 'strategies' | 'baseline'>,
  target: PrecisionTarget,
  trials: number,
): { halfWidth: number; allowed: number; met: boolean } {
  const { b } = comparedPair(params);
  const others = params.strategies.filter((_, index) => index !== params.baseline).map((strategy) => strategy.key);
  const { halfWidth, allowed } = others
    .map((key) => {
      const difference = differenceAt(strategyColumn(table, key, 'npv'), strategyColumn(table, b.key, 'npv'), trials);
      return { halfWidth: difference.halfWidth, allowed: allowedHalfWidth(target, difference.mean) };
    })
    .reduce((worst, pair) => (pair.halfWidth * worst.allowed > worst.halfWidth * pair.allowed || (pair.allowed === 0 && pair.halfWidth > 0) ? pair : worst));
  return { halfWidth, allowed, met: halfWidth <= allowed };
}

/** The precision section of a finished precision run: what was reached, the batches, and the compared pair's convergence path. */
export function summarizePrecision(
  table: OutcomeTable,
  params: Pick<ModelParameters, 'strategies' | 'baseline'>,
  target: PrecisionTarget,
  batches: readonly number[],
): PrecisionSummary {
  const { a, b } = comparedPair(params);
  const done = table.count;
  const { halfWidth, met } = precisionStatus(table, params, target, done);
  return {
    target: target.target,
    relative: target.relative,
    halfWidth,
    trialsUsed: done,
    maxTrials: target.maxTrials,
    stoppedBy: met ? 'precision' : 'maxTrials',
    batches: [...batches],
    convergence: convergencePath(strategyColumn(table, a.key, 'npv'), strategyColumn(table, b.key, 'npv'), done),
  };
}
