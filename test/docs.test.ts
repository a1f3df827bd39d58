/** The README's scenario reference and expansim.schema.json are generated from the schema: keep them current. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bookSchemaFileText, readmeWithReference, schemaFileText } from '../scripts/update-docs.ts';

describe('generated docs', () => {
  it('README scenario reference matches the schema (run `npm run docs`)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readmeWithReference(readme) === readme).toBe(true);
  });

  it('expansim.schema.json matches the schema (run `npm run docs`)', () => {
    expect(readFileSync('expansim.schema.json', 'utf8') === schemaFileText()).toBe(true);
  });

  it('expansim-book.schema.json matches the book schema (run `npm run docs`)', () => {
    expect(readFileSync('expansim-book.schema.json', 'utf8') === bookSchemaFileText()).toBe(true);
  });

  it('README starts with the two set-up commands', () => {
    const firstLines = readFileSync('README.md', 'utf8').split('\n').slice(0, 6).join('\n');
    expect(firstLines).toContain('npm install && npm run simulate');
    expect(firstLines).toContain('npm test');
  });
});
