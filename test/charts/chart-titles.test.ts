/**
 * The findings chart titles state, computed from the data: each wording
 * branch on small hand-made inputs.
 */
import { describe, expect, it } from 'vitest';
import { fanChartTitle } from '../../src/charts/build-fan-chart-spec.ts';
import { funnelTitle } from '../../src/charts/build-funnel-spec.ts';
import { npvDifferenceTitle } from '../../src/charts/build-npv-difference-spec.ts';
import { npvDistributionTitle } from '../../src/charts/build-npv-distribution-spec.ts';
import { riskProfileTitle } from '../../src/charts/build-risk-profile-spec.ts';
import { streamPenetrationTitle } from '../../src/charts/build-stream-penetration-spec.ts';
import { survivalByMonth, upstreamSurvivalTitle } from '../../src/charts/build-upstream-survival-spec.ts';
import { valueByStreamTitle } from '../../src/charts/build-value-by-stream-spec.ts';
import { currencySymbol, formatMoney, formatPercent, formatRate, moneyUnit } from '../../src/charts/format-figures.ts';
import { wrapTitle } from '../../src/charts/wrap-title.ts';
import { CHART_DATA } from './chart-fixtures.ts';

describe('figures', () => {
  it('formats money in millions with the currency', () => {
    expect([formatMoney(0.1621, 'USD'), formatMoney(-0.38, 'EUR'), formatMoney(31.22, 'USD'), formatMoney(120.4, 'GBP'), formatMoney(0.25, 'USD', true)]).toEqual([
      '$0.16M',
      '−€0.38M',
      '$31.2M',
      '£120M',
      '+$0.25M',
    ]);
    expect([currencySymbol('sek'), moneyUnit('SEK'), moneyUnit('USD')]).toEqual(['sek ', 'SEK M', '$M']);
  });

  it('formats shares without rounding a small share to 0% or a large one to 100%', () => {
    expect([formatPercent(0.2667), formatPercent(0.2667, 1), formatPercent(0.001), formatPercent(0.9991), formatPercent(0), formatPercent(1)]).toEqual([
      '27%',
      '26.7%',
      '<1%',
      '>99%',
      '0%',
      '100%',
    ]);
    expect([formatRate(0.1), formatRate(0.075)]).toEqual(['10%', '7.5%']);
  });
});

describe('wrapTitle', () => {
  it('keeps short titles on one line and breaks long ones after a comma or before a bracket', () => {
    expect(wrapTitle('Short')).toBe('Short');
    expect(wrapTitle('ATO beats FITD by $0.16M per account on average, yet FITD does better in 73% of accounts')).toEqual([
      'ATO beats FITD by $0.16M per account on average,',
      'yet FITD does better in 73% of accounts',
    ]);
    expect(wrapTitle("FITD's median account leads in cash in every month ($2.67M vs $1.93M by month 71)")).toEqual([
      "FITD's median account leads in cash in every month",
      '($2.67M vs $1.93M by month 71)',
    ]);
  });
});

