/** Golden vega-lite files: a spec's JSON must equal test/charts/golden/<name>.vl.json (UPDATE_GOLDEN=1 rewrites them). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const GOLDEN = join(import.meta.dirname, 'golden');

/** Asserts `spec` matches its golden file; returns the spec's JSON text. */
export function expectGoldenSpec(name: string, spec: unknown): string {
  const text = `${JSON.stringify(spec, null, 2)}\n`;
  const file = join(GOLDEN, `${name}.vl.json`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/charts`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
  return text;
}
