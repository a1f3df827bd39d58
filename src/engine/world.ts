/**
 * The world of one trial (MODEL.md §3): the account's draws, the months'
 * uniforms and every opportunity with the uniforms that decide it. Each
 * uniform is keyed by its purpose (keyed-uniform.ts), so a variant that
 * changes how many opportunities arrive in one cell leaves every other draw
 * as it was. Shared by every strategy and variant evaluated on it.
 */
import { gammaShapeTwo, normalFromUniform, poissonFromUniform } from '../model/sampling.ts';
import { walletFromNormal } from '../model/account.ts';
import type { ModelParameters } from '../model/parameters.ts';
import { BARRIER_COUNT, MAX_STAGES, PROJECT_TYPE_COUNT, STREAM_COUNT } from '../scenario/vocabulary.ts';
import { formatApproximateCount, RunLimitError } from './run-limit-error.ts';
import { philox4x32 } from './philox.ts';
import { ACCOUNT, ACCOUNT_DECISION, CELL, checkUniformLayout, generatorKey, MONTH_DECISION, MONTH_LEVEL, OPPORTUNITY_DECISION as OPP, type GeneratorKey } from './keyed-uniform.ts';

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

/** Philox blocks (four uniforms each) computed for the account, each month, and each opportunity. */
export const BLOCKS_PER_ACCOUNT = Math.ceil((ACCOUNT_DECISION.firstBarrierNormal + BARRIER_COUNT) / 4);
export const BLOCKS_PER_MONTH = Math.ceil((MONTH_DECISION.firstArrivalCount + CELLS_PER_MONTH) / 4);
export const BLOCKS_PER_OPPORTUNITY = Math.ceil((OPP.deliveryFailure + 1) / 4);

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
  /** Philox blocks computed for this world (for the benchmark's floor). */
  blocksDrawn: number;
  /** Generation scratch, owned by this world so two worlds can be generated interleaved: the key of the seed it was last generated for, blocks, and each cell's λ and e^−λ. */
  keySeed: number;
  key: GeneratorKey;
  blocks: Uint32Array;
  arrivalCounts: Int32Array;
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
    blocksDrawn: 0,
    keySeed: Number.NaN,
    key: { k0: 0, k1: 0 },
    blocks: new Uint32Array(4 * Math.max(BLOCKS_PER_ACCOUNT, BLOCKS_PER_MONTH, BLOCKS_PER_OPPORTUNITY)),
    arrivalCounts: new Int32Array(CELLS_PER_MONTH),
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

const TO_UNIT = 2 ** -32;

/** Fills `world.blocks` with `count` consecutive Philox blocks of one purpose's counter (decisions 0 … 4·count − 1). */
function fillBlocks(world: World, trial: number, c1: number, c2: number, count: number): Uint32Array {
  const blocks = world.blocks;
  for (let block = 0; block < count; block++) philox4x32(trial, c1, c2, block, world.key.k0, world.key.k1, blocks, 10, block * 4);
  world.blocksDrawn += count;
  return blocks;
}

/**
 * Fills `world` with trial `trial` of a scenario seeded `seed`. Only the
 * arrival parameters (wallet, shares, mix, deal sizes, σ_V, T) are read, so
 * variants that differ elsewhere share the world. Every uniform is the keyed
 * uniform of its purpose (keyed-uniform.ts); normals are their inverse CDF.
 */
export function generateWorld(params: ModelParameters, seed: number, trial: number, world: World): World {
  const { rates, expMinusRates } = world;
  const horizon = params.horizonMonths;
  if (world.horizonMonths !== horizon) throw new Error('generateWorld: world was created for another horizon');
  if (world.keySeed !== seed) {
    checkUniformLayout(horizon, STREAM_COUNT, PROJECT_TYPE_COUNT);
    world.key = generatorKey(seed);
    world.keySeed = seed;
  }
  world.trial = trial;
  world.blocksDrawn = 0;

  const account = fillBlocks(world, trial, (ACCOUNT << 16) >>> 0, CELL, BLOCKS_PER_ACCOUNT);
  world.wallet = walletFromNormal(params.walletMedian, params.walletSigma, normalFromUniform(account[ACCOUNT_DECISION.walletNormal]! * TO_UNIT));
  world.barrierCommonNormal = normalFromUniform(account[ACCOUNT_DECISION.barrierCommonNormal]! * TO_UNIT);
  for (let x = 0; x < BARRIER_COUNT; x++) world.barrierNormals[x] = normalFromUniform(account[ACCOUNT_DECISION.firstBarrierNormal + x]! * TO_UNIT);

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
  const counts = world.arrivalCounts;
  let count = 0;
  for (let t = 0; t < horizon; t++) {
    const monthDraws = fillBlocks(world, trial, ((t << 16) | (MONTH_LEVEL << 8) | MONTH_LEVEL) >>> 0, CELL, BLOCKS_PER_MONTH);
    world.churnUniforms[t] = monthDraws[MONTH_DECISION.churn]! * TO_UNIT;
    world.migrationUniforms[t] = monthDraws[MONTH_DECISION.migration]! * TO_UNIT;
    for (let cell = 0; cell < CELLS_PER_MONTH; cell++) counts[cell] = poissonFromUniform(rates[cell]!, expMinusRates[cell]!, monthDraws[MONTH_DECISION.firstArrivalCount + cell]! * TO_UNIT);
    for (let cell = 0; cell < CELLS_PER_MONTH; cell++) {
      world.cellStart[t * CELLS_PER_MONTH + cell] = count;
      const arrivals = counts[cell]!;
      if ((count + arrivals) * OPPORTUNITY_STRIDE > world.opportunities.length) growOpportunities(params, world, trial, count + arrivals);
      const meanValue = params.dealSize[cell]!;
      const opportunities = world.opportunities;
      const stream = Math.floor(cell / PROJECT_TYPE_COUNT);
      const c1 = ((t << 16) | (stream << 8) | (cell % PROJECT_TYPE_COUNT)) >>> 0;
      let cellValue = 0;
      for (let j = 0; j < arrivals; j++, count++) {
        const u = fillBlocks(world, trial, c1, j, BLOCKS_PER_OPPORTUNITY);
        const base = count * OPPORTUNITY_STRIDE;
        const value = meanValue * Math.exp(sigma * normalFromUniform(u[OPP.valueNormal]! * TO_UNIT) - logMeanShift);
        opportunities[base + OPP_VALUE] = value;
        cellValue += value;
        opportunities[base + OPP_DISCOUNT_NORMAL] = normalFromUniform(u[OPP.discountNormal]! * TO_UNIT);
        opportunities[base + OPP_VISIBILITY_UNIFORM] = u[OPP.visibility]! * TO_UNIT;
        opportunities[base + OPP_EARLY_UNIFORM] = u[OPP.entry]! * TO_UNIT;
        for (let stage = 0; stage < MAX_STAGES; stage++) opportunities[base + OPP_STAGE_UNIFORMS + stage] = u[OPP.firstStage + stage]! * TO_UNIT;
        opportunities[base + OPP_CYCLE_GAMMA] = gammaShapeTwo(u[OPP.durationFirst]! * TO_UNIT, u[OPP.durationSecond]! * TO_UNIT);
        opportunities[base + OPP_FAILURE_UNIFORM] = u[OPP.deliveryFailure]! * TO_UNIT;
      }
      world.cellValue[t * CELLS_PER_MONTH + cell] = cellValue;
    }
  }
  world.cellStart[horizon * CELLS_PER_MONTH] = count;
  world.opportunityCount = count;
  return world;
}
