/**
 * The chart-ready summaries: histogram bins, empirical CDF, Kaplan–Meier,
 * cash fan, stream penetration and funnel steps, against hand-computed and
 * published values, plus the properties charts rely on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binHistogram, clippedRange, niceBinning, niceStep } from '../../src/stats/bin-histogram.ts';
import { empiricalCdf } from '../../src/stats/empirical-cdf.ts';
import { funnelSteps } from '../../src/stats/funnel-steps.ts';
import { kaplanMeier } from '../../src/stats/kaplan-meier.ts';
import { summarizeCashFan } from '../../src/stats/summarize-cash-fan.ts';
import { summarizeStreamPenetration } from '../../src/stats/summarize-stream-penetration.ts';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('niceStep and niceBinning', () => {
  it('picks 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([niceStep(10, 10), niceStep(11, 10), niceStep(21, 10), niceStep(0.3, 10), niceStep(470, 10)]).toEqual([1, 2, 2.5, 0.05, 50]);
  });

  it('covers the range with about the target number of bins, 0 on an edge', () => {
    fc.assert(
      fc.property(finite, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.integer({ min: 5, max: 80 }), (min, span, target) => {
        const { start, width, count } = niceBinning(min, min + span, target);
        expect(start).toBeLessThanOrEqual(min);
        const max = min + span;
        expect(start + width * count).toBeGreaterThanOrEqual(max - 1e-9 * Math.max(1, Math.abs(max)));
        expect(count).toBeLessThanOrEqual(target + 2);
        const edges = start / width;
        expect(Math.abs(edges - Math.round(edges))).toBeLessThan(1e-6 + 1e-12 * Math.abs(edges));
      }),
    );
  });

  it('gives a point range one bin', () => {
    expect(niceBinning(3, 3, 40).count).toBe(1);
  });
});

describe('binHistogram', () => {
  it('conserves the total: in bins, below and above', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 200 }), (values) => {
        const h = binHistogram(values, niceBinning(-100, 100, 20));
        expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(values.length);
      }),
    );
  });

  it('puts a value on an inner edge in the upper bin and the top edge in the last bin', () => {
    expect(binHistogram([1, 2], { start: 0, width: 1, count: 2 }).counts).toEqual([0, 2]);
  });
});

describe('clippedRange', () => {
  it('spans the lowest lower quantile to the highest upper quantile', () => {
    const ato = Array.from({ length: 101 }, (_, i) => i);
    const fitd = Array.from({ length: 101 }, (_, i) => i + 50);
    expect(clippedRange([ato, fitd], 0.01, 0.99)).toEqual({ min: 1, max: 149, lowerQuantile: 0.01, upperQuantile: 0.99 });
  });
});

describe('empiricalCdf', () => {
  it('is monotone in value and probability', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 300 }), (values) => {
        const cdf = empiricalCdf(Float64Array.from(values).sort(), 0.01, 0.99, 50);
        for (let i = 1; i < cdf.length; i++) {
          expect(cdf[i]!.value).toBeGreaterThanOrEqual(cdf[i - 1]!.value);
          expect(cdf[i]!.p).toBeGreaterThan(cdf[i - 1]!.p);
        }
      }),
    );
  });
});

describe('kaplanMeier', () => {
  it('matches the hand computation on a small censored sample', () => {
    // n = 6: S(1) = 5/6; S(2) = 5/6 · 4/5 (one censored at 2 after the event); S(3) = 2/3 · 2/3; S(5) = 0.
    const steps = kaplanMeier([1, 2, 2, 3, 4, 5], [true, true, false, true, false, true]);
    expect(steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([[1, 6, 1, 0], [2, 5, 1, 1], [3, 3, 1, 0], [4, 2, 0, 1], [5, 1, 1, 0]]);
    expect(steps.map((s) => s.survival)).toEqual([5 / 6, (5 / 6) * (4 / 5), (5 / 6) * (4 / 5) * (2 / 3), (5 / 6) * (4 / 5) * (2 / 3), 0].map((x) => expect.closeTo(x, 15)));
  });

  it('reproduces the published estimate for the 6-MP leukaemia remission data (Freireich et al. 1963; R: survfit)', () => {
    const times = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35];
    const relapse = [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0].map(Boolean);
    const atEvents = kaplanMeier(times, relapse).filter((s) => s.events > 0);
    expect(atEvents.map((s) => s.time)).toEqual([6, 7, 10, 13, 16, 22, 23]);
    expect(atEvents.map((s) => Number(s.survival.toFixed(4)))).toEqual([0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482]);
  });

  it('without censoring before the end equals one minus the empirical CDF', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 100 }), (months) => {
        const steps = kaplanMeier(months, months.map(() => true));
        for (const step of steps) {
          const byThen = months.filter((m) => m <= step.time).length;
          expect(step.survival).toBeCloseTo(1 - byThen / months.length, 12);
        }
      }),
    );
  });
});

describe('summarizeCashFan', () => {
  it('gives nested bands: P10 ≤ median ≤ P90 every month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.infiniteStream(fc.double({ min: -5, max: 5, noNaN: true })), (trials, months, stream) => {
        const paths = Float32Array.from({ length: trials * months }, () => stream.next().value);
        for (const m of summarizeCashFan(paths, trials, months)) {
          expect(m.p10).toBeLessThanOrEqual(m.p50);
          expect(m.p50).toBeLessThanOrEqual(m.p90);
        }
      }),
    );
  });

  it('reads paths trial-major', () => {
    expect(summarizeCashFan(Float32Array.of(0, 10, 1, 11, 2, 12), 3, 2).map((m) => m.p50)).toEqual([1, 11]);
  });
});

describe('summarizeStreamPenetration', () => {
  const columns = {
    opened: { midstream: [0, 2, -1, 0], upstream: [0, -1, -1, 3] },
    firstWin: { downstream: [1, 1, -1, 5], midstream: [4, -1, -1, -1], upstream: [-1, -1, -1, -1] },
    churnMonth: [-1, 4, 2, -1],
  };

  it('counts a stream active from opening plus ramp until churn', () => {
    const p = summarizeStreamPenetration(columns, 1, 6);
    // midstream: trial 0 active 1…5, trial 1 active 3 (churns at 4), trial 3 active 1…5.
    expect(p.midstream.active).toEqual([0, 0.5, 0.5, 0.75, 0.5, 0.5]);
    // downstream has no ramp: all four until churn (trial 2 at 2, trial 1 at 4).
    expect(p.downstream.active).toEqual([1, 1, 0.75, 0.75, 0.5, 0.5]);
    expect(p.upstream.active).toEqual([0, 0.25, 0.25, 0.25, 0.5, 0.5]);
  });

  it('counts wins from the first win until churn, as coverage is counted', () => {
    const p = summarizeStreamPenetration(columns, 1, 6);
    // Trial 1 won downstream in month 1 and churned in month 4: it leaves the line there.
    expect(p.downstream.won).toEqual([0, 0.5, 0.5, 0.5, 0.25, 0.5]);
    expect(p.midstream.won).toEqual([0, 0, 0, 0, 0.25, 0.25]);
  });
});

describe('funnelSteps', () => {
  it('lists seen, early (an entry), the stages before the last, every stage passed, and won (closed in time)', () => {
    const counts = { arrived: 10, seen: 8, early: 4, stage1: 6, stage2: 3, stage3: 2, stage4: 1.5, stage5: 1, won: 1, closed: 5, closedWon: 0.75 };
    const steps = funnelSteps(counts, 5);
    expect(steps.map((s) => s.step)).toEqual(['seen', 'early', 'stage1', 'stage2', 'stage3', 'stage4', 'passed', 'won']);
    expect(steps.filter((s) => s.kind === 'entry').map((s) => s.step)).toEqual(['early']);
    expect(steps.find((s) => s.step === 'won')!.count).toBe(0.75);
    expect(funnelSteps({ ...counts, seen: 0 }, 4)[0]!.shareOfSeen).toBeNull();
  });
});
