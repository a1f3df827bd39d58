/** The simulated deal history is the engine's own: its closes are exactly the closes a run books. */
import { describe, expect, it } from 'vitest';
import { simulateDealHistory } from '../../src/calibrate/simulate-deal-history.ts';
import { explainTrial } from '../../src/engine/explain-trial.ts';
import { compileParameters } from '../../src/model/parameters.ts';
import { loadScenario } from '../../src/scenario/load-scenario.ts';
import { scenarioFrom } from '../helpers.ts';

describe('simulateDealHistory', () => {
  it.each(['ato', 'fitd'] as const)('books, under %s, exactly the closes the engine books, trial by trial', (strategy) => {
    const { scenario } = loadScenario('scenarios/hp-cso.yaml');
    const params = compileParameters(scenario);
    const deals = simulateDealHistory(scenario, { strategy, accounts: 12 });
    let closes = 0;
    for (let trial = 0; trial < 12; trial++) {
      const events = explainTrial(params, scenario.seed, trial).strategies[strategy]!.trace.events;
      const engine = events.flatMap((event) => (event.kind === 'won' || event.kind === 'lost' ? [`${event.month}|${event.stream}|${event.type}|${event.value}|${event.kind}|${event.discount}`] : []));
      const replay = deals
        .filter((deal) => deal.account === trial && deal.closedMonth !== null)
        .map((deal) => `${deal.closedMonth}|${deal.stream}|${deal.type}|${deal.value}|${deal.won ? 'won' : 'lost'}|${deal.discount}`);
      expect(replay.sort()).toEqual(engine.sort());
      closes += engine.length;
    }
    expect(closes).toBeGreaterThan(500);
  });

  it('is a function of the seed, and open deals are the ones closing at or after the horizon', () => {
    const scenario = scenarioFrom('name: t\nhorizonMonths: 24\nseed: 3\n');
    const deals = simulateDealHistory(scenario, { strategy: 'ato', accounts: 5 });
    expect(simulateDealHistory(scenario, { strategy: 'ato', accounts: 5 })).toEqual(deals);
    expect(deals.some((deal) => deal.closedMonth === null)).toBe(true);
    for (const deal of deals) {
      expect(deal.openedMonth).toBeLessThan(24);
      if (deal.closedMonth !== null) expect(deal.closedMonth).toBeGreaterThan(deal.openedMonth);
      expect(deal.won).toBe(deal.stagesPassed === scenario.model.projectTypes[(['repurchase', 'replacement', 'expansion', 'innovation'] as const)[deal.type]!].stages);
    }
  });
});
