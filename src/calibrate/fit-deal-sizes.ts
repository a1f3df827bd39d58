/**
 * Deal sizes (MODEL.md §3.2): values are lognormal, V = v̄·exp(σ_V·z − σ_V²/2),
 * with one σ_V for every stream and type. Every deal in the data counts, won,
 * lost or open: in the model a deal's value has no bearing on whether it is
 * seen, pursued or won.
 */
import { mean, sum, sumNthPowerDeviations } from 'simple-statistics';
import { scenarioValue } from '../scenario/scenario-paths.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { PROJECT_TYPES, STREAMS } from '../scenario/vocabulary.ts';
import type { Deal } from './deal-history.ts';
import { fitted, kept, tooFew, type FittedValue } from './fitted-value.ts';

/**
 * σ_V from the pooled within-cell spread of ln V, and v̄ per stream and type
 * as exp(mean ln V + σ_V²/2).
 *
 * Why: the log-mean of each cell and one pooled log-spread are the maximum
 * likelihood estimates of the model's lognormal. Standard errors: σ_V/√(2·df)
 * for σ_V, and v̄·√(σ²/n + σ⁴/(2·df)) for v̄ (delta method).
 * Cost: one pass over the deals.
 */
export function fitDealSizes(deals: readonly Deal[], base: Scenario, minDeals: number): FittedValue[] {
  const logs = STREAMS.map(() => PROJECT_TYPES.map((): number[] => []));
  for (const deal of deals) logs[deal.stream]![deal.type]!.push(Math.log(deal.value));
  const cells = logs.flat().filter((cell) => cell.length > 0);
  const df = sum(cells.map((cell) => cell.length)) - cells.length;
  const pooledSquares = sum(cells.map((cell) => sumNthPowerDeviations(cell, 2)));

  const sigmaPath = 'model.dealValueSigma';
  const baseSigma = scenarioValue(base, sigmaPath);
  const sigmaFitted = df >= minDeals && pooledSquares > 0;
  const sigma = sigmaFitted ? Math.sqrt(pooledSquares / df) : baseSigma;
  const values: FittedValue[] = [
    sigmaFitted
      ? fitted(sigmaPath, sigma, baseSigma, df + cells.length, sigma / Math.sqrt(2 * df), 'pooled spread of ln(value) within each stream and type')
      : kept(sigmaPath, baseSigma, deals.length, `too little data: ${tooFew(df, minDeals)} beyond one per stream and type`, deals.length > 0),
  ];

  STREAMS.forEach((stream, s) => {
    PROJECT_TYPES.forEach((type, k) => {
      const path = `model.streams.${stream}.dealSize.${type}`;
      const cell = logs[s]![k]!;
      const baseValue = scenarioValue(base, path);
      if (cell.length < minDeals) {
        const streamInData = logs[s]!.some((other) => other.length > 0);
        values.push(kept(path, baseValue, cell.length, cell.length === 0 ? 'no deals in the data' : `too little data: ${tooFew(cell.length, minDeals)}`, streamInData && cell.length > 0));
        return;
      }
      const value = Math.exp(mean(cell) + (sigma * sigma) / 2);
      const sigmaVariance = sigmaFitted ? sigma ** 4 / (2 * df) : 0;
      values.push(fitted(path, value, baseValue, cell.length, value * Math.sqrt((sigma * sigma) / cell.length + sigmaVariance)));
    });
  });
  return values;
}
