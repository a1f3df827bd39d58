/**
 * Strategies are data (MODEL.md v1.1 §3.6): outside src/scenario/, code reads
 * plan names from the compiled parameters or from the default plans'
 * vocabulary, never spells `ato` or `fitd` itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const NAMED_PLAN = /\bato\b|\bfitd\b|'ato'|'fitd'/i;
/** The tornado's row fields keep the default plans' keys, which its golden spec pins. */
const ALLOWED = new Set(['src/charts/build-tornado-spec.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative('.', path)] : [];
  });
}

describe('plan names in code', () => {
  it('are spelled only in src/scenario/ and the allowed files', () => {
    const naming = sourceFiles('src')
      .filter((file) => !file.startsWith(join('src', 'scenario')) && !ALLOWED.has(file))
      .filter((file) => NAMED_PLAN.test(readFileSync(file, 'utf8')));
    expect(naming).toEqual([]);
  });
});
