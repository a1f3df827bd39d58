/**
 * Numbers that agree across outputs. One definition of "deals won": the
 * funnel's last step is the table's deals won per account, and the funnel's
 * stage steps never grow (entering early is an entry, a part of "seen", not
 * a stage). Upstream wins: the path-classes chart states its precedence and
 * the table's share of accounts with an upstream win.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/pipeline/run-scenario.ts';
import { prepareChartData } from '../../src/stats/prepare-chart-data.ts';
import { PROJECT_TYPES } from '../../src/scenario/vocabulary.ts';
import { scenarioFrom } from '../helpers.ts';
import { buildPathClassesSpec } from '../../src/charts/build-path-classes-spec.ts';
import { formatPercent } from '../../src/charts/format-figures.ts';

const scenario = scenarioFrom('name: agree\ntrials: 400\nseed: 9\n');
let ran: ReturnType<typeof runScenario> | undefined;
/** One run for every test here, started by the first that needs it. */
const theRun = () => (ran ??= runScenario(scenario, { workers: 1, ablate: false }));

describe('the funnel', () => {
  it("ends at the table's deals won and shrinks step by step", async () => {
    const run = await theRun();
    const data = prepareChartData(run.params, run.summary, run.table).funnel;
    for (const strategy of ['ato', 'fitd']) {
      const won = PROJECT_TYPES.reduce((sum, type) => sum + data.funnel[strategy]![type].find((s) => s.step === 'won')!.count, 0);
      // Same trials, same count, summed in another order: equal to 1e-9.
      expect(won).toBeCloseTo(run.summary.strategies[strategy]!.dealsWon.mean, 9);
      for (const type of PROJECT_TYPES) {
        const stages = data.funnel[strategy]![type].filter((s) => s.kind === 'stage').map((s) => s.count);
        for (let i = 1; i < stages.length; i++) expect(stages[i]!, `${strategy} ${type} step ${i}`).toBeLessThanOrEqual(stages[i - 1]!);
      }
    }
  });
});

describe('upstream wins', () => {
  it("the path-classes chart states its precedence and the table's upstream-win share, which its own class cannot exceed", async () => {
    const run = await theRun();
    const data = prepareChartData(run.params, run.summary, run.table).pathClasses;
    const subtitle = (buildPathClassesSpec(data).title as { subtitle: string[] }).subtitle.join(' ');
    expect(subtitle).toContain('first class that fits');
    const share = 1 - run.summary.strategies.ato!.pLockedDownstream;
    expect(subtitle).toContain(`ATO ${formatPercent(share)}`);
    expect(run.summary.pathClasses.ato!.upstreamReached!.share).toBeLessThanOrEqual(share);
  });
});
