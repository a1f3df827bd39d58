import { describe, expect, it } from 'vitest';
import { formatSweepTable } from '../../src/cli/commands/sweep-command.ts';
import type { SweepResult } from '../../src/stats/sweep.ts';
import { SWEEP_LINE, SWEEP_MAP } from '../charts/sweep-fixtures.ts';

describe('the sweep table', () => {
  it("shows each point's paired change from the previous one, and how much pairing tightens it", () => {
    if (SWEEP_LINE.breakEven.kind !== 'line') throw new Error('SWEEP_LINE is a line');
    const diffs = SWEEP_LINE.points.map((p) => p.diff.mean);
    const steps = diffs.slice(1).map((d, i) => ({ from: i, to: i + 1, change: { mean: d - diffs[i]!, se: 0.03 }, unpairedSe: 0.1 + i * 0.05, correlation: 0.95 }));
    const result: SweepResult = { ...SWEEP_LINE, breakEven: { ...SWEEP_LINE.breakEven, steps } };
    const lines = formatSweepTable(result).split('\n');
    expect(lines[3]).toMatch(/95% CI\s+change$/);
    expect(lines[4]).not.toContain('SE');
    // 1.2 → 0.8 → 0.3 → −0.15 → −0.4
    expect(lines.slice(5, 9).map((line) => /([+−]\d\.\d\d) \(SE 0\.03\)/.exec(line)?.[1])).toEqual(['−0.40', '−0.50', '−0.45', '−0.25']);
    expect(lines).toContain("  change: ATO − FITD less the previous point's, trial by trial; its SE is 0.12–0.30× what unrelated worlds would give.");
  });

  it('has no change column for a map or a line without steps', () => {
    expect(formatSweepTable(SWEEP_MAP)).not.toContain('change');
    expect(formatSweepTable(SWEEP_LINE)).not.toContain('change');
  });
});
