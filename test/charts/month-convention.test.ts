/**
 * One month convention (src/charts/month-axis.ts): months are numbered from
 * 0, so a 72-month horizon ends at month 71; no chart says "month 72", and
 * every month axis says where it starts and ends. Read off the bundled
 * scenarios' chart specs, which test/scenario/before-strategies.test.ts keeps
 * equal to what the code builds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_FOLDER } from '../../scripts/write-strategy-fixtures.ts';
import { monthAxisTitle } from '../../src/charts/month-axis.ts';

function titles(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => titles(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      // A tooltip's "Month" sits next to the month's number.
      if (key === 'tooltip') continue;
      if (key === 'title' && typeof value === 'string') found.push(value);
      titles(value, found);
    }
  }
  return found;
}

describe('months', () => {
  it('are numbered 0 to 71 over a 72-month horizon in every chart, and every month axis says so', () => {
    const folder = join(FIXTURE_FOLDER, 'hp-cso', 'charts');
    let monthAxes = 0;
    for (const file of readdirSync(folder)) {
      const text = readFileSync(join(folder, file), 'utf8');
      expect(text, file).not.toMatch(/month 72\b/i);
      const axes = titles(JSON.parse(text)).filter((title) => /^Month\b/.test(title));
      for (const title of axes) expect(title, file).toBe(monthAxisTitle(72));
      monthAxes += axes.length;
    }
    expect(monthAxes).toBeGreaterThanOrEqual(3);
  });
});
