/**
 * The account drawn once per trial (MODEL.md §3.1): its wallet and its five
 * barrier levels, jittered together.
 */
import { BARRIER_COUNT } from '../scenario/vocabulary.ts';
import type { ModelParameters } from './parameters.ts';

/**
 * The account's yearly IT wallet, W = median·exp(sigma·z), $M.
 *
 * @example walletFromNormal(20, 0.8, 0) // => 20
 */
export function walletFromNormal(median: number, sigma: number, z: number): number {
  return median * Math.exp(sigma * z);
}

/**
 * One barrier's level in this account:
 * clip(level + jitter·(√ρ·z_common + √(1−ρ)·z_own), 0, 1). The common normal
 * makes barriers of one account move together.
 *
 * @example jitteredBarrier(0.6, 0.1, 0.5, 0, 0) // => 0.6
 */
export function jitteredBarrier(level: number, jitter: number, correlation: number, zCommon: number, zOwn: number): number {
  const value = level + jitter * (Math.sqrt(correlation) * zCommon + Math.sqrt(1 - correlation) * zOwn);
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/**
 * Fills `barriers` (BARRIERS order) with this account's levels from the
 * world's normals `zCommon` and `zOwn[x]`.
 */
export function drawBarriers(params: ModelParameters, zCommon: number, zOwn: Float64Array, barriers: Float64Array): void {
  for (let x = 0; x < BARRIER_COUNT; x++) {
    barriers[x] = jitteredBarrier(params.barrierLevels[x]!, params.barrierJitter, params.barrierCorrelation, zCommon, zOwn[x]!);
  }
}
