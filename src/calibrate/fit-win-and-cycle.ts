/**
 * Base win probabilities and sales cycles (MODEL.md §3.4), fitted together by
 * maximum likelihood per project type k, because deals still open at the
 * export are the long ones: dropping them would bias cycles short and, as won
 * deals run through every stage and take longest, win rates low.
 *
 * The model a deal of stream s and type k follows:
 * - it is won (passes all n_k stages) with probability w_s = p0_k·f[s][k],
 *   f the base scenario's average win factor (measure-win-factors.ts);
 * - a lost deal passed p < n_k stages with probability ρ^p(1−ρ)/(1−ρ^n_k),
 *   ρ the stream's stage pass rate: fitted when the data give enough stages
 *   reached, else the model's own w^(1/n_k);
 * - it closes 1 + ⌊D⌋ months after it opened, D ~ Gamma(2) with mean
 *   m = c̄_k·(1 + wallsEffect·FW)·max(p, 1)/n_k (+ PUR·delay outside
 *   downstream), FW and PUR at the base's typical levels;
 * - a deal open at the export month E, opened in month t, has ⌊D⌋ ≥ E − t.
 */
import type { ModelParameters } from '../model/parameters.ts';
import { scenarioValue } from '../scenario/scenario-paths.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { DOWNSTREAM, FUNCTIONAL_WALLS, PROJECT_TYPE_COUNT, PROJECT_TYPES, PURCHASING_CONTROL, STREAMS } from '../scenario/vocabulary.ts';
import type { Deal } from './deal-history.ts';
import { fitted, kept, tooFew, type FittedValue } from './fitted-value.ts';
import { maximizeLikelihood } from './maximize-likelihood.ts';
import type { WinFactors } from './measure-win-factors.ts';

const WON = 0;
const LOST_AT = 1;
const LOST = 2;
const OPEN = 3;

interface DealGroup {
  stream: number;
  kind: number;
  /** Stages passed (LOST_AT only). */
  passed: number;
  /** ⌊D⌋ for closed deals; E − t for open ones. */
  months: number;
  count: number;
}

/**
 * P(D ≥ x) for D ~ Gamma(shape 2) with mean m: e^(−2x/m)·(1 + 2x/m).
 *
 * @example gammaTwoSurvival(0, 3) // => 1
 */
export function gammaTwoSurvival(x: number, mean: number): number {
  if (x <= 0) return 1;
  const r = (2 * x) / mean;
  return Math.exp(-r) * (1 + r);
}

const safeLog = (x: number) => Math.log(x > 1e-300 ? x : 1e-300);
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const round = (value: number, digits = 2) => Number(value.toPrecision(digits));

export interface WinAndCycleFit {
  values: FittedValue[];
  warnings: string[];
}

/** Fits p0_k and c̄_k for every project type the data have enough closed deals of. */
export function fitWinAndCycle(deals: readonly Deal[], base: Scenario, params: ModelParameters, factors: WinFactors, dataEnd: number, minDeals: number): WinAndCycleFit {
  const values: FittedValue[] = [];
  const warnings: string[] = [];
  const sameMonth = deals.filter((deal) => deal.closed !== null && deal.closed === deal.opened).length;
  if (sameMonth > 0) {
    warnings.push(`${sameMonth} deal${sameMonth === 1 ? '' : 's'} closed in the month ${sameMonth === 1 ? 'it' : 'they'} opened; the model closes a deal a month later at the earliest, so ${sameMonth === 1 ? 'it counts' : 'they count'} as 1 month`);
  }
  PROJECT_TYPES.forEach((type, k) => {
    const typeDeals = deals.filter((deal) => deal.type === k);
    const measured = (deal: Deal) => factors.factor[deal.stream * PROJECT_TYPE_COUNT + k]! > 0;
    const usable = typeDeals.filter(measured);
    const left = typeDeals.length - usable.length;
    if (left > 0) {
      const streams = [...new Set(typeDeals.filter((deal) => !measured(deal)).map((deal) => STREAMS[deal.stream]))].join(', ');
      warnings.push(`${left} ${type} deal${left === 1 ? '' : 's'} in ${streams} left out of the win and cycle fit: the base scenario under ${factors.strategy.toUpperCase()} pursues no such deals, so their win factor is unknown`);
    }
    values.push(...fitType(usable, base, params, factors, dataEnd, minDeals, k));
  });
  return { values, warnings };
}

