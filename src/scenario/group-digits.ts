/**
 * Numbers written exactly as `toLocaleString('en-US')` writes them
 * (`20000` → `20,000`), without Intl: the first Intl number format of a
 * process starts ICU, about 30 ms of CPU, and a run writes such figures on
 * every start (the schema's limits, the terminal tables).
 */

/** A string of decimal digits with its thousands grouped by commas. */
export function groupDigitString(digits: string): string {
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return grouped;
}

/** An integer with its thousands grouped (`-12345` → `-12,345`); any other number is left to toLocaleString. */
export function groupDigits(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString('en-US');
  const grouped = groupDigitString(String(Math.abs(value)));
  return value < 0 || Object.is(value, -0) ? `-${grouped}` : grouped;
}

/**
 * A non-negative number with exactly `digits` decimals and grouped
 * thousands, as `toLocaleString('en-US', { minimumFractionDigits: digits,
 * maximumFractionDigits: digits })` writes it: ICU rounds the shortest
 * decimal that reads back as the number (JavaScript's own `String(value)`),
 * half away from zero, so `1.005` gives `1.01` where `toFixed(2)` gives
 * `1.00`. Negative (−0 too), non-finite and huge numbers are left to toLocaleString.
 */
export function formatFixed(value: number, digits: number): string {
  if (!(value >= 0 && value < 1e21) || Object.is(value, -0) || !Number.isInteger(digits) || digits < 0 || digits > 20) {
    return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  let all = whole + fraction;
  // The decimal point sits after `point` digits of `all`.
  let point = whole.length + Number(exponent);
  if (point <= 0) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  }
  const keep = point + digits;
  let kept = all.slice(0, keep).padEnd(keep, '0');
  if ((all[keep] ?? '0') >= '5') kept = (BigInt(kept) + 1n).toString().padStart(keep, '0');
  const wholeDigits = kept.slice(0, kept.length - digits).replace(/^0+(?=\d)/, '');
  return digits === 0 ? groupDigitString(wholeDigits) : `${groupDigitString(wholeDigits)}.${kept.slice(kept.length - digits)}`;
}
