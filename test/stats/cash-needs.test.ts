/** Issue 15: payback month and peak cash need on hand-built cash paths. */
import { describe, expect, it } from 'vitest';
import { paybackMonth, peakCashNeed, summarizeCashNeeds } from '../../src/stats/cash-needs.ts';

describe('payback and peak cash need', () => {
  it('pays back in the first month from which cumulative cash stays above zero', () => {
    expect(paybackMonth([-1, -2, 0.5, -0.1, 1, 2], 0, 6)).toBe(4);
    expect(paybackMonth([1, 2, 3], 0, 3)).toBe(0);
    // Exactly zero is not paid back.
    expect(paybackMonth([-1, 0, 0], 0, 3)).toBe(-1);
    // Back below zero at the horizon: censored, although it was above zero once.
    expect(paybackMonth([-1, 2, -0.5], 0, 3)).toBe(-1);
    // Reads the path at its offset only.
    expect(paybackMonth([5, 5, 5, -1, 1, 1], 3, 3)).toBe(1);
  });

  it('takes the deepest point below zero as the need, 0 for a path never below zero', () => {
    expect(peakCashNeed([-1, -2.5, 0.5, -0.3], 0, 4)).toBe(2.5);
    expect(peakCashNeed([0.2, 1], 0, 2)).toBe(0);
  });

  it('summarizes paths with censoring: quantiles beyond the paid-back share are null', () => {
    // Four paths of four months: payback at 1, 3, never, never; needs 1, 4, 2, 0.5.
    const paths = Float32Array.of(-1, 1, 2, 3, -2, -4, -1, 1, -2, -1, -1, -1, -0.5, 0.5, 0.5, -0.25);
    const needs = summarizeCashNeeds(paths, 4, 4);
    expect(needs.paidBack).toBe(0.5);
    expect(needs.paidBackByMonth).toEqual([0, 0.25, 0.25, 0.5]);
    // Nearest rank: p10 is the 1st of 4 (month 1), p50 the 2nd (month 3), p90 the 4th (never).
    expect(needs.paybackMonth).toEqual({ p10: 1, p50: 3, p90: null });
    expect(needs.peakCashNeed.mean).toBe((1 + 4 + 2 + 0.5) / 4);
    expect(needs.peakCashNeed.max).toBe(4);
  });
});
