/** The terminal's headline for more than two plans: the report's finding (best by mean NPV, its lead, P(best) with CIs); two plans keep their verdict. */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatBestPlan } from '../../src/cli/format-best-plan.ts';
import { formatSummaryTable, strategyLabelsOf } from '../../src/cli/format-summary-table.ts';
import { formatMillions, formatShare } from '../../src/cli/terminal-figures.ts';
import { runScenario, type ScenarioRun } from '../../src/pipeline/run-scenario.ts';
import type { Summary } from '../../src/stats/summarize-outcomes.ts';
import { scenarioFrom } from '../helpers.ts';

const THREE = scenarioFrom(`name: three
trials: 200
seed: 3
baseline: hold
strategies:
  ato: {}
  fitd: {}
  hold: { label: Hold, open: { midstream: never, upstream: never }, buildCost: 0 }
`);

const bestOf = (summary: Summary) => Object.entries(summary.strategies).reduce((top, entry) => (entry[1].npv.mean > top[1].npv.mean ? entry : top))[0];

describe('the terminal headline with more than two plans', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await runScenario(THREE, { workers: 1, ablate: false });
  });

  it('names the best plan by mean NPV, its lead on the baseline with its CI, and P(best) with its CI', () => {
    const { summary } = run;
    const labels = strategyLabelsOf(THREE);
    const best = bestOf(summary);
    const lead = summary.comparisons![best]!.npvDiff;
    const share = summary.pBest![best]!;
    const line = formatBestPlan(summary, (key) => labels[key] ?? key);
    expect(line).toBe(
      `${labels[best]} has the best mean NPV of the 3 plans: ${formatMillions(lead.mean, true)} USD M per account against Hold ` +
        `(95% CI [${formatMillions(lead.ci95![0], true)}, ${formatMillions(lead.ci95![1], true)}]); ` +
        `it is the best plan on ${formatShare(share.p)} of accounts (95% CI [${formatShare(share.ci95[0])}, ${formatShare(share.ci95[1])}]).`,
    );
    expect(formatSummaryTable(summary, labels)).toContain(`\n  ${line}\n`);
  });

  it('says when the baseline itself is best', () => {
    const { summary } = run;
    const hold = summary.strategies.hold!;
    const rigged: Summary = { ...summary, strategies: { ...summary.strategies, hold: { ...hold, npv: { ...hold.npv, mean: 1e3 } } } };
    expect(formatBestPlan(rigged, (key) => key)).toMatch(/^hold, the baseline, has the best mean NPV of the 3 plans \(1000\.0 USD M per account\); it is the best plan on \d+\.\d% of accounts \(95% CI \[/);
  });

  it('leaves two plans to their verdict line', async () => {
    const two = await runScenario(scenarioFrom('name: two\ntrials: 50\n'), { workers: 1, ablate: false });
    expect(formatBestPlan(two.summary, (key) => key)).toBeNull();
    expect(formatSummaryTable(two.summary)).not.toContain('best mean NPV');
  });
});
