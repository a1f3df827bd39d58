/**
 * The header of a shard partial: its exact JSON shape, and the layout of the
 * data section that follows it, both derived from what a run writes so a
 * decoder can refuse anything else before it allocates or trusts a number.
 */
import { z } from 'zod';
import { MAX_HORIZON_MONTHS, MAX_TRIALS, type Scenario } from '../scenario/scenario-schema.ts';
import { ACCOUNT_COLUMNS, CASH_PATH_SAMPLE, STRATEGY_COLUMNS } from './outcome-table.ts';
import { VARIANT_QUANTITIES } from './variants.ts';

/** The partial format this expansim writes; older formats are refused. */
export const SHARD_FORMAT = 4;

const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);
const exactSum = z.array(z.number());
const quantitySums = z.strictObject(Object.fromEntries(VARIANT_QUANTITIES.map((q) => [q, exactSum])) as Record<(typeof VARIANT_QUANTITIES)[number], typeof exactSum>);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 digest (64 hex digits)');

export const shardHeaderSchema = z.strictObject({
  format: z.literal(SHARD_FORMAT),
  expansimVersion: z.string().max(100),
  scenario: z.record(z.string(), z.unknown()),
  scenarioText: z.string(),
  scenarioHash: sha256,
  seed: wholeNumber(0, Number.MAX_SAFE_INTEGER),
  totalTrials: wholeNumber(1, MAX_TRIALS),
  shard: z.strictObject({ index: wholeNumber(0, MAX_TRIALS - 1), count: wholeNumber(1, MAX_TRIALS) }),
  start: wholeNumber(0, MAX_TRIALS - 1),
  count: wholeNumber(1, MAX_TRIALS),
  horizonMonths: wholeNumber(1, MAX_HORIZON_MONTHS),
  analysis: z.strictObject({ ablate: z.boolean(), ablationTrials: wholeNumber(2, MAX_TRIALS), ablationHigh: z.number().gt(0).max(1) }),
  sums: z.record(z.string(), z.array(exactSum)),
  variants: z.record(z.string(), z.strictObject({ count: wholeNumber(0, MAX_TRIALS), better: wholeNumber(0, MAX_TRIALS), sum: quantitySums, sumOfSquares: quantitySums })),
  cashPathCount: wholeNumber(0, CASH_PATH_SAMPLE),
  arrays: z.array(z.strictObject({ name: z.string(), type: z.string(), byteOffset: z.number(), length: z.number() })),
  /** sha256 of the data section, and of the canonical header with `checksums.header` left out. */
  checksums: z.strictObject({ data: sha256, header: sha256 }),
});

/** The analysis settings a partial was run with (all partials of a merge must agree). */
export type ShardAnalysis = z.infer<typeof shardHeaderSchema>['analysis'];

export type ShardHeader = Omit<z.infer<typeof shardHeaderSchema>, 'scenario'> & { scenario: Scenario };

export type ShardArray = ShardHeader['arrays'][number];

const BYTES = { Float64Array: 8, Float32Array: 4, Int32Array: 4, Int16Array: 2 } as const;
const TYPE_NAMES = { f64: 'Float64Array', f32: 'Float32Array', i32: 'Int32Array', i16: 'Int16Array' } as const;

/** Trials of a table starting at `start` that are in the fan-chart sample. */
export function cashPathCountOf(start: number, count: number): number {
  return Math.max(0, Math.min(start + count, CASH_PATH_SAMPLE) - start);
}

/** The arrays a partial of `count` trials from `start` of these strategies holds, in file order, each 8-byte aligned. */
export function shardLayout(start: number, count: number, horizonMonths: number, strategies: readonly string[]): { arrays: ShardArray[]; dataBytes: number } {
  const entries: [string, keyof typeof BYTES, number][] = [
    ...ACCOUNT_COLUMNS.map((spec): [string, keyof typeof BYTES, number] => [spec.name, TYPE_NAMES[spec.type], count]),
    ...strategies.flatMap((s) => STRATEGY_COLUMNS.map((spec): [string, keyof typeof BYTES, number] => [`${s}.${spec.name}`, TYPE_NAMES[spec.type], count])),
    ...strategies.map((s): [string, keyof typeof BYTES, number] => [`cashPaths.${s}`, 'Float32Array', cashPathCountOf(start, count) * horizonMonths]),
  ];
  const arrays: ShardArray[] = [];
  let offset = 0;
  for (const [name, type, length] of entries) {
    arrays.push({ name, type, byteOffset: offset, length });
    offset += Math.ceil((length * BYTES[type]) / 8) * 8;
  }
  return { arrays, dataBytes: offset };
}
