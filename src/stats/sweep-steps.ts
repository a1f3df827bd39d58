/**
 * The paired change of the verdict between neighbouring points of a
 * one-parameter sweep. Every point is played on the same trials, so the
 * change d_{i+1} − d_i of the compared pair's NPV difference is measured
 * trial by trial (a contrast of the two points' variants), and its standard
 * error P gives the covariance of the two points' means:
 * C = (SE_i² + SE_{i+1}² − P²) / 2. The break-even interval between two
 * points reads that covariance (lineCrossings in sweep.ts).
 */
import type { Contrast } from '../engine/variants.ts';
import type { MeanEstimate } from './variant-statistics.ts';

/** The contrast key of the step from point `i` to point `i + 1` in the outcome table. */
export const sweepStepKey = (i: number) => `sweep.step.${i}`;

/**
 * One contrast per pair of neighbouring points of a line of `count` points,
 * whose variants are keyed by `pointKey`: point i + 1's change from the base
 * run less point i's, so its `diffChange` is d_{i+1} − d_i on each trial.
 */
export function sweepStepContrasts(count: number, pointKey: (i: number) => string): Contrast[] {
  return Array.from({ length: Math.max(0, count - 1) }, (_, i) => ({
    key: sweepStepKey(i),
    terms: [
      { variant: pointKey(i + 1), weight: 1 },
      { variant: pointKey(i), weight: -1 },
    ],
  }));
}

/** From point `from` to point `from + 1`. */
export interface SweepStep {
  from: number;
  to: number;
  /** d_{to} − d_{from}, per trial on the same trials: its mean and standard error. */
  change: { mean: number; se: number | null };
  /** √(SE_from² + SE_to²): the change's standard error were the two points played on unrelated worlds. */
  unpairedSe: number | null;
  /** Correlation of the two points' per-trial differences, from the three standard errors; null when a point has no spread. */
  correlation: number | null;
}

/**
 * The step between two points from their difference estimates and the
 * estimate of the per-trial change between them.
 *
 * @example sweepStep(0, { mean: 1, se: 0.5, ci95: null }, { mean: 2, se: 0.5, ci95: null }, { mean: 1, se: 0.1, ci95: null }) // => { from: 0, to: 1, change: { mean: 1, se: 0.1 }, unpairedSe: 0.7071067811865476, correlation: 0.98 }
 */
export function sweepStep(from: number, before: MeanEstimate, after: MeanEstimate, change: MeanEstimate): SweepStep {
  const unpairedSe = before.se === null || after.se === null ? null : Math.hypot(before.se, after.se);
  let correlation: number | null = null;
  if (before.se !== null && after.se !== null && change.se !== null && before.se > 0 && after.se > 0) {
    const covariance = (before.se * before.se + after.se * after.se - change.se * change.se) / 2;
    // Each SE carries its own rounding; a correlation is never outside [−1, 1].
    correlation = Math.max(-1, Math.min(1, covariance / (before.se * after.se)));
  }
  return { from, to: from + 1, change: { mean: change.mean, se: change.se }, unpairedSe, correlation };
}

/**
 * The half-width of the 95% interval of the linear interpolation
 * (1 − t)·d_i + t·d_{i+1} between two points whose intervals have
 * half-widths hBefore and hAfter and whose means correlate `correlation`:
 * √((1 − t)²h_i² + t²h_{i+1}² + 2t(1 − t)·ρ·h_i·h_{i+1}). With ρ = 1 it is the
 * linear interpolation of the half-widths, the widest any pairing allows.
 *
 * @example interpolatedHalfWidth(1, 1, 0, 0.5) // => 0.7071067811865476
 * @example interpolatedHalfWidth(1, 1, 1, 0.5) // => 1
 */
export function interpolatedHalfWidth(hBefore: number, hAfter: number, correlation: number, t: number): number {
  const u = 1 - t;
  return Math.sqrt(Math.max(0, u * u * hBefore * hBefore + t * t * hAfter * hAfter + 2 * t * u * correlation * hBefore * hAfter));
}
