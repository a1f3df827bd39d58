/**
 * Variants: other versions of a scenario (a barrier removed, a sweep point)
 * played by the compared pair of strategies on the same worlds as the base run, so every
 * change is measured trial by trial. Variants keep exact sums only (no
 * per-trial storage), so they merge across workers and shards like the rest.
 */
import { compileParameters, type ModelParameters } from '../model/parameters.ts';
import { GRID_TERMINAL_VALUES, VALUATION_RATE_COUNT, type TerminalValueSetting } from '../model/valuation-grid.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { addExact, mergeExact, type ExactSumState } from './exact-sum.ts';

/** A variant to run: plain data, sent to workers as is. */
export interface Variant {
  /** Unique key, e.g. `ablation.functionalWalls.removed` or `sweep.3`. */
  key: string;
  scenario: Scenario;
  /**
   * Also record the pair's difference in every cell of the valuation grid
   * (model/valuation-grid.ts), under `valuationGridKey(key, rate, terminal)`:
   * the variant's own cash valued at each grid rate, with and without the
   * run-rate terminal value, from the same two policy runs.
   */
  valuationGrid?: boolean;
}

/**
 * A contrast: a weighted sum of variants' changes from the base run, measured
 * per trial (e.g. the interaction: all barriers removed minus the sum of each
 * removed alone). Its `aChange`, `bChange` and `diffChange` are the
 * contrast; its other quantities carry no meaning.
 */
export interface Contrast {
  key: string;
  terms: { variant: string; weight: number }[];
}

/**
 * Per-trial quantities a variant accumulates for the run's compared pair
 * (strategy A against B, B by default the baseline): their NPVs, A − B, and
 * the changes of each from the base run.
 */
export const VARIANT_QUANTITIES = ['a', 'b', 'diff', 'aChange', 'bChange', 'diffChange'] as const;
export type VariantQuantity = (typeof VARIANT_QUANTITIES)[number];

/** Exact sums of each quantity and of its square, over `count` trials, and how many of them A beat B on. */
export interface VariantSums {
  count: number;
  better: number;
  sum: Record<VariantQuantity, ExactSumState>;
  sumOfSquares: Record<VariantQuantity, ExactSumState>;
}

export function createVariantSums(): VariantSums {
  const empty = () => Object.fromEntries(VARIANT_QUANTITIES.map((q) => [q, []])) as unknown as Record<VariantQuantity, ExactSumState>;
  return { count: 0, better: 0, sum: empty(), sumOfSquares: empty() };
}

function add(sums: VariantSums, quantity: VariantQuantity, value: number): void {
  if (value === 0) return;
  addExact(sums.sum[quantity], value);
  addExact(sums.sumOfSquares[quantity], value * value);
}

/** Records one trial of a variant (the pair's NPVs a, b) next to the base run's NPVs on the same world. */
export function recordVariant(sums: VariantSums, a: number, b: number, baseA: number, baseB: number): void {
  sums.count++;
  if (a > b) sums.better++;
  add(sums, 'a', a);
  add(sums, 'b', b);
  add(sums, 'diff', a - b);
  add(sums, 'aChange', a - baseA);
  add(sums, 'bChange', b - baseB);
  add(sums, 'diffChange', a - b - (baseA - baseB));
}

/** Records one trial's difference A − B alone (the run's own valuation grid: its other quantities stay empty). */
export function recordDifference(sums: VariantSums, diff: number): void {
  sums.count++;
  if (diff > 0) sums.better++;
  add(sums, 'diff', diff);
}

export function mergeVariantSums(into: VariantSums, other: VariantSums): void {
  into.count += other.count;
  into.better += other.better;
  for (const quantity of VARIANT_QUANTITIES) {
    mergeExact(into.sum[quantity], other.sum[quantity]);
    mergeExact(into.sumOfSquares[quantity], other.sumOfSquares[quantity]);
  }
}

/**
 * What the world generator reads: variants with the same key share the base
 * world; others (a different wallet, mix, deal size or horizon) get their own,
 * from the same per-trial seeds.
 */
export function arrivalKey(params: ModelParameters): string {
  return JSON.stringify([
    params.horizonMonths,
    params.walletMedian,
    params.walletSigma,
    Array.from(params.walletShare),
    Array.from(params.opportunityMix),
    Array.from(params.dealSize),
    params.dealValueSigma,
  ]);
}

/** The key of a grid variant's sums in one valuation-grid cell (rate index 0 … 2). */
export function valuationGridKey(variantKey: string, rate: number, terminal: TerminalValueSetting): string {
  return `${variantKey}.rate${rate}.${terminal}`;
}

/** A grid variant's cells, in the order runTrials records them: terminal value, then rate. */
export function valuationGridCells(variantKey: string): { key: string; rate: number; terminal: TerminalValueSetting }[] {
  return GRID_TERMINAL_VALUES.flatMap((terminal) => Array.from({ length: VALUATION_RATE_COUNT }, (_, rate) => ({ key: valuationGridKey(variantKey, rate, terminal), rate, terminal })));
}

/**
 * The run's own valuation grid: every trial's pair difference A − B valued in
 * each grid cell at the run's horizon, kept as sums under
 * `valuationGridKey(RUN_GRID_KEY, rate, terminal)` like a grid variant's, but
 * of `diff` alone (recordDifference). Every table records it, on all its
 * trials, so the valuation check needs no per-trial grid columns.
 */
export const RUN_GRID_KEY = 'valuation.run';

/** Every key a table of these variants and contrasts holds sums under: the run's own grid cells, then the variants' (grid variants' cells included), then the contrasts'. */
export function variantSumKeys(variants: readonly Pick<Variant, 'key' | 'valuationGrid'>[], contrasts: readonly Pick<Contrast, 'key'>[] = []): string[] {
  return [
    ...valuationGridCells(RUN_GRID_KEY).map((cell) => cell.key),
    ...variants.flatMap((v) => [v.key, ...(v.valuationGrid ? valuationGridCells(v.key).map((cell) => cell.key) : [])]),
    ...contrasts.map((c) => c.key),
  ];
}

/** A variant compiled for the kernel. */
export interface CompiledVariant {
  key: string;
  params: ModelParameters;
  sharesBaseWorld: boolean;
  /** The valuation-grid cells it records (empty unless `valuationGrid`). */
  gridCells: ReturnType<typeof valuationGridCells>;
}

export function compileVariants(base: ModelParameters, variants: readonly Variant[]): CompiledVariant[] {
  const baseKey = arrivalKey(base);
  return variants.map((variant) => {
    const params = compileParameters(variant.scenario);
    return { key: variant.key, params, sharesBaseWorld: arrivalKey(params) === baseKey, gridCells: variant.valuationGrid ? valuationGridCells(variant.key) : [] };
  });
}