describe('chart titles state the finding', () => {
  it('NPV distribution: a clear lead, or near-identical distributions', () => {
    expect(npvDistributionTitle(CHART_DATA.npvDistribution)).toBe("ATO's mean NPV per account is 25% higher ($1.25M vs $1.00M)");
    const close = { ...CHART_DATA.npvDistribution, npv: { ...CHART_DATA.npvDistribution.npv, fitd: { ...CHART_DATA.npvDistribution.npv.fitd!, mean: 1.22 } } };
    expect(npvDistributionTitle(close)).toBe('ATO and FITD give near-identical NPV distributions (mean $1.25M and $1.22M; the median account earns $1.10M and $1.00M)');
  });

  it('paired difference: the average, whether most accounts agree, or no clear winner', () => {
    const data = CHART_DATA.npvDifference;
    expect(npvDifferenceTitle(data)).toBe('ATO beats FITD by $0.25M per account on average, yet FITD does better in 60% of accounts');
    expect(npvDifferenceTitle({ ...data, pBetter: 0.7 })).toBe('ATO beats FITD by $0.25M per account on average, and in 70% of accounts');
    expect(npvDifferenceTitle({ ...data, mean: -0.25, ci95: [-0.45, -0.05], pBetter: 0.3 })).toBe(
      'FITD beats ATO by $0.25M per account on average, and in 70% of accounts',
    );
    expect(npvDifferenceTitle({ ...data, ci95: [-0.1, 0.6] })).toBe('No clear NPV winner: ATO − FITD averages +$0.25M (95% CI −$0.10M to $0.60M)');
  });

  it('cash fan: when the median leader took over', () => {
    expect(fanChartTitle(CHART_DATA.cashFan)).toBe("ATO's median account pulls ahead in cash from month 3 ($1.20M vs $0.90M by month 3, the last)");
    const fitdAhead = { ...CHART_DATA.cashFan, fan: { ato: CHART_DATA.cashFan.fan.ato!.map((m) => ({ ...m, p50: m.p50 - 2 })), fitd: CHART_DATA.cashFan.fan.fitd! } };
    expect(fanChartTitle(fitdAhead)).toBe("FITD's median account leads in cash in every month ($0.90M vs −$0.80M by month 3, the last)");
  });

  it('stream penetration: upstream coverage and wins at the horizon', () => {
    expect(streamPenetrationTitle(CHART_DATA.streamPenetration)).toBe('ATO covers upstream in 90% of accounts by month 3, the last, FITD in 10%; 20% vs 0% have won there and are still customers');
  });

  it('upstream survival: months sooner when both medians exist, else the trap', () => {
    expect(upstreamSurvivalTitle(CHART_DATA.upstreamSurvival)).toBe('The downstream trap: 90% of FITD accounts have no upstream win by month 3, the last of 4 (ATO: 60%)');
    const both = { ...CHART_DATA.upstreamSurvival, survival: { ato: [{ time: 1, atRisk: 10, events: 6, censored: 0, survival: 0.4 }], fitd: [{ time: 3, atRisk: 10, events: 5, censored: 5, survival: 0.5 }] } };
    expect(upstreamSurvivalTitle(both)).toBe("ATO's median account wins upstream 2 months sooner (month 1 vs 3)");
    expect(survivalByMonth(CHART_DATA.upstreamSurvival.survival.ato!, 4)).toEqual([1, 0.8, 0.8, 0.6]);
  });

  it('funnel: deals won and where the gap is widest', () => {
    expect(funnelTitle(CHART_DATA.funnel)).toBe('ATO wins 11.0 deals per account, FITD 9.64; the gap is widest in innovation deals (4.0×)');
  });

  it('value by stream: the stream that earns the margin and the one that does not pay its way', () => {
    expect(valueByStreamTitle(CHART_DATA.valueByStream)).toBe("Downstream earns 92% of ATO's gross margin and 98% of FITD's; ATO's upstream costs $1.25M to earn $0.15M of margin");
  });

  it('risk profile: a trade-off, near-identical risk, or one ahead everywhere', () => {
    const data = CHART_DATA.npvCdf;
    expect(riskProfileTitle(data)).toBe('FITD has the better downside, ATO the better upside (ATO vs FITD: P10 −$0.50M vs $0.10M, P90 $2.90M vs $2.50M)');
    const same = { ...data, npv: { ato: data.npv.ato!, fitd: data.npv.ato! } };
    expect(riskProfileTitle(same)).toBe('ATO loses money on 20.0% of accounts, FITD on 5.0%; from P10 up the two are near-identical (P10 −$0.50M vs −$0.50M)');
    const sameLosses = { ...same, pLoss: { ato: 0.05, fitd: 0.05 } };
    expect(riskProfileTitle(sameLosses)).toBe('ATO and FITD carry near-identical NPV risk (ATO vs FITD: P10 −$0.50M vs −$0.50M, P90 $2.90M vs $2.90M)');
    const atoAhead = { ...data, npv: { ato: data.npv.ato!, fitd: { p10: -1, p50: 0.5, p90: 2 } }, cdf: { ato: data.cdf.ato!, fitd: data.cdf.ato!.map((p) => ({ ...p, value: p.value - 0.5 })) } };
    expect(riskProfileTitle(atoAhead)).toBe("ATO's NPV is at least as high as FITD's at every percentile (P1 to P99)");
  });
});
