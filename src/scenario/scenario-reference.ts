/**
 * The scenario reference (README): every key with its default, range and
 * meaning, generated from the schema so the docs cannot drift from it.
 */
import { scenarioJsonSchema } from './json-schema.ts';

interface JsonSchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  enum?: unknown[];
  properties?: Record<string, JsonSchemaNode>;
}

function range(node: JsonSchemaNode): string {
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(', ');
  const low = node.exclusiveMinimum !== undefined ? `> ${node.exclusiveMinimum}` : node.minimum !== undefined ? `${node.minimum}` : undefined;
  const high = node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? `${node.maximum}` : undefined;
  const kind = node.type === 'integer' ? 'whole number' : node.type === 'number' ? 'number' : (node.type ?? '');
  if (low?.startsWith('>')) return `${kind} ${low}${high ? `, ≤ ${high}` : ''}`;
  if (low !== undefined && high !== undefined) return `${kind} ${low} … ${high}`;
  if (low !== undefined) return `${kind} ≥ ${low}`;
  return kind;
}

function rows(node: JsonSchemaNode, path: string[]): string[] {
  if (node.properties) {
    return Object.entries(node.properties).flatMap(([key, child]) => (key === '$schema' ? [] : rows(child, [...path, key])));
  }
  const value = node.default === undefined ? '*(required)*' : `\`${JSON.stringify(node.default)}\``;
  const text = (node.description ?? '').replace(/\|/g, '\\|');
  return [`| \`${path.join('.')}\` | ${value} | ${range(node)} | ${text} |`];
}

/** The reference as a Markdown table. */
export function scenarioReferenceMarkdown(): string {
  const schema = scenarioJsonSchema() as JsonSchemaNode;
  return ['| key | default | allowed | meaning |', '| --- | --- | --- | --- |', ...rows(schema, [])].join('\n');
}
