/**
 * Writes scenarios/data/sample-deals.csv: a SYNTHETIC deal history, simulated
 * by the model itself from known parameters (the HP case with the changes
 * below), so calibration can be tried, and checked, on data whose truth is
 * known. `npx tsx scripts/make-sample-deals.ts`; a test checks the file is
 * what this script writes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatDealHistoryCsv } from '../src/calibrate/format-deal-history-csv.ts';
import { simulateDealHistory } from '../src/calibrate/simulate-deal-history.ts';
import { loadScenario } from '../src/scenario/load-scenario.ts';
import { withScenarioValue } from '../src/scenario/scenario-paths.ts';
import type { Scenario } from '../src/scenario/scenario-schema.ts';

export const SAMPLE_FILE = 'scenarios/data/sample-deals.csv';

/** The sample's truth: scenarios/hp-cso.yaml with these values changed. */
export const SAMPLE_CHANGES: Record<string, number> = {
  seed: 2024,
  horizonMonths: 60,
  'account.wallet.median': 30,
  'account.wallet.sigma': 0.3,
  'model.streams.downstream.dealSize.repurchase': 0.2,
  'model.streams.downstream.baseDiscount': 0.13,
  'model.projectTypes.replacement.baseWinProbability': 0.5,
  'model.projectTypes.expansion.meanCycleMonths': 8,
};
/** Accounts (business units of one customer group), the strategy the vendor followed, and the first month. */
export const SAMPLE_ACCOUNTS = 12;
export const SAMPLE_STRATEGY = 'fitd';
export const SAMPLE_START = { year: 2021, month: 1 };

export function sampleTruth(): Scenario {
  const { scenario } = loadScenario(fileURLToPath(new URL('../scenarios/hp-cso.yaml', import.meta.url)));
  return Object.entries(SAMPLE_CHANGES).reduce((changed, [path, value]) => withScenarioValue(changed, path, value), scenario);
}

export function makeSampleDealsCsv(): string {
  const truth = sampleTruth();
  const deals = simulateDealHistory(truth, { strategy: SAMPLE_STRATEGY, accounts: SAMPLE_ACCOUNTS });
  const changes = Object.entries(SAMPLE_CHANGES).map(([path, value]) => `${path}=${value}`).join(', ');
  return formatDealHistoryCsv(deals, truth, {
    startMonth: SAMPLE_START.year * 12 + SAMPLE_START.month - 1,
    seed: truth.seed,
    comments: [
      'SYNTHETIC DATA: not real deals. Simulated by expansim (scripts/make-sample-deals.ts) from',
      `scenarios/hp-cso.yaml with ${changes},`,
      `${SAMPLE_ACCOUNTS} accounts under ${SAMPLE_STRATEGY.toUpperCase()}. Values in $M. See scenarios/data/README.md.`,
    ],
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeFileSync(fileURLToPath(new URL(`../${SAMPLE_FILE}`, import.meta.url)), makeSampleDealsCsv());
  process.stdout.write(`Wrote ${SAMPLE_FILE}\n`);
}
