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
    expect(text).toContain('4 months, run-rate TV    +2.04±0.10 ATO   +0.16±0.05 ATO*   −0.35±0.03 FITD         10');
    expect(text).toContain('2 months, no TV         −0.72±0.07 FITD   −0.69±0.07 FITD   −0.66±0.07 FITD          4');
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
    // The cross: a row per horizon and terminal value, a column per rate.
    expect(html.match(/<tr><th scope="row">\d+ months, (run-rate|no) terminal value<\/th>/g)).toHaveLength(4);
    expect(html).toContain('<td class="as-run"><span class="cell-line">+$0.16M (as run)</span>');
    expect(robustnessCaveat(summary, names)).toBe(
      'ATO leads only with a run-rate terminal value; without one FITD leads by $0.87M, and at every discount rate and horizon checked; at a 15% discount rate FITD leads by $0.35M; at 15% over 2 months FITD leads by $0.21M. The verdict hinges most on base churn hazard: it flips below 0.0037 (95% 0.003–0.0043; now 0.004).',
    );
  });

  it('says which accounts the switchovers re-ran and that they flip the whole run\'s verdict, with the subset\'s own beside it', () => {
    const switchovers = CHART_DATA.robustness.robustness.switchovers!;
    const full = {
      ...summary,
      trials: 20000,
      robustness: {
        ...summary.robustness,
        switchovers: {
          ...switchovers,
          trials: 1000,
          firstTrials: 500,
          baseTrials: 20000,
          subsetBase: { mean: 0.24, se: 0.15, ci95: [-0.05, 0.53] },
          assumptions: switchovers.assumptions.map((s, i) => ({ ...s, trials: i === 0 ? 1000 : 500 })),
        },
      },
    } as unknown as FullSummary;
    const html = robustnessSection(full, names, 2);
    expect(html).toContain(
      "Switchovers re-run each assumption on the first 500 accounts (up to 1,000 for 1 close call) and add its paired change to the run&#39;s own ATO − FITD over all 20,000 accounts, so they flip the verdict above (the first 500 accounts alone put ATO ahead by $0.24M).",
    );
    expect(html).toContain('Over all 20,000 accounts ATO leads by $0.16M');
    expect(formatRobustnessTable(full, names)).toContain("the run's +0.16 (20,000 accounts) plus each change re-run on the first 500 accounts (up to 1,000 for 1 close call)");
  });
});
