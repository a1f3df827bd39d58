/**
 * Regenerates what the docs derive from the schema: the README's scenario
 * reference, expansim.schema.json and expansim-book.schema.json. `npm run docs`;
 * a test checks they are current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { bookJsonSchema } from '../src/book/book-schema.ts';
import { scenarioJsonSchema } from '../src/scenario/json-schema.ts';
import { scenarioReferenceMarkdown } from '../src/scenario/scenario-reference.ts';

const START = '<!-- scenario-reference:start -->';
const END = '<!-- scenario-reference:end -->';

export function readmeWithReference(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md lacks the scenario-reference markers');
  return `${readme.slice(0, start + START.length)}\n${scenarioReferenceMarkdown()}\n${readme.slice(end)}`;
}

export function schemaFileText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export function bookSchemaFileText(): string {
  return `${JSON.stringify(bookJsonSchema(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('README.md', readmeWithReference(readFileSync('README.md', 'utf8')));
  writeFileSync('expansim.schema.json', schemaFileText());
  writeFileSync('expansim-book.schema.json', bookSchemaFileText());
  process.stdout.write('Updated README.md (scenario reference), expansim.schema.json and expansim-book.schema.json\n');
}
