/**
 * The one trial loop, on any EngineSession: for each trial, its world once,
 * every plan on it (common random numbers), then the compared pair of each
 * variant (those sharing the base world first, then each on its own world),
 * recorded into the range's table. Each variant's figures are keyed by the
 * variant, so the order they are played in changes no figure.
 */
import { drawBarriers } from '../model/account.ts';
import { BARRIER_COUNT, STREAM_COUNT } from '../scenario/vocabulary.ts';
import { refuseWorld, type EngineSession } from './engine-session.ts';
import { recordAccount, recordOutcome } from './outcome-table.ts';
import { copyGrid, createGrid, recordContrasts, recordGridCells, recordRunGrid, reportProgress, type TrialRange } from './trial-range.ts';
import { recordVariant } from './variants.ts';
import type { ModelParameters } from '../model/parameters.ts';

/** Outcome slots a range's loop plays into: one per plan, then the variants' A and B. */
export function trialLoopSlots(range: TrialRange): number {
  return range.params.strategies.length + 2;
}

export function playTrials<Set extends { params: ModelParameters }>(session: EngineSession<Set>, range: TrialRange): void {
  const { params, seed, start, count, table, recorders, variants, variantTrials, first, second } = range;
  const horizon = params.horizonMonths;
  const plans = params.strategies.length;
  const slotA = plans;
  const slotB = plans + 1;
  const base = session.addParameters(params);
  const variantSets = variants.map((v) => session.addParameters(v.params));
  // Variants sharing the base world play before any variant replaces it with its own.
  const order = variants.map((_, v) => v).sort((a, b) => Number(!variants[a]!.sharesBaseWorld) - Number(!variants[b]!.sharesBaseWorld));
  const variantA = new Float64Array(variants.length);
  const variantB = new Float64Array(variants.length);
  const barriers = new Float64Array(BARRIER_COUNT);
  const walletByStream = new Float64Array(STREAM_COUNT);
  const npv = new Float64Array(plans);
  // The pair's valuation grids on the base world (the run's own grid, and what grid variants change) and a grid variant's, copied since the next play reuses the outcome.
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
      if (index === first) copyGrid(outcome, grids.baseA);
      if (index === second) copyGrid(outcome, grids.baseB);
    }
    recordRunGrid(range, grids.baseA, grids.baseB);
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
