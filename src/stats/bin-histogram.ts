/**
 * Histograms computed in TypeScript, so a chart hands vega tens of bins
 * instead of every trial (vega binning 100k raw values costs seconds).
 */
import { quantileOfSorted, sortedCopy } from './sample-statistics.ts';

/** Equal-width bins: bin i covers [start + i·width, start + (i+1)·width). */
export interface Binning {
  start: number;
  width: number;
  count: number;
}

export interface Histogram extends Binning {
  /** Values in each bin; the last bin also holds values equal to its upper edge. */
  counts: number[];
  /** Values below the first bin and above the last one (left out of `counts`). */
  below: number;
  above: number;
  total: number;
}

/** A range [min, max] and the quantiles it was cut at. */
export interface ClippedRange {
  min: number;
  max: number;
  lowerQuantile: number;
  upperQuantile: number;
}

/**
 * Rounds away binary noise so bin edges in specs and goldens stay readable.
 *
 * @example roundEdge(0.1 + 0.2) // => 0.3
 */
export function roundEdge(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(12));
}

/**
 * The smallest "nice" step (1, 2, 2.5 or 5 times a power of ten) at least
 * `span / target`: bins a reader can add up in their head.
 *
 * @example niceStep(17, 40) // => 0.5
 */
export function niceStep(span: number, target: number): number {
  if (!(span > 0) || !(target >= 1)) return 1;
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const multiple of [1, 2, 2.5, 5, 10]) {
    if (multiple * power >= raw * (1 - 1e-12)) return roundEdge(multiple * power);
  }
  return roundEdge(10 * power);
}

/**
 * About `target` equal bins of a nice width covering [min, max], their edges
 * multiples of the width (so 0 is always an edge). A point range gets one bin.
 *
 * @example niceBinning(-1.3, 7.9, 10) // => { start: -2, width: 1, count: 10 }
 */
export function niceBinning(min: number, max: number, target: number): Binning {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) throw new Error('niceBinning requires finite min ≤ max');
  const width = niceStep(max - min, target);
  let start = roundEdge(Math.floor(min / width) * width);
  if (start > min) start = roundEdge(start - width);
  let count = Math.max(1, Math.ceil(roundEdge((max - start) / width)));
  // Rounding away binary noise must not leave `max` itself above the last edge.
  if (start + width * count < max) count++;
  return { start, width, count };
}

/**
 * Counts values into the bins. Cost: O(n).
 *
 * @example binHistogram([0, 0.5, 1, 1.5, 2, 9], { start: 0, width: 1, count: 2 }) // => { start: 0, width: 1, count: 2, counts: [2, 3], below: 0, above: 1, total: 6 }
 */
export function binHistogram(values: ArrayLike<number>, binning: Binning): Histogram {
  const { start, width, count } = binning;
  const end = start + width * count;
  const counts = new Array<number>(count).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value < start) below++;
    else if (value > end) above++;
    else counts[Math.min(count - 1, Math.floor((value - start) / width))]!++;
  }
  return { start, width, count, counts, below, above, total: values.length };
}

/**
 * The range that holds the `lower`–`upper` quantiles of every sample: from
 * the lowest lower quantile to the highest upper one. Heavy-tailed NPVs are
 * shown on it, so a few huge accounts do not squash the rest into one bar.
 * Cost: O(n log n) per sample.
 *
 * @example clippedRange([[1, 2, 3, 4, 5], [3, 4, 5, 6, 7]], 0.25, 0.75) // => { min: 2, max: 6, lowerQuantile: 0.25, upperQuantile: 0.75 }
 */
export function clippedRange(samples: readonly ArrayLike<number>[], lower: number, upper: number): ClippedRange {
  if (samples.length === 0 || samples.some((s) => s.length === 0)) throw new Error('clippedRange requires non-empty samples');
  let min = Infinity;
  let max = -Infinity;
  for (const sample of samples) {
    const sorted = sortedCopy(sample);
    min = Math.min(min, quantileOfSorted(sorted, lower));
    max = Math.max(max, quantileOfSorted(sorted, upper));
  }
  return { min, max, lowerQuantile: lower, upperQuantile: upper };
}
