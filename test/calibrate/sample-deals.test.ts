/** The shipped sample is what the model writes from its stated truth, and says it is synthetic. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDealHistory } from '../../src/calibrate/parse-deal-history.ts';
import { makeSampleDealsCsv, SAMPLE_FILE } from '../../scripts/make-sample-deals.ts';

describe('scenarios/data/sample-deals.csv', () => {
  const text = readFileSync(SAMPLE_FILE, 'utf8');

  it('is exactly what scripts/make-sample-deals.ts generates (npx tsx scripts/make-sample-deals.ts)', () => {
    expect(text).toBe(makeSampleDealsCsv());
  });

  it('is labelled synthetic and reads without a problem', () => {
    expect(text.split('\n')[0]).toMatch(/^# SYNTHETIC DATA: not real deals/);
    expect(readFileSync('scenarios/data/README.md', 'utf8')).toMatch(/synthetic/i);
    const { history, issues } = parseDealHistory(text);
    expect(issues).toEqual([]);
    expect(history.deals.length).toBeGreaterThan(1000);
  });
});
