/**
 * Strategies as data is a refactor for two-strategy scenarios: each bundled
 * one gives, byte for byte, the summary.json and chart specs the code gave
 * before (fixtures written at f48e2ee by scripts/write-strategy-fixtures.ts,
 * and moved since only by commits that add fields, reword charts, change the
 * generator, or re-sum the valuation check's cells exactly). The
 * scenarios are checked in two test files, so the suite's two workers share them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_FOLDER, FIXTURE_SCENARIOS, strategyFixtureFiles } from '../../scripts/write-strategy-fixtures.ts';

/** The bundled scenarios in half `half` (0 or 1) of the fixture list. */
export function fixtureHalf(half: 0 | 1): string[] {
  const middle = Math.ceil(FIXTURE_SCENARIOS.length / 2);
  return half === 0 ? FIXTURE_SCENARIOS.slice(0, middle) : FIXTURE_SCENARIOS.slice(middle);
}

export function describeFixtureCheck(names: readonly string[]): void {
  describe('two-strategy scenarios match the fixtures from before strategies became data', () => {
    it.each(names)('%s', async (name) => {
      const files = await strategyFixtureFiles(name);
      const stored = readdirSync(join(FIXTURE_FOLDER, name, 'charts')).map((file) => `charts/${file}`);
      expect(files.map((file) => file.path).sort()).toEqual(['summary.json', ...stored].sort());
      for (const file of files) {
        const before = readFileSync(join(FIXTURE_FOLDER, name, file.path), 'utf8');
        // Not toEqual on the text: a failure should name the file, not print 3 MB.
        expect(file.content === before, `${name}/${file.path} differs from the fixture`).toBe(true);
      }
    });
  });
}
