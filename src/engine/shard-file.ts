/**
 * Shards: a run split into trial ranges that run anywhere (a batch engine's
 * workers, GNU parallel) and merge back into exactly the table a single
 * machine would have made. A partial is one file: a JSON header (scenario,
 * seed, hash, range, exact sums) and the per-trial columns as raw bytes.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import { STRATEGIES } from '../scenario/vocabulary.ts';
import { columnSetOf, createOutcomeTable, type OutcomeTable } from './outcome-table.ts';
import type { ExactSumState } from './exact-sum.ts';
import type { VariantSums } from './variants.ts';

/** The first bytes of every partial. */
export const SHARD_MAGIC = 'EXPSHRD1';
const MAGIC = SHARD_MAGIC;
export const SHARD_FILE_EXTENSION = '.expansim-part';

/** The analysis settings a partial was run with (all partials of a merge must agree). */
export interface ShardAnalysis {
  ablate: boolean;
  ablationTrials: number;
  ablationHigh: number;
}

export interface ShardHeader {
  format: 1;
  expansimVersion: string;
  scenario: Scenario;
  scenarioText: string;
  scenarioHash: string;
  seed: number;
  totalTrials: number;
  shard: { index: number; count: number };
  start: number;
  count: number;
  horizonMonths: number;
  analysis: ShardAnalysis;
  sums: Record<string, ExactSumState[]>;
  variants: Record<string, VariantSums>;
  cashPathCount: number;
  arrays: { name: string; type: string; byteOffset: number; length: number }[];
}

export interface ShardFile {
  header: ShardHeader;
  table: OutcomeTable;
}

/** Trials of shard `index` (0-based) of `count`: [⌊index·n/count⌋, ⌊(index+1)·n/count⌋). */
export function shardRange(totalTrials: number, index: number, count: number): { start: number; count: number } {
  if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 0 || index >= count) {
    throw new Error(`shard ${index}/${count}: the index must be 0 … ${count - 1}`);
  }
  if (count > totalTrials) throw new Error(`cannot split ${totalTrials} trials into ${count} shards`);
  const start = Math.floor((index * totalTrials) / count);
  return { start, count: Math.floor(((index + 1) * totalTrials) / count) - start };
}

const ARRAY_TYPES = { Float64Array, Float32Array, Int32Array, Int16Array } as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;

function typedArrays(table: OutcomeTable): [string, Float64Array | Float32Array | Int32Array | Int16Array][] {
  return [...Object.entries(table.columns), ...STRATEGIES.map((s) => [`cashPaths.${s}`, table.cashPaths[s]] as [string, Float32Array])];
}

/** Encodes a partial: magic, header length, JSON header, then the arrays, each 8-byte aligned. */
export function encodeShard(header: Omit<ShardHeader, 'arrays' | 'sums' | 'variants' | 'cashPathCount' | 'start' | 'count' | 'horizonMonths'>, table: OutcomeTable): Uint8Array {
  // A partial carries every per-trial column, so a merge can write the per-trial CSV.
  if (columnSetOf(table) !== 'all') throw new Error('encodeShard: the table was run without its CSV columns (columns: "all")');
  const arrays: ShardHeader['arrays'] = [];
  let offset = 0;
  for (const [name, array] of typedArrays(table)) {
    arrays.push({ name, type: array.constructor.name, byteOffset: offset, length: array.length });
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const full: ShardHeader = {
    ...header,
    start: table.start,
    count: table.count,
    horizonMonths: table.horizonMonths,
    sums: table.sums,
    variants: table.variants,
    cashPathCount: table.cashPathCount,
    arrays,
  };
  const json = new TextEncoder().encode(JSON.stringify(full));
  const headerBytes = 8 + 4 + json.length;
  const dataStart = Math.ceil(headerBytes / 8) * 8;
  const bytes = new Uint8Array(dataStart + offset);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(8, json.length, true);
  bytes.set(json, 12);
  typedArrays(table).forEach(([, array], i) => bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + arrays[i]!.byteOffset));
  return bytes;
}

/** Decodes a partial; throws an Error naming what is wrong with a damaged or foreign file. */
export function decodeShard(bytes: Uint8Array): ShardFile {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error('not an expansim shard partial');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + length > bytes.length) throw new Error('the partial is truncated');
  let header: ShardHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as ShardHeader;
  } catch {
    throw new Error('the partial header is damaged');
  }
  if (header.format !== 1) throw new Error(`unknown partial format ${String(header.format)}`);
  const dataStart = Math.ceil((12 + length) / 8) * 8;
  const table = createOutcomeTable(header.start, header.count, header.horizonMonths, Object.keys(header.variants));
  for (const entry of header.arrays) {
    const Type = ARRAY_TYPES[entry.type as ArrayTypeName];
    if (!Type) throw new Error(`the partial holds an unknown array type ${entry.type}`);
    const begin = dataStart + entry.byteOffset;
    const end = begin + entry.length * Type.BYTES_PER_ELEMENT;
    if (end > bytes.length) throw new Error('the partial is truncated');
    const copy = new Type(entry.length);
    new Uint8Array(copy.buffer).set(bytes.subarray(begin, end));
    if (entry.name.startsWith('cashPaths.')) table.cashPaths[entry.name.slice('cashPaths.'.length) as 'ato' | 'fitd'] = copy as Float32Array;
    else table.columns[entry.name] = copy;
  }
  table.sums = header.sums;
  table.variants = header.variants;
  table.cashPathCount = header.cashPathCount;
  return { header, table };
}

/**
 * Checks that partials belong to one run and cover it exactly once; returns
 * every problem found (empty when they merge).
 */
export function mergeProblems(headers: readonly (ShardHeader & { file: string })[]): string[] {
  if (headers.length === 0) return ['no partials given'];
  const first = headers[0]!;
  const problems: string[] = [];
  for (const h of headers.slice(1)) {
    if (h.scenarioHash !== first.scenarioHash) problems.push(`${h.file} is from a different scenario than ${first.file} (hash ${h.scenarioHash.slice(0, 12)} vs ${first.scenarioHash.slice(0, 12)})`);
    if (h.seed !== first.seed) problems.push(`${h.file} has seed ${h.seed}, ${first.file} has seed ${first.seed}`);
    if (h.totalTrials !== first.totalTrials) problems.push(`${h.file} is part of a ${h.totalTrials}-trial run, ${first.file} of a ${first.totalTrials}-trial run`);
    if (h.shard.count !== first.shard.count) problems.push(`${h.file} is shard ${h.shard.index}/${h.shard.count}, ${first.file} is of ${first.shard.count}`);
    if (JSON.stringify(h.analysis) !== JSON.stringify(first.analysis)) problems.push(`${h.file} ran a different ablation than ${first.file}`);
  }
  if (problems.length > 0) return problems;
  const seen = new Map<number, string>();
  for (const h of headers) {
    const other = seen.get(h.shard.index);
    if (other) problems.push(`shard ${h.shard.index}/${h.shard.count} is given twice (${other} and ${h.file})`);
    seen.set(h.shard.index, h.file);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) problems.push(`missing shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${first.shard.count}`);
  return problems;
}
