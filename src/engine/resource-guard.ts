/**
 * Refuses, before anything runs, work that would not fit in memory: the
 * per-trial outcome table of the trials this process holds, and the world of
 * one trial when the wallet and deal sizes imply millions of opportunities.
 */
import { totalmem } from 'node:os';
import type { ModelParameters } from '../model/parameters.ts';
import { ACCOUNT_COLUMNS, CASH_PATH_SAMPLE, STRATEGY_COLUMNS } from './outcome-table.ts';
import { formatApproximateCount } from './run-limit-error.ts';
import { arrivalRate, CELLS_PER_MONTH, MAX_OPPORTUNITIES_PER_TRIAL, OPPORTUNITY_STRIDE } from './world.ts';

export { MAX_OPPORTUNITIES_PER_TRIAL };

const BYTES = { f64: 8, f32: 4, i32: 4, i16: 2 } as const;
/** Sorted copies and differences the summary makes of the columns, per trial. */
const SUMMARY_BYTES_PER_TRIAL = 64;
/** World plus policy state per opportunity. */
const BYTES_PER_OPPORTUNITY = OPPORTUNITY_STRIDE * 8 + 40;

/** Bytes of per-trial outcomes the engine keeps for each trial (all columns: the upper bound). */
export function bytesPerTrial(): number {
  const account = ACCOUNT_COLUMNS.reduce((sum, c) => sum + BYTES[c.type], 0);
  const strategy = STRATEGY_COLUMNS.reduce((sum, c) => sum + BYTES[c.type], 0);
  return account + 2 * strategy + SUMMARY_BYTES_PER_TRIAL;
}

/** Memory a run may use: half of this machine's (EXPANSIM_MEMORY_LIMIT_MB overrides). */
export function memoryBudgetBytes(): number {
  const override = Number(process.env.EXPANSIM_MEMORY_LIMIT_MB);
  return Number.isFinite(override) && override > 0 ? override * 2 ** 20 : totalmem() / 2;
}

/** Expected opportunities in one trial's world at the wallet's 99.99th percentile (z = 3.72). */
export function opportunitiesAtHighWallet(params: ModelParameters): number {
  const wallet = params.walletMedian * Math.exp(3.72 * params.walletSigma);
  let perMonth = 0;
  for (let cell = 0; cell < CELLS_PER_MONTH; cell++) perMonth += arrivalRate(params, wallet, cell);
  return perMonth * params.horizonMonths;
}

const gigabytes = (bytes: number) => `${(bytes / 2 ** 30).toFixed(bytes < 2 ** 30 ? 2 : 1)} GB`;

/**
 * Why a run of `trials` trials (held in this process) cannot run here, or null.
 * `workers` worlds are held at once.
 */
export function resourceProblem(params: ModelParameters, trials: number, workers: number, budget = memoryBudgetBytes()): string | null {
  const opportunities = opportunitiesAtHighWallet(params);
  if (!(opportunities <= MAX_OPPORTUNITIES_PER_TRIAL)) {
    return (
      `the wallet and deal sizes imply ${formatApproximateCount(opportunities)} opportunities in one account's world ` +
      `(at the wallet's 99.99th percentile); the limit is ${MAX_OPPORTUNITIES_PER_TRIAL.toLocaleString('en-US')}. ` +
      'Check account.wallet (in $M a year) and model.streams.*.dealSize (in $M).'
    );
  }
  const table = trials * bytesPerTrial() + CASH_PATH_SAMPLE * params.horizonMonths * 8;
  const worlds = Math.max(1, workers) * opportunities * BYTES_PER_OPPORTUNITY * 2;
  const needed = table + worlds;
  if (needed <= budget) return null;
  const shards = Math.ceil(needed / budget) + 1;
  return (
    `${trials.toLocaleString('en-US')} trials need about ${gigabytes(needed)} for their per-trial outcomes in one process; ` +
    `this machine allows ${gigabytes(budget)} (half its memory; EXPANSIM_MEMORY_LIMIT_MB changes it). ` +
    `Split the run into shards that each fit — expansim run <scenario> --trials ${trials} --shard K/${shards} --out parts/ for K = 0 … ${shards - 1} — ` +
    `and merge them (expansim merge parts/*) on a machine with about ${gigabytes(needed)} free; ` +
    'or run fewer trials (--precision stops as soon as the answer is precise enough).'
  );
}
