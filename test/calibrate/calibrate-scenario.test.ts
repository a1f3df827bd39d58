/**
 * Calibration against known truth: deals simulated from a scenario whose values are known are
 * written as CSV, read back and calibrated on a base that differs from the truth; every fitted
 * value must land within 4 of its own standard errors of the truth, and the errors must not be
 * inflated (their z-scores' root mean square near 1).
 *
 * Why 4: about 35 values are checked. With honest standard errors a value misses 3 SE one time in
 * 370, so one of 35 would miss about one seed in ten; at 4 SE, one seed in 500. A bias of a few
 * standard errors still fails, and the RMS check fails errors inflated to hide one. Over 12 seeds
 * (not run here; 20 s) every group of values had z-scores with mean within ±0.2 and RMS 0.9–1.1.
 */
import { describe, expect, it } from 'vitest';
import { calibrateScenario, type Calibration } from '../../src/calibrate/calibrate-scenario.ts';
import { formatCalibratedScenario } from '../../src/calibrate/format-calibrated-scenario.ts';
import { formatDealHistoryCsv } from '../../src/calibrate/format-deal-history-csv.ts';
import { parseDealHistory } from '../../src/calibrate/parse-deal-history.ts';
import { simulateDealHistory } from '../../src/calibrate/simulate-deal-history.ts';
import { parseScenario, validateScenario } from '../../src/scenario/parse-scenario.ts';
import { scenarioValue } from '../../src/scenario/scenario-paths.ts';
import type { Scenario } from '../../src/scenario/scenario-schema.ts';

