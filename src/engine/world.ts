/**
 * The world of one trial (MODEL.md §3): the account's draws, the months'
 * uniforms and every opportunity with the uniforms that decide it. Generated
 * from the trial's own stream with a fixed number of draws per month and per
 * opportunity, then shared by every strategy and variant evaluated on it.
 */
import { gammaShapeTwo, normalFromUniform, poissonFromUniform } from '../model/sampling.ts';
import { walletFromNormal } from '../model/account.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { BARRIER_COUNT, MAX_STAGES, PROJECT_TYPE_COUNT, STREAM_COUNT } from '../scenario/vocabulary.ts';
import { formatApproximateCount, RunLimitError } from './run-limit-error.ts';
import { TrialRandom } from './trial-random.ts';

/** Most opportunities one trial's world may hold; a world that would hold more stops the run. */
export const MAX_OPPORTUNITIES_PER_TRIAL = 2_000_000;

/** Cells per month: one per (stream, project type), stream-major. */
export const CELLS_PER_MONTH = STREAM_COUNT * PROJECT_TYPE_COUNT;

// Layout of one opportunity in `World.opportunities` (stride OPPORTUNITY_STRIDE).
export const OPP_VALUE = 0;
export const OPP_VISIBILITY_UNIFORM = 1;
export const OPP_EARLY_UNIFORM = 2;
export const OPP_STAGE_UNIFORMS = 3;
export const OPP_CYCLE_GAMMA = OPP_STAGE_UNIFORMS + MAX_STAGES;
export const OPP_DISCOUNT_NORMAL = OPP_CYCLE_GAMMA + 1;
export const OPP_FAILURE_UNIFORM = OPP_DISCOUNT_NORMAL + 1;
export const OPPORTUNITY_STRIDE = OPP_FAILURE_UNIFORM + 1;

/** Uniforms drawn for the account, each month, and each opportunity. */
export const UNIFORMS_PER_ACCOUNT = 2 + BARRIER_COUNT;
export const UNIFORMS_PER_MONTH = 2 + CELLS_PER_MONTH;
export const UNIFORMS_PER_OPPORTUNITY = 2 + 2 + MAX_STAGES + 2 + 1;

export interface World {
  trial: number;
  horizonMonths: number;
  /** W, $M a year. */
  wallet: number;
  /** The jitter normals shared by all barriers and each barrier's own. */
  barrierCommonNormal: number;
  barrierNormals: Float64Array;
  /** u_churn[t] and u_mig[t]. */
  churnUniforms: Float64Array;
  migrationUniforms: Float64Array;
  /** Opportunities of cell c = t·12 + s·4 + k are indices cellStart[c] … cellStart[c+1]−1. */
  cellStart: Int32Array;
  /** Σ V of the opportunities in each cell (for lost wallet). */
  cellValue: Float64Array;
  opportunities: Float64Array;
  opportunityCount: number;
  /** Uniforms drawn for this world (for the benchmark's floor). */
  uniformsDrawn: number;
  /** Generation scratch, owned by this world so two worlds can be generated interleaved: its stream and each cell's λ and e^−λ. */
  random: TrialRandom;
  rates: Float64Array;
  expMinusRates: Float64Array;
}

/** An empty world with room for `horizonMonths`; reuse it across trials. */
export function createWorld(horizonMonths: number, opportunityCapacity = 1024): World {
  return {
    trial: -1,
    horizonMonths,
    wallet: 0,
    barrierCommonNormal: 0,
    barrierNormals: new Float64Array(BARRIER_COUNT),
    churnUniforms: new Float64Array(horizonMonths),
    migrationUniforms: new Float64Array(horizonMonths),
    cellStart: new Int32Array(horizonMonths * CELLS_PER_MONTH + 1),
    cellValue: new Float64Array(horizonMonths * CELLS_PER_MONTH),
    opportunities: new Float64Array(Math.min(opportunityCapacity, MAX_OPPORTUNITIES_PER_TRIAL) * OPPORTUNITY_STRIDE),
    opportunityCount: 0,
    uniformsDrawn: 0,
    random: new TrialRandom(0, 0),
    rates: new Float64Array(CELLS_PER_MONTH),
    expMinusRates: new Float64Array(CELLS_PER_MONTH),
  };
}

function worldTooLarge(params: ModelParameters, world: World, trial: number, opportunities: string): RunLimitError {
  const wallet = world.wallet.toLocaleString('en-US', { maximumSignificantDigits: 3 });
  return new RunLimitError(
    `trial ${trial.toLocaleString('en-US')}'s account, with a wallet of $${wallet}M a year (account.wallet: median ${params.walletMedian}, sigma ${params.walletSigma}), ` +
      `would bring ${opportunities} opportunities into its world; the limit is ${MAX_OPPORTUNITIES_PER_TRIAL.toLocaleString('en-US')} a trial. ` +
      'Lower account.wallet.sigma or account.wallet.median (in $M a year), or raise model.streams.*.dealSize (in $M).',
  );
}

