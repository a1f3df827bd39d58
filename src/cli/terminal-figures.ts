/**
 * Figures as every terminal table writes them: one minus sign (U+2212, as
 * the charts and the report use), thousands separators in counts, months as
 * whole numbers, and identifiers (barrier and path names) as words.
 */
import { BARRIER_LABELS } from '../charts/build-tornado-spec.ts';
import { PATH_LABELS } from '../charts/build-path-classes-spec.ts';
import { groupDigits } from '../scenario/group-digits.ts';
import type { BarrierName } from '../scenario/vocabulary.ts';

const MINUS = '\u2212';

/** A money figure in millions, two decimals (one from 100 up); `signed` adds a `+` to a positive value. */
export function formatMillions(value: number | null, signed = false): string {
  if (value === null) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 1 : 2;
  const text = Math.abs(value).toFixed(digits);
  // −0.00 reads as a loss that is not there.
  if (Number(text) === 0) return text;
  return `${value < 0 ? MINUS : signed ? '+' : ''}${text}`;
}

/** A signed figure at two decimals: `+0.11`, `−0.96`, `0.00`. */
export function formatSigned(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value < 0 ? MINUS : '+'}${text}`;
}

export function formatShare(value: number | null): string {
  return value === null ? 'n/a' : `${(100 * value).toFixed(1)}%`;
}

export function formatCount(value: number): string {
  return groupDigits(value);
}

/** A month number (a median may fall between two months) rounded to a whole month; `never` when there is none. */
export function formatMonth(value: number | null): string {
  return value === null ? 'never' : String(Math.round(value));
}

/** A barrier as a sentence names it: `functionalWalls` → "functional walls". */
export function barrierWords(barrier: BarrierName): string {
  return BARRIER_LABELS[barrier].replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());
}

/** A path class as the charts name it: `stalledAtMidstream` → "Stalled at midstream"; an unknown key shows as itself. */
export function pathWords(key: string): string {
  for (const labels of Object.values(PATH_LABELS)) {
    const label = labels[key];
    if (label) return label;
  }
  return key;
}
