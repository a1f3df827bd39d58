/**
 * Figures as they appear in chart titles and the report: money in millions
 * with the scenario's currency, shares in percent, months.
 */
import { formatFixed } from '../scenario/group-digits.ts';

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥', INR: '₹', CHF: 'CHF ' };

/** `$` for USD, `€` for EUR, else the code and a space ("SEK "). */
export function currencySymbol(currency: string): string {
  return CURRENCY_SYMBOLS[currency.toUpperCase()] ?? `${currency} `;
}

/** The unit of money axes: `$M`, `€M`, `SEK M`. */
export function moneyUnit(currency: string): string {
  return `${currencySymbol(currency)}M`;
}

function significant(value: number): string {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  return formatFixed(magnitude, digits);
}

/**
 * Millions with the currency: `$1.25M`, `−$0.38M`, `$31.2M`, `$120M`.
 * `signed` adds a `+` to positive values.
 */
export function formatMoney(value: number, currency: string, signed = false): string {
  const sign = value < 0 && significant(value) !== '0.00' ? '−' : signed && value > 0 ? '+' : '';
  return `${sign}${currencySymbol(currency)}${significant(value)}M`;
}

/** A share as a percent: `27%`; `digits` decimals (default 0); `<1%`/`>99%` instead of a rounded 0 or 100. */
export function formatPercent(share: number, digits = 0): string {
  const text = (share * 100).toFixed(digits);
  if (share > 0 && Number(text) === 0) return `<${(1 / 10 ** digits).toString()}%`;
  if (share < 1 && Number(text) === 100) return `>${(100 - 1 / 10 ** digits).toString()}%`;
  return `${text}%`;
}

/** A rate as a percent with only the decimals it has: 0.1 → `10%`, 0.075 → `7.5%`. */
export function formatRate(rate: number): string {
  return `${Number((rate * 100).toPrecision(10))}%`;
}

/** A mean count per account: `199`, `13.9`, `0.39`. */
export function formatCount(value: number): string {
  return significant(value);
}

/** Numbers rounded to 6 significant digits for chart rows (keeps specs and goldens small and stable). */
export function rowNumber(value: number): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(6));
}

/** "27% (95% CI 26–28%)" style interval text for a share. */
export function formatShareInterval(share: number, interval: [number, number]): string {
  return `${formatPercent(share, 1)} (95% CI ${formatPercent(interval[0], 1)}–${formatPercent(interval[1], 1)})`;
}
