/**
 * Text from a user's files (a scenario name, a CSV header) made safe to show
 * in a terminal, a comment or a report: escape sequences (CSI, OSC and the
 * other ESC forms, 7- and 8-bit), C0 controls but newline and tab, DEL, C1
 * controls and the bidi overrides and isolates are removed, so no input can
 * retitle a terminal, move its cursor or reorder what is shown.
 */

const ESCAPE_SEQUENCE = new RegExp(
  [
    // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (or the end of the text).
    '(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d-\\x9f])[^\\x07\\x1b\\x9c]*(?:\\x07|\\x9c|\\x1b\\\\)?',
    // CSI: parameters, intermediates, a final byte.
    '(?:\\x1b\\[|\\x9b)[0-?]*[ -/]*[@-~]?',
    // Any other escape: intermediates and a final byte.
    '\\x1b[ -/]*[0-~]?',
  ].join('|'),
  'g',
);
const CONTROL_OR_BIDI = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeDisplayText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL_OR_BIDI, '');
}

/** `value` with sanitizeDisplayText applied to every string in it (object keys included), e.g. a chart spec. */
export function sanitizeDisplayStrings<T>(value: T): T {
  if (typeof value === 'string') return sanitizeDisplayText(value) as T;
  if (Array.isArray(value)) return value.map(sanitizeDisplayStrings) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [sanitizeDisplayText(key), sanitizeDisplayStrings(item)])) as T;
  }
  return value;
}
