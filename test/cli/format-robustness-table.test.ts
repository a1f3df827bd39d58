/** Issue 15: the terminal's short "How sure" block and the report section, on the hand-written chart fixture's robustness figures. */
import { describe, expect, it } from 'vitest';
import { formatRobustnessTable } from '../../src/cli/format-robustness-table.ts';
import { robustnessCaveat, robustnessSection } from '../../src/report/robustness-section.ts';
import type { FullSummary } from '../../src/stats/full-summary.ts';
import { CHART_DATA } from '../charts/chart-fixtures.ts';

const summary = { robustness: CHART_DATA.robustness.robustness, currency: 'USD', trials: 10, strategies: { ato: {}, fitd: {} } } as unknown as FullSummary;
const names = { ato: 'ATO', fitd: 'FITD' };

describe('robustness in the terminal and the report', () => {
  it('prints the verdicts, the switchovers that flip, the best and worst group and the cash, in short', () => {
    const text = formatRobustnessTable(summary, names);
    expect(text).toContain('ATO leads only with a run-rate terminal value; without one FITD leads by $0.87M');
    expect(text).toContain('10%, run-rate terminal value, 4 months (as run)');
    expect(text).toContain('flips below 0.0037 (95% 0.003–0.0043; now 0.004)');
    expect(text).toContain('does not flip in its range: downstream-trap factor');
    expect(text).toContain('wallet above $31.0M and functional walls up to 0.55');
    expect(text).toContain('month 3');
    expect(text.split('\n').length).toBeLessThan(35);
  });

  it('opens the report section with the valuation finding and puts the hinge in the headline caveat', () => {
    const html = robustnessSection(summary, names, 3);
    expect(html).toContain('<h2 id="heading-robustness">How sure, and on what does it hinge?</h2>');
    expect(html).toContain('With 3 plans, these analyses follow the compared pair, ATO against FITD.');
    expect(html).toContain('Which assumption, if wrong, changes the decision?');
    expect(robustnessCaveat(summary, names)).toBe(
      'ATO leads only with a run-rate terminal value; without one FITD leads by $0.87M; at a 15% discount rate FITD leads by $0.35M. The verdict hinges most on base churn hazard: it flips below 0.0037 (95% 0.003–0.0043; now 0.004).',
    );
  });
});
