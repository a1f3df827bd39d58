/**
 * Uniforms keyed by purpose (MODEL.md §3): each one a pure function of
 * (seed, trial, month, stream, type, opportunity index, decision) through
 * Philox4x32-10, so a variant that changes how many opportunities arrive
 * still shares every other opportunity's uniforms (docs/engine-v2.md).
 *
 * Layout (128-bit counter, 64-bit key):
 *   key     = two 32-bit words derived from the scenario seed by seedrandom
 *   c0      = trial index
 *   c1      = month << 16 | stream << 8 | type   (month ACCOUNT for account draws)
 *   c2      = opportunity index in its (month, stream, type) cell (CELL for the cell's own draws)
 *   c3      = decision >>> 2
 *   word    = decision & 3   (one Philox call yields four consecutive decisions)
 * A uniform is its word / 2^32, in [0, 1) with 32-bit resolution, as today's stream.
 *
 * Purposes (decision indices below; docs/engine-v2.md explains the order):
 *   account     month ACCOUNT, stream 0, type 0, opportunity CELL: wallet z, common barrier z, z_x per barrier
 *   month t     stream MONTH_LEVEL, type MONTH_LEVEL, opportunity CELL: churn, migration, then the
 *               arrival count of cell (s, k) at decision 2 + s·4 + k
 *   opportunity (t, s, k, j): value z, visibility, entry, duration u1, duration u2, discount z,
 *               stages 1–5, delivery failure (in the order a policy reads them: three blocks)
 */
import seedrandom from 'seedrandom';
import * as U from '../kernel/uniform-layout.ts';
import { philox4x32 } from './philox.ts';

/** The generator key of a run: two 32-bit words. */
export interface GeneratorKey {
  readonly k0: number;
  readonly k1: number;
}

export { ACCOUNT, CELL, MONTH_LEVEL } from '../kernel/uniform-layout.ts';
/** Largest month, stream and type the layout holds. */
export const LAYOUT_LIMITS = { month: U.ACCOUNT - 1, stream: U.MONTH_LEVEL - 1, type: U.MONTH_LEVEL - 1 } as const;

/** Decisions of the account's draws. */
export const ACCOUNT_DECISION = { walletNormal: U.ACCOUNT_WALLET_NORMAL, barrierCommonNormal: U.ACCOUNT_BARRIER_COMMON_NORMAL, firstBarrierNormal: U.ACCOUNT_FIRST_BARRIER_NORMAL } as const;
/** Decisions of a month's own draws; the arrival count of cell c = s·4 + k is at firstArrivalCount + c. */
export const MONTH_DECISION = { churn: U.MONTH_CHURN, migration: U.MONTH_MIGRATION, firstArrivalCount: U.MONTH_FIRST_ARRIVAL_COUNT } as const;
/** Decisions of one opportunity, in the order a policy needs them. */
export const OPPORTUNITY_DECISION = {
  valueNormal: U.OPP_VALUE_NORMAL,
  visibility: U.OPP_VISIBILITY,
  entry: U.OPP_ENTRY,
  durationFirst: U.OPP_DURATION_FIRST,
  durationSecond: U.OPP_DURATION_SECOND,
  discountNormal: U.OPP_DISCOUNT_NORMAL,
  firstStage: U.OPP_FIRST_STAGE,
  deliveryFailure: U.OPP_DELIVERY_FAILURE,
} as const;

/** The run's generator key, from its seed through seedrandom's default generator (ARC4), so nearby seeds give unrelated keys. */
export function generatorKey(seed: number): GeneratorKey {
  const prng = seedrandom(`expansim:philox:${seed}`);
  return { k0: prng.int32() >>> 0, k1: prng.int32() >>> 0 };
}

/** Throws unless (month, stream, type) fits the counter layout; called once per scenario, not per draw. */
export function checkUniformLayout(months: number, streams: number, types: number): void {
  if (months - 1 > LAYOUT_LIMITS.month || streams - 1 > LAYOUT_LIMITS.stream || types - 1 > LAYOUT_LIMITS.type) {
    throw new Error(`keyed uniforms hold at most ${LAYOUT_LIMITS.month + 1} months, ${LAYOUT_LIMITS.stream + 1} streams and ${LAYOUT_LIMITS.type + 1} types`);
  }
}

const TO_UNIT = 2 ** -32;

/**
 * Keyed uniforms with the last Philox block kept, so consecutive decisions of
 * one opportunity (0–3, 4–7, …) cost one Philox call per four uniforms.
 * Cost: one Philox4x32-10 call (≈ 40 integer multiplies) per new block.
 */
export class KeyedUniforms {
  private readonly block = new Uint32Array(4);
  private c0 = -1;
  private c1 = -1;
  private c2 = -1;
  private c3 = -1;

  constructor(private readonly key: GeneratorKey) {}

  /**
   * The uniform of one purpose, in [0, 1).
   * @example new KeyedUniforms({ k0: 0, k1: 0 }).uniform(0, 0, 0, 0, 0, 0) * 2 ** 32 // => 0x6627e8d5 (the first word of Philox4x32-10 at zero)
   */
  uniform(trial: number, month: number, stream: number, type: number, opportunity: number, decision: number): number {
    const c1 = ((month << 16) | (stream << 8) | type) >>> 0;
    const c2 = opportunity >>> 0;
    const c3 = decision >>> 2;
    if (trial !== this.c0 || c1 !== this.c1 || c2 !== this.c2 || c3 !== this.c3) {
      philox4x32(trial, c1, c2, c3, this.key.k0, this.key.k1, this.block);
      this.c0 = trial;
      this.c1 = c1;
      this.c2 = c2;
      this.c3 = c3;
    }
    return (this.block[decision & 3] ?? 0) * TO_UNIT;
  }
}

const scratch = new Uint32Array(4);

/**
 * One keyed uniform without a cache: (run key, trial, month, stream, type, opportunity, decision) → [0, 1).
 * @example keyedUniform({ k0: 0, k1: 0 }, 0, 0, 0, 0, 0, 3) * 2 ** 32 // => 0x9b00dbd8 (decision 3: the fourth word of the block)
 */
export function keyedUniform(key: GeneratorKey, trial: number, month: number, stream: number, type: number, opportunity: number, decision: number): number {
  philox4x32(trial, ((month << 16) | (stream << 8) | type) >>> 0, opportunity >>> 0, decision >>> 2, key.k0, key.k1, scratch);
  return (scratch[decision & 3] ?? 0) * TO_UNIT;
}
