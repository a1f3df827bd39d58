/**
 * Whether a YAML or JSON text is meant as a book rather than a scenario: a
 * mapping with a top-level `base`, `teams` or `groups` (keys no scenario has),
 * so `expansim validate` checks it by the book's rules. Text that does not
 * parse is not a book: the scenario reader reports its syntax.
 */
import { parseDocument } from 'yaml';

export const BOOK_KEYS = ['base', 'teams', 'groups'] as const;

export function isBookText(text: string): boolean {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return false;
  const contents = doc.contents as { items?: { key?: { value?: unknown } }[] } | null;
  if (contents === null || !Array.isArray(contents.items)) return false;
  return contents.items.some((pair) => BOOK_KEYS.includes(pair.key?.value as (typeof BOOK_KEYS)[number]));
}
