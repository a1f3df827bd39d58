import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/run-simulation.ts';
import { strategyColumn } from '../../src/engine/outcome-table.ts';
import { formatTrialsCsv } from '../../src/report/trials-csv.ts';
import { scenarioFrom } from '../helpers.ts';

describe('trials.csv', () => {
  it('leaves a month empty where the event never happened, so a spreadsheet average counts only the accounts it happened on', async () => {
    const scenario = scenarioFrom('name: csv\ntrials: 300\nseed: 5\n');
    const { table } = await runSimulation(scenario, { trials: scenario.trials, workers: 1, columns: 'all' });
    const [header, ...rows] = formatTrialsCsv(table, 'fitd').trim().split('\n').map((line) => line.split(','));
    for (const name of ['churnMonth', 'firstUpstreamWin', 'firstMidstreamWin'] as const) {
      const at = header!.indexOf(`ato_${name}`);
      const months = strategyColumn(table, 'ato', name);
      const cells = rows.map((row) => row[at]!);
      expect(cells.filter((cell) => cell === '').length, name).toBe(Array.from(months).filter((m) => m < 0).length);
      expect(cells.some((cell) => cell === ''), `${name} has a "never"`).toBe(true);
      expect(cells.filter((cell) => cell !== '').every((cell) => /^\d+$/.test(cell)), name).toBe(true);
    }
    // Counts are not months: zero delivery failures stays 0.
    const failures = header!.indexOf('ato_deliveryFailures');
    expect(rows.some((row) => row[failures] === '0')).toBe(true);
  });
});
