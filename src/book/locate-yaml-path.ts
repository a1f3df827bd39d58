/** The line of a key path in a parsed YAML document, through mappings and sequences. */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/**
 * The line of the deepest node of `path` found in `doc` (a path absent from
 * the document, a default, gives the line of its nearest present parent, or none).
 */
export function locateYamlPath(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const key of path) {
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      next = pair.value as Node | null;
      offset = next?.range?.[0] ?? (pair.key as Node).range?.[0] ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key] as Node | undefined;
      if (!next) break;
      offset = next.range?.[0] ?? offset;
    } else {
      break;
    }
    node = next;
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}
