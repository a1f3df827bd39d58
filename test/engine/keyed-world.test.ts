/** The world reads keyed uniforms (MODEL.md §3): each draw is the uniform of its purpose, whatever else arrived. */
import { describe, expect, it } from 'vitest';
import { ACCOUNT, CELL, generatorKey, keyedUniform, MONTH_DECISION, MONTH_LEVEL, OPPORTUNITY_DECISION } from '../../src/engine/keyed-uniform.ts';
import { CELLS_PER_MONTH, createWorld, generateWorld, OPP_EARLY_UNIFORM, OPP_FAILURE_UNIFORM, OPP_STAGE_UNIFORMS, OPP_VALUE, OPP_VISIBILITY_UNIFORM, OPPORTUNITY_STRIDE, type World } from '../../src/engine/world.ts';
import { walletFromNormal } from '../../src/model/account.ts';
import type { ModelParameters } from '../../src/model/parameters.ts';
import { normalFromUniform } from '../../src/model/sampling.ts';
import { PROJECT_TYPE_COUNT } from '../../src/scenario/vocabulary.ts';
import { paramsFrom } from '../helpers.ts';

const SEED = 11;

/** Every opportunity of `world` by its purpose: "t/s/k/j" → its stored row. */
function byPurpose(world: World): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (let cell = 0; cell < world.horizonMonths * CELLS_PER_MONTH; cell++) {
    const t = Math.floor(cell / CELLS_PER_MONTH);
    const s = Math.floor((cell % CELLS_PER_MONTH) / PROJECT_TYPE_COUNT);
    const k = cell % PROJECT_TYPE_COUNT;
    for (let deal = world.cellStart[cell]!, j = 0; deal < world.cellStart[cell + 1]!; deal++, j++) {
      rows.set(`${t}/${s}/${k}/${j}`, Array.from(world.opportunities.subarray(deal * OPPORTUNITY_STRIDE, (deal + 1) * OPPORTUNITY_STRIDE)));
    }
  }
  return rows;
}

function withDealSize(params: ModelParameters, cell: number, factor: number): ModelParameters {
  const dealSize = Float64Array.from(params.dealSize);
  dealSize[cell] = dealSize[cell]! * factor;
  return { ...params, dealSize };
}

describe('generateWorld with keyed uniforms', () => {
  const params = paramsFrom('name: keyed\nhorizonMonths: 24\n');

  it('draws each value from the uniform of its purpose (the layout of keyed-uniform.ts)', () => {
    const key = generatorKey(SEED);
    const trial = 5;
    const world = generateWorld(params, SEED, trial, createWorld(24));
    const u = (month: number, stream: number, type: number, opportunity: number, decision: number) => keyedUniform(key, trial, month, stream, type, opportunity, decision);
    expect(world.wallet).toBe(walletFromNormal(params.walletMedian, params.walletSigma, normalFromUniform(u(ACCOUNT, 0, 0, CELL, 0))));
    expect(world.barrierCommonNormal).toBe(normalFromUniform(u(ACCOUNT, 0, 0, CELL, 1)));
    expect(world.barrierNormals[4]).toBe(normalFromUniform(u(ACCOUNT, 0, 0, CELL, 6)));
    expect(world.churnUniforms[3]).toBe(u(3, MONTH_LEVEL, MONTH_LEVEL, CELL, MONTH_DECISION.churn));
    expect(world.migrationUniforms[23]).toBe(u(23, MONTH_LEVEL, MONTH_LEVEL, CELL, MONTH_DECISION.migration));
    let checked = 0;
    for (const [purpose, row] of byPurpose(world)) {
      const [t, s, k, j] = purpose.split('/').map(Number) as [number, number, number, number];
      expect(row[OPP_VISIBILITY_UNIFORM]).toBe(u(t, s, k, j, OPPORTUNITY_DECISION.visibility));
      expect(row[OPP_EARLY_UNIFORM]).toBe(u(t, s, k, j, OPPORTUNITY_DECISION.entry));
      expect(row[OPP_STAGE_UNIFORMS + 4]).toBe(u(t, s, k, j, OPPORTUNITY_DECISION.firstStage + 4));
      expect(row[OPP_FAILURE_UNIFORM]).toBe(u(t, s, k, j, OPPORTUNITY_DECISION.deliveryFailure));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('keeps every other draw when one cell’s deal size changes its arrival count', () => {
    const cell = 1 * PROJECT_TYPE_COUNT + 2; // midstream expansion
    const smaller = withDealSize(params, cell, 0.25); // four times the arrivals in that cell
    let changedCells = 0;
    for (let trial = 0; trial < 20; trial++) {
      const base = generateWorld(params, SEED, trial, createWorld(24));
      const variant = generateWorld(smaller, SEED, trial, createWorld(24));
      expect(variant.wallet).toBe(base.wallet);
      expect(Array.from(variant.churnUniforms)).toEqual(Array.from(base.churnUniforms));
      expect(Array.from(variant.migrationUniforms)).toEqual(Array.from(base.migrationUniforms));
      const before = byPurpose(base);
      const after = byPurpose(variant);
      for (const [purpose, row] of before) {
        const [, s, k] = purpose.split('/').map(Number) as [number, number, number, number];
        const other = after.get(purpose);
        if (s * PROJECT_TYPE_COUNT + k !== cell) {
          expect(other).toEqual(row);
        } else if (other) {
          // The same opportunity of the changed cell: same uniforms, its value a quarter (same z).
          expect(other.slice(OPP_VALUE + 1)).toEqual(row.slice(OPP_VALUE + 1));
          expect(other[OPP_VALUE]).toBeCloseTo(row[OPP_VALUE]! * 0.25, 12);
        }
      }
      for (let t = 0; t < 24; t++) if (variant.cellStart[t * CELLS_PER_MONTH + cell + 1]! - variant.cellStart[t * CELLS_PER_MONTH + cell]! !== base.cellStart[t * CELLS_PER_MONTH + cell + 1]! - base.cellStart[t * CELLS_PER_MONTH + cell]!) changedCells++;
      expect(after.size).toBeGreaterThanOrEqual(before.size);
    }
    // The test means something only if the counts did change.
    expect(changedCells).toBeGreaterThan(20);
  });

  it('gives the same world for a trial whatever was generated before it', () => {
    const fresh = generateWorld(params, SEED, 9, createWorld(24));
    const reused = createWorld(24);
    for (let trial = 0; trial < 9; trial++) generateWorld(params, SEED + trial, trial, reused);
    generateWorld(params, SEED, 9, reused);
    expect(byPurpose(reused)).toEqual(byPurpose(fresh));
    expect(reused.blocksDrawn).toBe(fresh.blocksDrawn);
  });
});
