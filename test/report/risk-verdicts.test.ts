/**
 * The report's words on risk and certainty, each branch on hand-made
 * dominance and precision summaries.
 */
import { describe, expect, it } from 'vitest';
import { dominanceVerdicts, precisionReached, riskFigures, riskVerdict } from '../../src/report/risk-verdicts.ts';
import type { DominanceSummary } from '../../src/stats/risk-profile.ts';
import type { PrecisionSummary } from '../../src/stats/precision-run.ts';

const DOMINANCE: DominanceSummary = {
  firstOrder: {
    atoOverFitd: { holds: false, largestViolation: 0.0324, withinNoise: false, at: -0.0119 },
    fitdOverAto: { holds: false, largestViolation: 0.0083, withinNoise: true, at: 4.1268 },
  },
  secondOrder: {
    atoOverFitd: { holds: false, largestViolation: 0.0239, at: 1.5439 },
    fitdOverAto: { holds: false, largestViolation: 0.1622, at: 360.03 },
  },
  risk: {
    ato: { p10: 0.7416, expectedShortfall10: 0.1607, pLoss: 0.0359 },
    fitd: { p10: 0.8265, expectedShortfall10: 0.3679, pLoss: 0.0045 },
  },
};

const PRECISION: PrecisionSummary = {
  target: 0.1,
  relative: false,
  halfWidth: 0.0931,
  trialsUsed: 7000,
  maxTrials: 50000,
  stoppedBy: 'precision',
  batches: [2000, 3000, 2000],
  convergence: [{ trials: 7000, mean: 0.165, halfWidth: 0.0931 }],
};

describe('risk in plain words', () => {
  it('lists P(loss), P10 and the worst-10% mean side by side', () => {
    expect(riskFigures(DOMINANCE, 'USD')).toEqual([
      { label: 'Accounts losing money (NPV < 0)', ato: '3.6%', fitd: '0.4%' },
      { label: 'P10 NPV: 1 account in 10 does worse', ato: '$0.74M', fitd: '$0.83M' },
      { label: 'Expected shortfall: mean NPV of the worst 10%', ato: '$0.16M', fitd: '$0.37M' },
    ]);
  });

  it('names the strategy with less downside, a mixed downside, or the same downside', () => {
    expect(riskVerdict(DOMINANCE, 'USD')).toBe("FITD carries less downside: its worst 10% of accounts average $0.37M against ATO's $0.16M, and 0.4% of its accounts lose money against 3.6%.");
    const mixed = { ...DOMINANCE, risk: { ato: DOMINANCE.risk.ato!, fitd: { ...DOMINANCE.risk.fitd!, pLoss: 0.06 } } };
    expect(riskVerdict(mixed, 'USD')).toBe("The downside is mixed: FITD's worst 10% of accounts average $0.37M against ATO's $0.16M, but 6.0% of its accounts lose money against 3.6%.");
    const same = { ...DOMINANCE, risk: { ato: DOMINANCE.risk.ato!, fitd: { ...DOMINANCE.risk.ato!, expectedShortfall10: 0.17, pLoss: 0.037 } } };
    expect(riskVerdict(same, 'USD')).toBe('ATO and FITD carry about the same downside: their worst 10% of accounts average $0.16M and $0.17M, and 3.6% and 3.7% of accounts lose money.');
  });

  it('answers both dominance questions, the strategy that dominates (within noise) first', () => {
    expect(dominanceVerdicts(DOMINANCE, 'USD')).toEqual([
      {
        question: 'Is one strategy better at every percentile (first-order stochastic dominance)?',
        answer:
          "FITD is, within sampling noise: at worst the share of FITD's accounts at or below an NPV of $4.13M is 0.8 points higher than ATO's. ATO is not: the share of ATO's accounts at or below an NPV of −$0.01M is 3.2 points higher than FITD's.",
      },
      {
        question: 'Would every risk-averse decision-maker prefer one (second-order stochastic dominance)?',
        answer: "Neither. ATO is not: on average its NPV falls $0.02M further short of $1.54M than FITD's does. FITD is not: on average its NPV falls $0.16M further short of $360M than ATO's does.",
      },
    ]);
    const atoDominates: DominanceSummary = {
      ...DOMINANCE,
      firstOrder: { atoOverFitd: { holds: true, largestViolation: 0, withinNoise: true }, fitdOverAto: DOMINANCE.firstOrder.atoOverFitd! },
      secondOrder: { atoOverFitd: { holds: true, largestViolation: 0 }, fitdOverAto: DOMINANCE.secondOrder.atoOverFitd! },
    };
    const [first, second] = dominanceVerdicts(atoDominates, 'USD');
    expect(first!.answer).toBe("ATO is: at no NPV does a larger share of its accounts fall at or below it than of FITD's. FITD is not: the share of FITD's accounts at or below an NPV of −$0.01M is 3.2 points higher than ATO's.");
    expect(second!.answer).toBe("ATO is. FITD is not: on average its NPV falls $0.02M further short of $1.54M than ATO's does.");
  });
});

describe('precision reached', () => {
  it('says nothing for a fixed run, and the target, the batches and the outcome for a precision run', () => {
    expect(precisionReached(undefined, 'USD')).toBeNull();
    expect(precisionReached(PRECISION, 'USD')).toBe(
      'Trials were added in batches (2,000, 3,000, 2,000) until the 95% CI of the mean difference ATO − FITD was at most ±$0.10M: reached after 7,000 trials, at ±$0.093M. A precision run gives the same figures as a fixed run of its final trial count.',
    );
    expect(precisionReached({ ...PRECISION, relative: true, target: 0.25, stoppedBy: 'maxTrials', trialsUsed: 50000 }, 'EUR')).toBe(
      'Trials were added in batches (2,000, 3,000, 2,000) until the 95% CI of the mean difference ATO − FITD was at most ±25% of the mean difference (±€0.04M), but the run hit its ceiling of 50,000 trials first, at ±€0.093M: the target was not reached. A precision run gives the same figures as a fixed run of its final trial count.',
    );
  });
});
