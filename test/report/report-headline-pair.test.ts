/** The headline and verdict of a two-plan run name the plans it compared, whatever their keys. */
import { describe, expect, it } from 'vitest';
import { reportHeadline, reportVerdict } from '../../src/report/report-headline.ts';
import type { Summary } from '../../src/stats/summarize-outcomes.ts';

const npvDiff = { mean: 0.16, se: 0.02, sd: 1, ci95: [0.11, 0.21] as [number, number], p10: -1, p50: 0.16, p90: 1 };
const summary = {
  currency: 'USD',
  trials: 2000,
  strategies: { beachhead: {}, hold: {} },
  comparison: { npvDiff, pBeachheadBetter: { p: 0.6, ci95: [0.58, 0.62] }, pTie: 0 },
} as unknown as Summary;

describe('a two-plan headline', () => {
  it("names the pair by the names given, the first being the one whose p…Better the comparison holds", () => {
    expect(reportHeadline(summary, { beachhead: 'Beachhead', hold: 'Hold' })).toBe(
      'Beachhead beats Hold by $0.16M [95% CI $0.11M to $0.21M] in NPV per account; P(Beachhead better) = 60.0% [58.0% to 62.0%]',
    );
    expect(reportVerdict(summary, { beachhead: 'Beachhead', hold: 'Hold' })).toBe(
      'Beachhead earns more on average and on most accounts (60% of them): the lead is broad, not carried by a few accounts.',
    );
  });

  it('falls back on the keys when no names are given', () => {
    expect(reportHeadline(summary)).toMatch(/^beachhead beats hold by /);
  });
});
