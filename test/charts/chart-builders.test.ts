/**
 * Golden tests of every chart builder on small fixed inputs: the vega-lite
 * JSON is compared with test/charts/golden/<name>.vl.json (never pixels).
 * Regenerate after an intended change with UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { STRATEGY_COLORS, STRATEGY_LABELS } from '../../src/charts/chart-theme.ts';
import { CHART_DATA } from './chart-fixtures.ts';

const GOLDEN = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

function collectWarnings() {
  const warnings: string[] = [];
  const logger = {
    level: (_?: number) => logger,
    error: (...args: unknown[]) => (warnings.push(`error: ${args.join(' ')}`), logger),
    warn: (...args: unknown[]) => (warnings.push(`warn: ${args.join(' ')}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  return { warnings, logger };
}

describe('chart builders', () => {
  it('the registry lists eight charts with unique kebab-case names', () => {
    const names = REPORT_CHARTS.map((c) => c.name);
    expect(names).toHaveLength(8);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(REPORT_CHARTS.map((c) => [c.name, c] as const))('%s matches its golden vega-lite JSON', (name, chart) => {
    const text = `${JSON.stringify(chart.build(CHART_DATA), null, 2)}\n`;
    const file = join(GOLDEN, `${name}.vl.json`);
    if (update) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, text);
    }
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/charts`).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });

  it.each(REPORT_CHARTS.map((c) => [c.name, c] as const))('%s compiles with vega-lite without warnings', (_, chart) => {
    const { warnings, logger } = collectWarnings();
    const { spec } = compile(chart.build(CHART_DATA), { logger: logger as never });
    expect(warnings).toEqual([]);
    expect(spec.marks?.length).toBeGreaterThan(0);
  });

  it.each(REPORT_CHARTS.map((c) => [c.name, c] as const))('%s is a pure function of its data', (_, chart) => {
    expect(JSON.stringify(chart.build(structuredClone(CHART_DATA)))).toBe(JSON.stringify(chart.build(CHART_DATA)));
  });

  it('colours ATO and FITD the same way in every chart coloured by strategy', () => {
    for (const chart of REPORT_CHARTS) {
      const text = JSON.stringify(chart.build(CHART_DATA));
      if (!text.includes(STRATEGY_LABELS.ato)) continue;
      expect(text, chart.name).toContain(JSON.stringify({ domain: [STRATEGY_LABELS.ato, STRATEGY_LABELS.fitd], range: [STRATEGY_COLORS.ato, STRATEGY_COLORS.fitd] }).slice(1, -1));
    }
  });

  it('gives every chart a title, axis titles with units where money is plotted, and the DejaVu font', () => {
    for (const chart of REPORT_CHARTS) {
      const spec = chart.build(CHART_DATA) as { title: { text: unknown }; config: { font: string } };
      expect(spec.title.text, chart.name).toBeTruthy();
      expect(spec.config.font).toBe('DejaVu Sans');
      const text = JSON.stringify(spec);
      if (/NPV|cash|Per account \(/.test(text)) expect(text, chart.name).toMatch(/\(\$M\)/);
    }
  });
});
