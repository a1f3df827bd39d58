/**
 * The trial loop on the WebAssembly kernel: one world per trial in the
 * kernel's memory, every plan played on it, then the variants' pairs (those
 * sharing the base world first, then each with its own), recorded through
 * the same functions as the reference's loop (run-trials.ts), so every
 * statistic downstream reads the same table.
 */
import { drawBarriers } from '../model/account.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { BARRIER_COUNT, PROJECT_TYPE_COUNT, STREAM_COUNT } from '../scenario/vocabulary.ts';
import { checkUniformLayout } from './keyed-uniform.ts';
import { recordAccount, recordOutcome } from './outcome-table.ts';
import { copyGrid, createGrid, recordContrasts, recordGridCells, reportProgress, type TrialRange } from './trial-range.ts';
import { recordVariant } from './variants.ts';
import { KernelSession, type KernelModule, type KernelParameterSet } from './wasm-kernel.ts';
import { createWorld, generateWorld } from './world.ts';

/** A world the kernel refused as too large: the reference generates it to raise its RunLimitError, with its message. */
export function refuseWorld(params: ModelParameters, seed: number, trial: number): never {
  generateWorld(params, seed, trial, createWorld(params.horizonMonths));
  throw new Error(`the kernel refused trial ${trial}'s world as too large, but the reference generated it`);
}

export function runTrialsOnKernel(module: KernelModule, range: TrialRange): void {
  const { params, seed, start, count, table, recorders, variants, variantTrials, first, second } = range;
  const horizon = params.horizonMonths;
  const plans = params.strategies.length;
  for (const p of [params, ...variants.map((v) => v.params)]) checkUniformLayout(p.horizonMonths, STREAM_COUNT, PROJECT_TYPE_COUNT);
  const maxHorizon = Math.max(horizon, ...variants.map((v) => v.params.horizonMonths));
  const slotA = plans;
  const slotB = plans + 1;
  const session = new KernelSession(module, seed, horizon, plans + 2, maxHorizon);
  const base = session.addParameters(params);
  // Variants sharing the base world play before any variant replaces it with its own.
  const order = variants.map((_, v) => v).sort((a, b) => Number(!variants[a]!.sharesBaseWorld) - Number(!variants[b]!.sharesBaseWorld));
  const variantSets: KernelParameterSet[] = variants.map((v) => session.addParameters(v.params));
  const variantA = new Float64Array(variants.length);
  const variantB = new Float64Array(variants.length);
  const barriers = new Float64Array(BARRIER_COUNT);
  const walletByStream = new Float64Array(STREAM_COUNT);
  const npv = new Float64Array(plans);
  // The pair's valuation grids on the base world and a grid variant's, copied out of the kernel's memory.
  const anyGrid = variants.some((v) => v.gridCells.length > 0);
  const grids = { baseA: createGrid(), baseB: createGrid(), variantA: createGrid(), variantB: createGrid() };

  for (let trial = start; trial < start + count; trial++) {
    if (!session.generate(base, trial)) refuseWorld(params, seed, trial);
    const wallet = session.wallet;
    drawBarriers(params, session.barrierCommonNormal, session.barrierNormals, barriers);
    recordAccount(table, trial, wallet, barriers);
    for (let s = 0; s < STREAM_COUNT; s++) walletByStream[s] = (params.walletShare[s]! * wallet * horizon) / 12;
    for (let index = 0; index < plans; index++) {
      const outcome = session.play(base, index, index);
      recordOutcome(recorders[index]!, trial, outcome, walletByStream);
      npv[index] = outcome.npv;
      if (anyGrid && trial < variantTrials && index === first) copyGrid(outcome, grids.baseA);
      if (anyGrid && trial < variantTrials && index === second) copyGrid(outcome, grids.baseB);
    }
    if (trial < variantTrials) {
      for (const v of order) {
        const variant = variants[v]!;
        const set = variantSets[v]!;
        if (!variant.sharesBaseWorld && !session.generate(set, trial)) refuseWorld(variant.params, seed, trial);
        const outcomeA = session.play(set, first, slotA);
        const a = outcomeA.npv;
        if (variant.gridCells.length > 0) copyGrid(outcomeA, grids.variantA);
        const outcomeB = session.play(set, second, slotB);
        const b = outcomeB.npv;
        recordVariant(table.variants[variant.key]!, a, b, npv[first]!, npv[second]!);
        if (variant.gridCells.length > 0) {
          copyGrid(outcomeB, grids.variantB);
          recordGridCells(range, variant, grids.variantA, grids.variantB, grids.baseA, grids.baseB);
        }
        variantA[v] = a;
        variantB[v] = b;
      }
      recordContrasts(range, variantA, variantB, npv);
    }
    reportProgress(range, trial);
  }
}
