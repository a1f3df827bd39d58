import { describe, expect, it } from 'vitest';
import { createEtaEstimator, formatEta } from '../../src/cli/progress-eta.ts';
import { phaseText } from '../../src/cli/phase-text.ts';

describe('the ETA', () => {
  it('promises nothing before trials have run for half a second, and ignores worker start-up', () => {
    const eta = createEtaEstimator();
    // Two seconds of start-up before the first trial, then 1,000 trials a second.
    expect(eta.estimate(2000, 0, 10_000)).toBeNull();
    expect(eta.estimate(2100, 100, 10_000)).toBeNull();
    expect(eta.estimate(2400, 400, 10_000)).toBeNull();
    // At 1,000 trials/s since the first trial, 9,400 left is 9.4 s (the start-up would have made it 18 s).
    expect(eta.estimate(2700, 700, 10_000)).toBeCloseTo(9.3, 5);
  });

  it('moves only part of the way when the rate jumps, so early estimates do not leap', () => {
    const eta = createEtaEstimator();
    eta.estimate(0, 1, 100_000);
    const first = eta.estimate(1000, 1001, 100_000)!;
    // The rate halves for one second: the fresh estimate would be about 1.5× the old one; the shown one moves by 30% of the gap.
    const fresh = ((100_000 - 1501) * 2000) / 1500 / 1000;
    const next = eta.estimate(2000, 1501, 100_000)!;
    expect(next).toBeCloseTo((first - 1) * 0.7 + fresh * 0.3, 6);
    expect(Math.abs(next - first) / first).toBeLessThan(0.2);
  });

  it('starts afresh when the total changes (a precision run’s next batch) and is 0 when done', () => {
    const eta = createEtaEstimator();
    eta.estimate(0, 1, 2000);
    eta.estimate(1000, 1001, 2000);
    expect(eta.estimate(2000, 2000, 2000)).toBe(0);
    expect(eta.estimate(3000, 3000, 8000)).toBeCloseTo((5000 * 3000) / 2999 / 1000, 6);
  });

  it('reads as seconds, minutes or hours', () => {
    expect([null, 4.4, 59.6, 185, 3725].map(formatEta)).toEqual(['…', '4s', '1m00s', '3m05s', '1h02m']);
  });
});

describe('the phases after the trials', () => {
  it('are words; the trials and the commit show nothing of their own', () => {
    expect(phaseText('chart cash-fan')).toBe('Drawing the charts: cash-fan');
    expect(phaseText('deck')).toBe('Building deck.pptx');
    expect(phaseText('switchovers')).toMatch(/^Assumption switchovers/);
    expect(phaseText('trials')).toBeNull();
    expect(phaseText('commit')).toBeNull();
  });
});