/** Grows the opportunity buffer to hold `needed`, never past the limit (so every count past it passes through here). */
function growOpportunities(params: ModelParameters, world: World, trial: number, needed: number): void {
  if (needed > MAX_OPPORTUNITIES_PER_TRIAL) throw worldTooLarge(params, world, trial, `at least ${needed.toLocaleString('en-US')}`);
  let capacity = world.opportunities.length / OPPORTUNITY_STRIDE;
  while (capacity < needed) capacity = Math.min(capacity * 2, MAX_OPPORTUNITIES_PER_TRIAL);
  const grown = new Float64Array(capacity * OPPORTUNITY_STRIDE);
  grown.set(world.opportunities);
  world.opportunities = grown;
}

/** λ = ω_s·W·π[s][k] / (12·v̄[s][k]): expected arrivals per month in cell (s, k). */
export function arrivalRate(params: ModelParameters, wallet: number, cell: number): number {
  const stream = Math.floor(cell / PROJECT_TYPE_COUNT);
  return (params.walletShare[stream]! * wallet * params.opportunityMix[cell]!) / (12 * params.dealSize[cell]!);
}

/**
 * Fills `world` with trial `trial` of a scenario seeded `seed`. Only the
 * arrival parameters (wallet, shares, mix, deal sizes, σ_V, T) are read, so
 * variants that differ elsewhere share the world.
 */
export function generateWorld(params: ModelParameters, seed: number, trial: number, world: World): World {
  const { random, rates, expMinusRates } = world;
  random.reseed(seed, trial);
  const horizon = params.horizonMonths;
  if (world.horizonMonths !== horizon) throw new Error('generateWorld: world was created for another horizon');
  world.trial = trial;

  // The account: z_W, then z_c, then the five z_x.
  world.wallet = walletFromNormal(params.walletMedian, params.walletSigma, normalFromUniform(random.next()));
  world.barrierCommonNormal = normalFromUniform(random.next());
  for (let x = 0; x < BARRIER_COUNT; x++) world.barrierNormals[x] = normalFromUniform(random.next());

  let expected = 0;
  for (let cell = 0; cell < CELLS_PER_MONTH; cell++) {
    rates[cell] = arrivalRate(params, world.wallet, cell);
    expMinusRates[cell] = Math.exp(-rates[cell]!);
    expected += rates[cell]!;
  }
  // Expecting twice the limit or more, the draws would stay under it with probability below
  // e^−500,000 (and a Poisson draw at a mean of 1e300 would never end): refused before them.
  expected *= horizon;
  if (!(expected < 2 * MAX_OPPORTUNITIES_PER_TRIAL)) throw worldTooLarge(params, world, trial, formatApproximateCount(expected));

  const sigma = params.dealValueSigma;
  const logMeanShift = (sigma * sigma) / 2;
  let count = 0;
  for (let t = 0; t < horizon; t++) {
    world.churnUniforms[t] = random.next();
    world.migrationUniforms[t] = random.next();
    for (let cell = 0; cell < CELLS_PER_MONTH; cell++) {
      world.cellStart[t * CELLS_PER_MONTH + cell] = count;
      const arrivals = poissonFromUniform(rates[cell]!, expMinusRates[cell]!, random.next());
      if ((count + arrivals) * OPPORTUNITY_STRIDE > world.opportunities.length) growOpportunities(params, world, trial, count + arrivals);
      const meanValue = params.dealSize[cell]!;
      const opportunities = world.opportunities;
      let cellValue = 0;
      for (let j = 0; j < arrivals; j++, count++) {
        const base = count * OPPORTUNITY_STRIDE;
        const value = meanValue * Math.exp(sigma * normalFromUniform(random.next()) - logMeanShift);
        opportunities[base + OPP_VALUE] = value;
        cellValue += value;
        opportunities[base + OPP_DISCOUNT_NORMAL] = normalFromUniform(random.next());
        opportunities[base + OPP_VISIBILITY_UNIFORM] = random.next();
        opportunities[base + OPP_EARLY_UNIFORM] = random.next();
        for (let stage = 0; stage < MAX_STAGES; stage++) opportunities[base + OPP_STAGE_UNIFORMS + stage] = random.next();
        opportunities[base + OPP_CYCLE_GAMMA] = gammaShapeTwo(random.next(), random.next());
        opportunities[base + OPP_FAILURE_UNIFORM] = random.next();
      }
      world.cellValue[t * CELLS_PER_MONTH + cell] = cellValue;
    }
  }
  world.cellStart[horizon * CELLS_PER_MONTH] = count;
  world.opportunityCount = count;
  world.uniformsDrawn = UNIFORMS_PER_ACCOUNT + horizon * UNIFORMS_PER_MONTH + count * UNIFORMS_PER_OPPORTUNITY;
  return world;
}
