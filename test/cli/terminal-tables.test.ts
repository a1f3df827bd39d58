/**
 * The terminal tables read as prose: one minus sign (U+2212) in every table,
 * months as whole numbers, counts with separators, words instead of
 * identifiers, and the upstream row named for what it counts.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/pipeline/run-scenario.ts';
import { formatSummaryTable, strategyLabelsOf } from '../../src/cli/format-summary-table.ts';
import { formatAnalysisTable } from '../../src/cli/format-analysis-table.ts';
import { formatMillions, formatMonth, formatSigned } from '../../src/cli/terminal-figures.ts';
import { scenarioFrom } from '../helpers.ts';

describe('terminal figures', () => {
  it('write every negative number with U+2212 and no negative zero', () => {
    expect(formatMillions(-3.584)).toBe('−3.58');
    expect(formatMillions(-0.001)).toBe('0.00');
    expect(formatMillions(0.11, true)).toBe('+0.11');
    expect(formatMillions(-123.45)).toBe('−123.5');
    expect(formatSigned(-0.96)).toBe('−0.96');
    expect(formatSigned(0.004)).toBe('0.00');
    expect(formatMonth(24.5)).toBe('25');
    expect(formatMonth(null)).toBe('never');
  });
});

describe('the run tables', () => {
  it('have no ASCII minus, no fractional month, no camelCase identifier, and name the upstream row', async () => {
    // The default scenario: raised barriers in the ablation and losing paths give negative figures.
    const scenario = scenarioFrom('name: terminal\ntrials: 1500\nseed: 4\n');
    const { summary } = await runScenario(scenario, { workers: 1, ablationTrials: 300 });
    const text = formatSummaryTable(summary, strategyLabelsOf(scenario)) + formatAnalysisTable(summary, strategyLabelsOf(scenario));
    expect(text).toMatch(/−\d/);
    expect(text).not.toMatch(/(^|[^\w])-\d/m);
    expect(text).toContain(`P(no upstream win in ${scenario.horizonMonths} months)`);
    expect(text).not.toContain('locked downstream');
    expect(text).toContain('1,500 accounts');
    for (const line of text.split('\n').filter((l) => l.includes('median month'))) expect(line).toMatch(/(\s+(\d+|never)){2}$/);
    // Identifiers such as stalledAtMidstream or functionalWalls; strategy labels and units are words already.
    expect(text.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []).toEqual([]);
    expect(text).toContain('functional walls 0.6 → 0');
    expect(text).toContain('Stalled at midstream');
  });
});