function fitType(deals: readonly Deal[], base: Scenario, params: ModelParameters, factors: WinFactors, dataEnd: number, minDeals: number, k: number): FittedValue[] {
  const type = PROJECT_TYPES[k]!;
  const winPath = `model.projectTypes.${type}.baseWinProbability`;
  const cyclePath = `model.projectTypes.${type}.meanCycleMonths`;
  const stagesPath = `model.projectTypes.${type}.stages`;
  const baseWin = scenarioValue(base, winPath);
  const baseCycle = scenarioValue(base, cyclePath);
  const stages = params.stages[k]!;
  const closed = deals.filter((deal) => deal.outcome !== 'open');
  const won = closed.filter((deal) => deal.outcome === 'won').length;
  const keepAll = (reason: string, warn: boolean) => [
    kept(winPath, baseWin, closed.length, reason, warn),
    kept(cyclePath, baseCycle, closed.length, reason, warn),
    kept(stagesPath, stages, 0, 'not fitted: the number of stages is the sales process\'s'),
  ];
  if (closed.length < minDeals) {
    return keepAll(closed.length === 0 ? 'no closed deals in the data' : `too little data: ${tooFew(closed.length, minDeals)} closed`, closed.length > 0);
  }
  if (won === 0 || won === closed.length) {
    return keepAll(`all ${closed.length} closed deals were ${won === 0 ? 'lost' : 'won'}: the win rate cannot be told`, true);
  }

  // Group identical deals: the likelihood then costs per distinct (stream, kind, stages, months).
  const groups = new Map<string, DealGroup>();
  const lostWithStage = new Float64Array(STREAMS.length);
  for (const deal of deals) {
    let kind: number;
    let passed = 0;
    let months: number;
    if (deal.outcome === 'open') {
      kind = OPEN;
      months = dataEnd - deal.opened;
    } else {
      months = Math.max(1, deal.closed! - deal.opened) - 1;
      kind = deal.outcome === 'won' ? WON : LOST;
      if (kind === LOST && deal.stageReached !== null && deal.stageReached <= stages) {
        kind = LOST_AT;
        passed = deal.stageReached - 1;
        lostWithStage[deal.stream]!++;
      }
    }
    const key = `${deal.stream}:${kind}:${passed}:${months}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { stream: deal.stream, kind, passed, months, count: 1 });
  }
  const streams = [...new Set(deals.map((deal) => deal.stream))].sort();
  const freeStages = streams.filter((s) => lostWithStage[s]! >= minDeals);
  const factor = (s: number) => factors.factor[s * PROJECT_TYPE_COUNT + k]!;
  const walls = 1 + params.cycle.wallsEffect * params.barrierLevels[FUNCTIONAL_WALLS]!;
  const delay = params.cycle.purchasingDelayMonths * params.barrierLevels[PURCHASING_CONTROL]!;
  const maxWin = Math.min(1, 0.9999 / Math.max(...streams.map(factor)));

  const logLikelihood = (x: number[]): number => {
    const cycle = Math.exp(x[0]!);
    const p0 = Math.exp(x[1]!);
    let total = 0;
    const perStream = new Map<number, { w: number; lostShare: number[]; mean: number[] }>();
    for (const s of streams) {
      const w = Math.min(0.9999, p0 * factor(s));
      const free = freeStages.indexOf(s);
      const rho = free >= 0 ? logistic(x[2 + free]!) : Math.pow(w, 1 / stages);
      const norm = 1 - Math.pow(rho, stages);
      const lostShare = Array.from({ length: stages }, (_, p) => (norm > 1e-12 ? (Math.pow(rho, p) * (1 - rho)) / norm : 1 / stages));
      const mean = Array.from({ length: stages + 1 }, (_, p) => (cycle * walls * Math.max(p, 1)) / stages + (s === DOWNSTREAM ? 0 : delay));
      perStream.set(s, { w, lostShare, mean });
    }
    for (const group of groups.values()) {
      const { w, lostShare, mean } = perStream.get(group.stream)!;
      const j = group.months;
      const closeAt = (m: number) => gammaTwoSurvival(j, m) - gammaTwoSurvival(j + 1, m);
      let likelihood: number;
      if (group.kind === WON) likelihood = w * closeAt(mean[stages]!);
      else if (group.kind === LOST_AT) likelihood = (1 - w) * lostShare[group.passed]! * closeAt(mean[group.passed]!);
      else if (group.kind === LOST) likelihood = (1 - w) * lostShare.reduce((sum, share, p) => sum + share * closeAt(mean[p]!), 0);
      else likelihood = w * gammaTwoSurvival(j, mean[stages]!) + (1 - w) * lostShare.reduce((sum, share, p) => sum + share * gammaTwoSurvival(j, mean[p]!), 0);
      total += group.count * safeLog(likelihood);
    }
    return total;
  };

  const startWin = Math.min(maxWin * 0.99, Math.max(1e-3, baseWin));
  const start = [Math.log(Math.max(0.1, baseCycle)), Math.log(startWin), ...freeStages.map((s) => logit(Math.min(0.99, Math.pow(startWin * factor(s), 1 / stages))))];
  const bounds: [number, number][] = [[Math.log(0.05), Math.log(240)], [Math.log(1e-4), Math.log(maxWin)], ...freeStages.map((): [number, number] => [-9, 9])];
  const maximum = maximizeLikelihood(logLikelihood, start, bounds);
  const atBound = maximum.at.some((value, i) => Math.abs(value - bounds[i]![0]) < 1e-6 || Math.abs(value - bounds[i]![1]) < 1e-6);
  if (!maximum.covariance || atBound) {
    const reason = atBound && Math.abs(maximum.at[1]! - bounds[1]![1]) < 1e-6
      ? `the data's win rates are higher than the base scenario's factors allow with p0 at most ${round(maxWin, 3)}`
      : 'the data do not pin it down (the likelihood is flat)';
    return keepAll(reason, true);
  }

  const p0 = Math.exp(maximum.at[1]!);
  const cycle = Math.exp(maximum.at[0]!);
  const weight = (s: number) => deals.filter((deal) => deal.stream === s).length;
  const relativeFactorError = streams.reduce((sum, s) => sum + weight(s) * (factors.se[s * PROJECT_TYPE_COUNT + k]! / factor(s)), 0) / deals.length;
  // Deals of one account share its path (image, relationship, pull-through): add the spread of
  // accounts' own factors, weighted by how the data's deals cluster in accounts (Σ n_a² per stream).
  const clustered = streams.reduce((sum, s) => {
    const perAccount = new Map<string, number>();
    for (const deal of deals) if (deal.stream === s) perAccount.set(deal.account, (perAccount.get(deal.account) ?? 0) + 1);
    const squares = [...perAccount.values()].reduce((total, n) => total + n * n, 0);
    return sum + factors.accountVariance[s * PROJECT_TYPE_COUNT + k]! * squares;
  }, 0);
  const expectedWins = streams.reduce((sum, s) => sum + weight(s) * factor(s), 0);
  const winSe = Math.sqrt(p0 * p0 * maximum.covariance[1]![1]! + (p0 * relativeFactorError) ** 2 + (p0 * p0 * clustered) / (expectedWins * expectedWins));
  const cycleSe = cycle * Math.sqrt(maximum.covariance[0]![0]!);
  const open = deals.length - closed.length;
  const byStream = streams.map((s) => `${STREAMS[s]} ${weight(s)}`).join(', ');
  const winDetail = `deals by stream: ${byStream}; win rate = p0 × the base's average win factor (${streams.map((s) => `${STREAMS[s]} ${round(factor(s))}`).join(', ')}), ${open} open deals taken as censored`;
  const stageDetail = freeStages.length === 0
    ? 'too few lost deals with their stage reached to check the stage pass rate'
    : `stage pass rate in the data: ${freeStages.map((s, i) => `${STREAMS[s]} ${round(logistic(maximum.at[2 + i]!))} ± ${round(logistic(maximum.at[2 + i]!) * (1 - logistic(maximum.at[2 + i]!)) * Math.sqrt(maximum.covariance![2 + i]![2 + i]!), 1)} (the model's p^(1/n): ${round(Math.pow(Math.min(0.9999, p0 * factor(s)), 1 / stages))})`).join(', ')}`;
  return [
    fitted(winPath, p0, baseWin, deals.length, winSe, winDetail),
    fitted(cyclePath, cycle, baseCycle, deals.length, cycleSe, `months from opened to closed, ${closed.length} closed and ${open} open deals`),
    kept(stagesPath, stages, lostWithStage.reduce((a, b) => a + b, 0), `not fitted: ${stageDetail}`),
  ];
}