function valid(document: unknown): Scenario {
  const result = validateScenario(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

// One account population with no spread (wallet sigma 0, barrier jitter 0): a deal history
// describes its accounts, and these accounts are all alike, so the truth is exactly the scenario.
const structure = { seed: 21, horizonMonths: 72, account: { wallet: { median: 30, sigma: 0 }, barrierJitter: 0 } };
const truth = valid({
  ...structure,
  name: 'truth',
  model: {
    dealValueSigma: 0.7,
    discount: { noise: 0.04 },
    streams: {
      downstream: { walletShare: 0.5, baseDiscount: 0.12, opportunityMix: { repurchase: 0.6, replacement: 0.25, expansion: 0.15, innovation: 0 }, dealSize: { repurchase: 0.2, replacement: 0.6 } },
      midstream: { walletShare: 0.3, dealSize: { expansion: 1.5 } },
      upstream: { walletShare: 0.2, baseDiscount: 0.07 },
    },
    projectTypes: { replacement: { baseWinProbability: 0.55 }, expansion: { meanCycleMonths: 9, baseWinProbability: 0.35 }, repurchase: { meanCycleMonths: 2 } },
  },
});
// The base knows the account's structure (barriers, resources) but has MODEL.md's defaults elsewhere.
const base = valid({ ...structure, seed: 1021, name: 'base' });

function calibrateFrom(strategy: 'ato' | 'fitd', accounts: number): Calibration {
  const deals = simulateDealHistory(truth, { strategy, accounts });
  const csv = formatDealHistoryCsv(deals, truth, { startMonth: 2020 * 12, seed: 1 });
  const { history, issues } = parseDealHistory(csv);
  expect(issues).toEqual([]);
  return calibrateScenario(history, base, { strategy });
}

describe('calibrateScenario recovers known parameters', () => {
  const calibration = calibrateFrom('ato', 100);
  const checked = calibration.values.filter((value) => value.fitted && value.se! > 0);
  const zScores = checked.map((value) => ({ path: value.path, z: (value.value - scenarioValue(truth, value.path)) / value.se! }));

  it('fits every value an ATO history speaks to', () => {
    expect(checked.length).toBeGreaterThanOrEqual(30);
    for (const path of ['account.wallet.median', 'model.dealValueSigma', 'model.discount.noise', 'model.projectTypes.innovation.baseWinProbability', 'model.projectTypes.expansion.meanCycleMonths', 'model.streams.upstream.walletShare']) {
      expect(checked.map((value) => value.path)).toContain(path);
    }
  });

  it('puts each fitted value within 4 standard errors of the truth', () => {
    const misses = zScores.filter(({ z }) => Math.abs(z) > 4);
    expect(misses).toEqual([]);
  });

  it('states standard errors that are neither inflated nor too small (RMS z between 0.6 and 1.5)', () => {
    const rms = Math.sqrt(zScores.reduce((sum, { z }) => sum + z * z, 0) / zScores.length);
    expect(rms).toBeGreaterThan(0.6);
    expect(rms).toBeLessThan(1.5);
  });

  it('moves the values the truth changed away from the base', () => {
    const value = (path: string) => calibration.values.find((entry) => entry.path === path)!;
    for (const path of ['model.projectTypes.replacement.baseWinProbability', 'model.streams.downstream.dealSize.repurchase', 'model.projectTypes.repurchase.meanCycleMonths']) {
      const fitted = value(path);
      expect(Math.abs(fitted.value - fitted.base) / fitted.se!).toBeGreaterThan(4);
    }
  });

  it('writes a commented scenario that parses back to the calibrated one', () => {
    const text = formatCalibratedScenario(calibration);
    const parsed = parseScenario(text);
    expect(parsed.ok && parsed.scenario).toEqual(calibration.scenario);
    expect(text).toMatch(/^ {4}median: [\d.]+ # fitted from [\d,]+ deals, ± [\d.]+$/m);
    expect(text).toMatch(/^ {6}stages: 4 # not fitted: stage pass rate in the data: downstream/m);
    expect(text).toMatch(/^ {4}sigma: 0 # not fitted: how much accounts like these differ/m);
  });
});

describe('calibrateScenario with thin data', () => {
  it('keeps values with too few deals at the base, with a warning, and says which', () => {
    const calibration = calibrateFrom('fitd', 6);
    expect(calibration.warnings.some((warning) => /^model\.streams\.upstream\.walletShare left at the base value 0\.3: too little data|^no upstream deals in the data/.test(warning))).toBe(true);
    const kept = calibration.values.filter((value) => !value.fitted && value.warn);
    expect(kept.length).toBeGreaterThan(0);
    for (const value of kept) {
      expect(value.value).toBe(value.base);
      expect(value.reason).toMatch(/too little data: \d+ deals? .*\(need 10\)/);
    }
    const text = formatCalibratedScenario(calibration);
    expect(text).toMatch(/# not in the data: base value \(too little data: \d+ deals? .*\(need 10\)/);
    expect(text).toContain('# Warnings from calibration:');
  });

  it('fits, from one stream\'s spend, what is identified: ω·W for the streams in the data', () => {
    // FITD rarely reaches upstream: W and the shares of the streams in the data then rest on the
    // base's share for upstream (0.3 here, 0.2 in the truth). Their product, the stream's spend,
    // does not.
    const calibration = calibrateFrom('fitd', 60);
    const value = (path: string) => calibration.values.find((entry) => entry.path === path)!;
    const wallet = value('account.wallet.median');
    for (const stream of ['downstream', 'midstream']) {
      const share = value(`model.streams.${stream}.walletShare`);
      if (!share.fitted) continue;
      const spend = wallet.value * share.value;
      const truthSpend = truth.account.wallet.median * scenarioValue(truth, `model.streams.${stream}.walletShare`);
      const se = spend * Math.hypot(wallet.se! / wallet.value, share.se! / share.value);
      expect(Math.abs(spend - truthSpend)).toBeLessThan(4 * se);
    }
  });

  it('leaves win probabilities and cycles at the base without an outcome column', () => {
    const { history } = parseDealHistory('stream,type,value,opened\n' + Array.from({ length: 40 }, (_, i) => `D,REP,0.2,2021-${String(1 + (i % 12)).padStart(2, '0')}-01`).join('\n'));
    const calibration = calibrateScenario(history, base);
    expect(calibration.warnings).toContain('the file has no outcome column: win probabilities and sales cycles stay at the base values');
    expect(calibration.values.find((value) => value.path === 'model.projectTypes.repurchase.baseWinProbability')).toMatchObject({ fitted: false, value: 0.75 });
  });
});
