/**
 * Risk and dominance between NPV distributions (each strategy against the
 * baseline): first- and
 * second-order stochastic dominance with the largest violation, the P10
 * downside, the expected shortfall at 10% and the chance of losing money.
 */
import { exactColumnSum } from './exact-accumulator.ts';
import { DEFAULT_PAIR } from '../scenario/vocabulary.ts';
import { overKey } from './compared-pair.ts';
import { quantileOfSorted, sortedCopy } from './sample-statistics.ts';

export interface DominanceCheck {
  /** True when the sample CDFs satisfy the dominance everywhere. */
  holds: boolean;
  /** Largest amount by which the condition fails (0 when it holds): a CDF gap for first order, $M for second. */
  largestViolation: number;
  /** NPV ($M) where that violation occurs; absent when the dominance holds. */
  at?: number;
  /**
   * First order only: true when the violation is within sampling noise (below the two-sample
   * Kolmogorov–Smirnov 5% critical value, 1.358·√(2/n)).
   */
  withinNoise?: boolean;
}

export interface RiskProfile {
  p10: number;
  /** Mean of the worst 10% of NPVs. */
  expectedShortfall10: number;
  /** P(NPV < 0). */
  pLoss: number;
}

export interface DominanceSummary {
  /** For each strategy against the baseline, both ways: `atoOverFitd`, `fitdOverAto`, … (see overKey). */
  firstOrder: Record<string, DominanceCheck>;
  secondOrder: Record<string, DominanceCheck>;
  /** By strategy key. */
  risk: Record<string, RiskProfile>;
}

/** P10, expected shortfall at 10% and P(loss) of one strategy's NPVs. */
export function riskProfile(values: ArrayLike<number>): RiskProfile {
  return riskProfileOfSorted(sortedCopy(values));
}

function riskProfileOfSorted(sorted: Float64Array): RiskProfile {
  const tail = Math.max(1, Math.ceil(0.1 * sorted.length));
  let losses = 0;
  while (losses < sorted.length && sorted[losses]! < 0) losses++;
  return { p10: quantileOfSorted(sorted, 0.1), expectedShortfall10: exactColumnSum(sorted.subarray(0, tail)) / tail, pLoss: losses / sorted.length };
}

/**
 * Walks both sorted samples over their merged support and reports, for "A
 * dominates B", the largest F_A − F_B (first order) and the largest
 * ∫F_A − ∫F_B (second order). A dominates B at first order when F_A ≤ F_B
 * everywhere; at second order when ∫_{−∞}^x F_A ≤ ∫_{−∞}^x F_B everywhere.
 * Cost: O(n log n) for the sorts.
 */
function dominanceGaps(a: Float64Array, b: Float64Array): { first: DominanceCheck; second: DominanceCheck } {
  let i = 0;
  let j = 0;
  let integralA = 0;
  let integralB = 0;
  let previous = Math.min(a[0]!, b[0]!);
  let worstFirst = 0;
  let worstFirstAt = 0;
  let worstSecond = 0;
  let worstSecondAt = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    // Integrate the step CDFs from the previous point to x.
    integralA += (i / a.length) * (x - previous);
    integralB += (j / b.length) * (x - previous);
    previous = x;
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
    const gap = i / a.length - j / b.length;
    if (gap > worstFirst) {
      worstFirst = gap;
      worstFirstAt = x;
    }
    const integralGap = integralA - integralB;
    if (integralGap > worstSecond + 1e-12) {
      worstSecond = integralGap;
      worstSecondAt = x;
    }
  }
  const critical = 1.358 * Math.sqrt((a.length + b.length) / (a.length * b.length));
  const first: DominanceCheck = { holds: worstFirst === 0, largestViolation: worstFirst, withinNoise: worstFirst <= critical };
  if (!first.holds) first.at = worstFirstAt;
  const second: DominanceCheck = { holds: worstSecond === 0, largestViolation: worstSecond };
  if (!second.holds) second.at = worstSecondAt;
  return { first, second };
}

/** Dominance both ways of two strategies' NPVs (keyed as the default pair unless named) and each one's risk profile. */
export function summarizeDominance(first: ArrayLike<number>, second: ArrayLike<number>, aKey: string = DEFAULT_PAIR[0], bKey: string = DEFAULT_PAIR[1]): DominanceSummary {
  return summarizeDominanceAgainst({ [aKey]: first, [bKey]: second }, bKey);
}

/**
 * Dominance both ways of every strategy (NPVs by key) against `baseline`, and every strategy's risk profile;
 * `sortedNpvs` are the NPVs' sorted copies when the caller already made them.
 */
export function summarizeDominanceAgainst(npvs: Record<string, ArrayLike<number>>, baseline: string, sortedNpvs?: Record<string, Float64Array>): DominanceSummary {
  const sorted = Object.fromEntries(Object.entries(npvs).map(([key, values]) => [key, sortedNpvs?.[key] ?? sortedCopy(values)]));
  const base = sorted[baseline]!;
  const summary: DominanceSummary = { firstOrder: {}, secondOrder: {}, risk: {} };
  for (const [key, values] of Object.entries(sorted)) {
    if (key === baseline) continue;
    const over = dominanceGaps(values, base);
    const under = dominanceGaps(base, values);
    summary.firstOrder[overKey(key, baseline)] = over.first;
    summary.firstOrder[overKey(baseline, key)] = under.first;
    summary.secondOrder[overKey(key, baseline)] = over.second;
    summary.secondOrder[overKey(baseline, key)] = under.second;
  }
  for (const [key, values] of Object.entries(sorted)) summary.risk[key] = riskProfileOfSorted(values);
  return summary;
}
