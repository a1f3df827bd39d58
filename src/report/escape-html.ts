import { sanitizeDisplayText } from '../scenario/sanitize-display-text.ts';

/**
 * Text → HTML text or attribute value: control characters and bidi overrides
 * are removed (see sanitizeDisplayText) and the five characters that can
 * break out are escaped.
 */
export function escapeHtml(text: string): string {
  return sanitizeDisplayText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * JSON for a `<script type="application/json">` block: `<` is written as
 * `\u003c` so no string inside (a scenario description, say) can close the
 * script element or open a comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
