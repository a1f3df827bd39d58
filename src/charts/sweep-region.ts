/**
 * A two-parameter sweep's finding as a region, not a count of grid points
 * (a count depends on the grid): "Beachhead leads only with capacity above about
 * 6.6 and functional walls below about 0.6; Hold elsewhere". The region is
 * the smaller side's: where it leads at some value of the other parameter
 * (one threshold, interpolated where its best margin crosses 0), and, there,
 * how far the other parameter may go. Null when the region has no such
 * simple shape (several crossings), so the caller says something plainer.
 */
import type { SweepParameter, SweepResult } from '../stats/sweep.ts';
import { shortName } from './chart-theme.ts';
import { formatParameter, parameterDigits, parameterLabel } from './parameter-label.ts';

type Bound = { side: 'below' | 'above'; at: number } | 'everywhere' | 'nowhere' | null;

/** Where `margin` (by grid value, ascending) is positive: everywhere, nowhere, or on one side of one interpolated crossing; null for more than one. */
export function oneSidedRegion(values: readonly number[], margin: readonly number[]): Bound {
  const positive = margin.map((m) => m > 0);
  if (positive.every(Boolean)) return 'everywhere';
  if (!positive.some(Boolean)) return 'nowhere';
  const changes = positive.slice(1).map((p, i) => p !== positive[i]).filter(Boolean).length;
  if (changes !== 1) return null;
  const i = positive.findIndex((p, k) => k > 0 && p !== positive[k - 1]) - 1;
  const [v0, v1, m0, m1] = [values[i]!, values[i + 1]!, margin[i]!, margin[i + 1]!];
  return { side: positive[0] ? 'below' : 'above', at: v0 + ((v1 - v0) * m0) / (m0 - m1) };
}

function boundText(parameter: SweepParameter, bound: { side: 'below' | 'above'; at: number }): string {
  return `${parameterLabel(parameter.path)} ${bound.side} about ${formatParameter(bound.at, parameterDigits(parameter))}`;
}

/** The region sentence for a two-parameter sweep, or null when the region is not one-sided in each parameter. */
export function sweepRegionText(result: SweepResult): string | null {
  const [px, py] = result.parameters as [SweepParameter, SweepParameter];
  const names = { a: shortName(result.compared.a), b: shortName(result.compared.b) };
  const diffAt = new Map(result.points.map((p) => [`${p.values[px.path]}|${p.values[py.path]}`, p.diff.mean]));
  const xs = [...px.values].sort((u, v) => u - v);
  const ys = [...py.values].sort((u, v) => u - v);
  const leadsA = result.points.filter((p) => p.diff.mean > 0).length;
  const leadsB = result.points.filter((p) => p.diff.mean < 0).length;
  if (leadsB === 0) return `${names.a} leads across the whole grid`;
  if (leadsA === 0) return `${names.b} leads across the whole grid`;
  // Describe the smaller side's region; the other leads elsewhere.
  const [leader, other, sign] = leadsA <= leadsB ? [names.a, names.b, 1] : [names.b, names.a, -1];
  const margin = (x: number, y: number) => sign * (diffAt.get(`${x}|${y}`) ?? Number.NEGATIVE_INFINITY);
  const gate = oneSidedRegion(xs, xs.map((x) => Math.max(...ys.map((y) => margin(x, y)))));
  if (gate === null || gate === 'nowhere') return null;
  const inside = xs.filter((x) => ys.some((y) => margin(x, y) > 0));
  const reach = oneSidedRegion(ys, ys.map((y) => Math.max(...inside.map((x) => margin(x, y)))));
  if (reach === null || reach === 'nowhere') return null;
  const conditions = [gate, reach].map((bound, k) => (typeof bound === 'object' ? boundText(k === 0 ? px : py, bound) : null)).filter((text) => text !== null);
  if (conditions.length === 0) return null;
  return `${leader} leads only with ${conditions.join(' and ')}; ${other} elsewhere`;
}
