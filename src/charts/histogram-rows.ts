/**
 * Histogram → chart rows: one row per bin edge, for step-after areas and
 * lines; the last edge repeats the last bin's height so the step closes.
 */
import type { ClippedRange, Histogram } from '../stats/bin-histogram.ts';
import { roundEdge } from '../stats/bin-histogram.ts';
import { currencySymbol, formatPercent, rowNumber } from './format-figures.ts';

export interface EdgeRow {
  strategy: string;
  /** Bin start (the last row: the end of the last bin). */
  x: number;
  /** Bin end; null on the closing row. */
  end: number | null;
  share: number;
  /** "2 to 4", for tooltips. */
  range: string;
}

export function histogramEdges(histogram: Histogram, strategy: string): EdgeRow[] {
  const rows: EdgeRow[] = histogram.counts.map((count, i) => {
    const start = roundEdge(histogram.start + i * histogram.width);
    const end = roundEdge(histogram.start + (i + 1) * histogram.width);
    return { strategy, x: start, end, share: rowNumber(count / histogram.total), range: `${start} to ${end}` };
  });
  const last = rows[rows.length - 1]!;
  rows.push({ strategy, x: last.end!, end: null, share: last.share, range: last.range });
  return rows;
}

/** Says how the range was clipped and how many accounts fall outside it. */
export function clipNote(range: ClippedRange, histograms: readonly Histogram[]): string {
  const outside = histograms.reduce((sum, h) => sum + h.below + h.above, 0) / histograms.reduce((sum, h) => sum + h.total, 0);
  const low = `P${Math.round(range.lowerQuantile * 100)}`;
  const high = `P${Math.round(range.upperQuantile * 100)}`;
  return `Range clipped to ${low}–${high} so the long tail does not squash the rest: ${formatPercent(outside, 1)} of accounts lie outside it.`;
}

/** A bin width as money, without padding decimals: `$1M`, `$0.25M`. */
export function binWidthText(width: number, currency: string): string {
  return `${currencySymbol(currency)}${roundEdge(width)}M`;
}
