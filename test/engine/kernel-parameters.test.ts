/**
 * The kernel's flat parameter layout (src/kernel/parameter-layout.ts): no two
 * figures share a slot, every table has the length its vocabulary says, the
 * block is written slot for slot with nothing forgotten or doubled, and the
 * kernel's file is named the same way by the build and by the engine.
 */
import { describe, expect, it } from 'vitest';
import { kernelKey as builtKernelKey, KERNEL_COMPILE_OPTIONS as BUILD_OPTIONS } from '../../bin/build-kernel.js';
import { KERNEL_COMPILE_OPTIONS, kernelKey } from '../../src/engine/kernel-file.ts';
import { readdirSync } from 'node:fs';
import { kernelParameterFields, kernelParameterLength, kernelParameters, strategyOffset, writeParameterBlock } from '../../src/engine/kernel-parameters.ts';
import * as L from '../../src/kernel/parameter-layout.ts';
import { compileParameters } from '../../src/model/parameters.ts';
import { loadScenario } from '../../src/scenario/load-scenario.ts';

const TABLES: [string, number][] = [
  ['BARRIER_LEVELS', 5],
  ['WALLET_SHARE', 3],
  ['OPPORTUNITY_MIX', 12],
  ['DEAL_SIZE', 12],
  ['VISIBILITY_BASE', 3],
  ['EARLY_ENTRY_BASE', 3],
  ['GROSS_MARGIN', 3],
  ['BASE_DISCOUNT', 3],
  ['PURCHASING_DISCOUNT', 3],
  ['COVERAGE_COST', 3],
  ['PURSUIT_COST', 3],
  ['RELATIONSHIP_GAIN', 3],
  ['ANNUITY_RATE', 3],
  ['ANNUITY_MARGIN', 3],
  ['FTE', 3],
  ['COMPETENCY_RATIO', 3],
  ['BASE_WIN_PROBABILITY', 4],
  ['MEAN_CYCLE_MONTHS', 4],
  ['STAGES', 4],
  ['WALL_DECISION_MAKERS', 4],
  ['VALUATION_RATES', L.RATE_COUNT],
];
const layout = L as unknown as Record<string, number>;

describe('the kernel parameter layout', () => {
  it('gives every scalar its own slot before the tables, and the tables their lengths, back to back', () => {
    const tableNames = new Set(TABLES.map(([name]) => name));
    const strategyFields = ['RATE_COUNT', 'FIXED_LENGTH', 'STRATEGY_OPEN', 'STRATEGY_RAMP_MONTHS', 'STRATEGY_BUILD_COST', 'STRATEGY_PRODUCT_MODE', 'STRATEGY_STRIDE'];
    const scalars = Object.entries(layout).filter(([name]) => !tableNames.has(name) && !strategyFields.includes(name));
    expect(new Set(scalars.map(([, offset]) => offset)).size).toBe(scalars.length);
    expect(Math.max(...scalars.map(([, offset]) => offset))).toBeLessThan(L.BARRIER_LEVELS);
    let next = L.BARRIER_LEVELS;
    for (const [name, length] of TABLES) {
      expect(layout[name], name).toBe(next);
      next += length;
    }
    expect(next).toBe(L.FIXED_LENGTH);
    expect(L.STRATEGY_PRODUCT_MODE + 3).toBeLessThanOrEqual(L.STRATEGY_STRIDE);
  });

  it('holds a four-plan scenario with its horizon-long factor tables', () => {
    const params = compileParameters(loadScenario('scenarios/hp-cso-four-plans.yaml').scenario);
    const block = kernelParameters(params);
    expect(block.length).toBe(kernelParameterLength(72, 4));
    expect(block[L.HORIZON]).toBe(72);
    expect(block[L.FIXED_LENGTH + 71]).toBe(params.discountFactors[71]);
    expect(block[L.FIXED_LENGTH + 3 * 72]).toBe(params.valuationFactors[2]![0]);
    const last = strategyOffset(72, 3);
    expect(Array.from(block.subarray(last, last + 3))).toEqual(Array.from(params.strategies[3]!.open));
  });

  it('writes every slot of every bundled scenario\'s block exactly once, to a finite figure', () => {
    for (const name of readdirSync('scenarios').filter((file) => file.endsWith('.yaml'))) {
      const params = compileParameters(loadScenario(`scenarios/${name}`).scenario);
      const block = kernelParameters(params);
      expect(block.length, name).toBe(L.FIXED_LENGTH + (1 + L.RATE_COUNT) * params.horizonMonths + params.strategies.length * L.STRATEGY_STRIDE);
      expect(block.every(Number.isFinite), name).toBe(true);
    }
  });

  it('fails loudly, naming the slot, when a field is forgotten, two share a slot, or one runs past the end', () => {
    const params = compileParameters(loadScenario('scenarios/hp-cso.yaml').scenario);
    const T = params.horizonMonths;
    const length = kernelParameterLength(T, params.strategies.length);
    const fields = kernelParameterFields(params);
    // Leaving out any one field leaves a slot unwritten.
    fields.forEach((_, i) => expect(() => writeParameterBlock(length, fields.toSpliced(i, 1), T), `field ${i}`).toThrow('is never written'));
    expect(() => writeParameterBlock(length, fields.filter(([offset]) => offset !== L.CAPACITY), T)).toThrow('slipped: CAPACITY (slot 11) is never written');
    expect(() => writeParameterBlock(length, [...fields, [L.WALLET_SHARE + 1, 0]], T)).toThrow('slipped: WALLET_SHARE + 1 (slot 62) is written by two fields');
    expect(() => writeParameterBlock(length, [...fields, [strategyOffset(T, 1) + L.STRATEGY_BUILD_COST, 0]], T)).toThrow("strategy 1's slot 4 (slot");
    expect(() => writeParameterBlock(length - 1, fields, T)).toThrow(`runs past the block's ${length - 1} doubles`);
    expect(() => writeParameterBlock(length + 1, fields, T)).toThrow(`(slot ${length}) is never written`);
  });

  it('names the kernel the same way in the build and in the engine', () => {
    expect(BUILD_OPTIONS).toEqual(KERNEL_COMPILE_OPTIONS);
    expect(builtKernelKey()).toBe(kernelKey());
  });
});
