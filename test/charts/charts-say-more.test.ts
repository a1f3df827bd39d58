/**
 * Charts that say more (issue 16): each assertion is a way a chart used to
 * hide what it holds.
 */
import { describe, expect, it } from 'vitest';
import { buildNpvDifferenceSpec } from '../../src/charts/build-npv-difference-spec.ts';
import { buildTornadoSpec } from '../../src/charts/build-tornado-spec.ts';
import { formatMoney } from '../../src/charts/format-figures.ts';
import { buildUpstreamSurvivalSpec, survivalFloor } from '../../src/charts/build-upstream-survival-spec.ts';
import { buildFanChartSpec } from '../../src/charts/build-fan-chart-spec.ts';
import { npvDistributionTitle } from '../../src/charts/build-npv-distribution-spec.ts';
import { riskProfileTitle } from '../../src/charts/build-risk-profile-spec.ts';
import { CHART_DATA } from './chart-fixtures.ts';

type Json = Record<string, any>;

describe('npv-difference', () => {
  it('shows the 95% CI of the mean on a zoomed scale that holds zero, where it takes a visible share of the width', () => {
    const spec = buildNpvDifferenceSpec(CHART_DATA.npvDifference) as Json;
    const strip = spec.vconcat[1];
    const [low, high] = CHART_DATA.npvDifference.ci95!;
    const domain: [number, number] = strip.layer[1].encoding.x.scale.domain;
    expect(domain[0]).toBeLessThanOrEqual(Math.min(0, low));
    expect(domain[1]).toBeGreaterThanOrEqual(Math.max(0, high));
    // The interval spans at least a quarter of the strip (on the histogram's scale it was a hairline).
    expect((high - low) / (domain[1] - domain[0])).toBeGreaterThan(0.25);
  });

  it('leaves zero off the zoomed scale when keeping it would make the interval a sliver again, and says so', () => {
    const far = { ...CHART_DATA.npvDifference, mean: 5.05, ci95: [5, 5.1] as [number, number] };
    const strip = (buildNpvDifferenceSpec(far) as Json).vconcat[1];
    const x = strip.layer[0].encoding.x;
    expect(x.scale.domain[0]).toBeGreaterThan(4.9);
    expect(x.title).toContain('0 lies left of this scale');
  });
});

describe('barrier-ablation (tornado)', () => {
  it("labels each side panel's bars with their values, gains right of the whisker and losses left", () => {
    const spec = buildTornadoSpec(CHART_DATA.ablation!) as Json;
    for (const [panel, field] of [[spec.hconcat[1], 'ato'], [spec.hconcat[2], 'fitd']] as const) {
      const texts = panel.layer.filter((layer: Json) => layer.mark.type === 'text');
      expect(texts.map((layer: Json) => [layer.encoding.text.field, layer.encoding.x.field])).toEqual([
        [`${field}Label`, `${field}High`],
        [`${field}Label`, `${field}Low`],
      ]);
    }
    const first = spec.data.values[0];
    expect(first.atoLabel).toBe(formatMoney(first.ato, 'USD', true));
  });
});

describe('upstream-survival', () => {
  it('starts its share axis a tenth below the lowest curve, and says where, unless the curves fall low', () => {
    expect([survivalFloor([1, 0.99, 0.81]), survivalFloor([1, 0.95]), survivalFloor([1, 0.3]), survivalFloor([1, 0.24])]).toEqual([0.7, 0.9, 0, 0]);
    const spec = buildUpstreamSurvivalSpec(CHART_DATA.upstreamSurvival) as Json;
    const y = spec.layer[0].encoding.y;
    const floor = y.scale.domain[0];
    expect(floor === 0 || y.title.includes('axis from')).toBe(true);
  });
});

describe('cash-fan', () => {
  it("draws each band's P10 and P90 edges in its colour over a pale fill, so overlapping bands stay apart", () => {
    const spec = buildFanChartSpec(CHART_DATA.cashFan) as Json;
    const area = spec.layer.find((layer: Json) => layer.mark.type === 'area');
    expect(area.mark.opacity).toBeLessThanOrEqual(0.1);
    const edges = spec.layer.filter((layer: Json) => layer.mark.type === 'line' && layer.mark.strokeDash);
    expect(edges.map((layer: Json) => layer.encoding.y.field)).toEqual(['p10', 'p90']);
    expect(edges.every((layer: Json) => layer.encoding.color.field === 'strategy')).toBe(true);
  });
});

describe('npv-distribution and risk-profile', () => {
  it('tell different things when the means and the P10/P90 tie: the shape (median vs mean), and the left tail (losses)', () => {
    const npv = { mean: 8, p10: 0.8, p50: 5, p90: 18 };
    const distribution = npvDistributionTitle({ ...CHART_DATA.npvDistribution, npv: { ato: npv, fitd: { ...npv, mean: 7.9, p50: 4.9 } } });
    expect(distribution).toBe('ATO and FITD have near-identical means ($8.00M and $7.90M), but the median account earns $5.00M and $4.90M: a long tail of big accounts lifts the means');
    const quantiles = { p10: 0.8, p50: 5, p90: 18 };
    const risk = riskProfileTitle({ ...CHART_DATA.npvCdf, npv: { ato: quantiles, fitd: quantiles }, pLoss: { ato: 0.026, fitd: 0.005 } });
    expect(risk).toBe('ATO loses money on 2.6% of accounts, FITD on 0.5%; from P10 up the two are near-identical (P10 $0.80M vs $0.80M)');
    expect(risk).not.toContain('near-identical means');
  });
});
