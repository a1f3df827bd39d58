/**
 * Shards: a run split into trial ranges that run anywhere (a batch engine's
 * workers, GNU parallel) and merge back into exactly the table a single
 * machine would have made. A partial is one file: a JSON header (scenario,
 * seed, hash, range, exact sums) and the per-trial columns as raw bytes.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../scenario/scenario-hash.ts';
import { formatPath } from '../scenario/scenario-issue.ts';
import { columnSetOf, createOutcomeTable, STRATEGY_SUMS, type OutcomeTable } from './outcome-table.ts';
import { cashPathCountOf, SHARD_FORMAT, shardHeaderSchema, shardLayout, type ShardHeader } from './shard-header.ts';
import { shardCoverProblems } from './shard-cover-problems.ts';

export type { ShardAnalysis, ShardHeader } from './shard-header.ts';

/** The first bytes of every partial. */
export const SHARD_MAGIC = 'EXPSHRD1';
const MAGIC = SHARD_MAGIC;
export const SHARD_FILE_EXTENSION = '.expansim-part';

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
  return [...Object.entries(table.columns), ...table.strategies.map((s) => [`cashPaths.${s}`, table.cashPaths[s]!] as [string, Float32Array])];
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The header's own checksum: over its canonical JSON as read back, without `checksums.header`. */
function headerDigest(header: { checksums: { data: string } }): string {
  return sha256(canonicalJson({ ...header, checksums: { data: header.checksums.data } }));
}

export type ShardHeaderInput = Omit<ShardHeader, 'format' | 'arrays' | 'sums' | 'variants' | 'cashPathCount' | 'start' | 'count' | 'horizonMonths' | 'checksums'>;

/** Encodes a partial: magic, header length, JSON header, then the arrays, each 8-byte aligned. */
export function encodeShard(header: ShardHeaderInput, table: OutcomeTable): Uint8Array {
  // A partial carries every per-trial column, so a merge can write the per-trial CSV.
  if (columnSetOf(table) !== 'all') throw new Error('encodeShard: the table was run without its CSV columns (columns: "all")');
  const { arrays, dataBytes } = shardLayout(table.start, table.count, table.horizonMonths, table.strategies);
  const data = new Uint8Array(dataBytes);
  typedArrays(table).forEach(([name, array], i) => {
    if (arrays[i]!.name !== name || arrays[i]!.length !== array.length) throw new Error(`encodeShard: the table's ${name} does not fit the partial layout`);
    data.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), arrays[i]!.byteOffset);
  });
  const unsigned = {
    ...header,
    format: SHARD_FORMAT,
    start: table.start,
    count: table.count,
    horizonMonths: table.horizonMonths,
    sums: table.sums,
    variants: table.variants,
    cashPathCount: table.cashPathCount,
    arrays,
    checksums: { data: sha256(data) },
  };
  const full = { ...unsigned, checksums: { ...unsigned.checksums, header: headerDigest(JSON.parse(JSON.stringify(unsigned)) as typeof unsigned) } };
  const json = new TextEncoder().encode(JSON.stringify(full));
  const dataStart = Math.ceil((12 + json.length) / 8) * 8;
  const bytes = new Uint8Array(dataStart + dataBytes);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(8, json.length, true);
  bytes.set(json, 12);
  bytes.set(data, dataStart);
  return bytes;
}

function parseHeader(bytes: Uint8Array, length: number): ShardHeader {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + length)));
  } catch {
    throw new Error('the partial header is damaged (not JSON)');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('the partial header is damaged (not a JSON object)');
  const format = (json as { format?: unknown }).format;
  if (typeof format === 'number' && format < SHARD_FORMAT) throw new Error(`the partial is format ${format}, made by an older expansim; re-run the shard`);
  const result = shardHeaderSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`header field ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
  }
  const header = json as ShardHeader;
  if (headerDigest(header) !== header.checksums.header) throw new Error('the partial header was altered: its checksum does not match');
  return header;
}

/** The strategies a partial's scenario compares (its keys of strategies:). */
function strategiesOf(header: ShardHeader): string[] {
  const plans: unknown = header.scenario.strategies;
  if (plans === null || typeof plans !== 'object' || Array.isArray(plans)) throw new Error('header field scenario.strategies: must be a mapping of plans');
  return Object.keys(plans);
}

function sumsProblem(sums: ShardHeader['sums'], strategies: readonly string[]): string | undefined {
  const expected = strategies.flatMap((s) => Object.entries(STRATEGY_SUMS).map(([name, size]) => [`${s}.${name}`, size] as const));
  const names = Object.keys(sums);
  const unknown = names.find((name) => !expected.some(([key]) => key === name));
  if (unknown !== undefined) return `header field sums: unknown sum ${JSON.stringify(unknown)}`;
  for (const [name, size] of expected) {
    if (sums[name] === undefined) return `header field sums.${name} is missing`;
    if (sums[name].length !== size) return `header field sums.${name} holds ${sums[name].length} values, not ${size}`;
  }
  return undefined;
}

/** Decodes a partial; throws an Error naming what is wrong with a damaged, altered or foreign file. */
export function decodeShard(bytes: Uint8Array): ShardFile {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error('not an expansim shard partial');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + length > bytes.length) throw new Error('the partial is truncated (in its header)');
  const header = parseHeader(bytes, length);
  const strategies = strategiesOf(header);
  const layout = shardLayout(header.start, header.count, header.horizonMonths, strategies);
  if (canonicalJson(header.arrays) !== canonicalJson(layout.arrays)) {
    const wrong = layout.arrays.find((a, i) => canonicalJson(a) !== canonicalJson(header.arrays[i])) ?? layout.arrays[0]!;
    throw new Error(`header field arrays: ${wrong.name} does not match ${header.count} trials of ${header.horizonMonths} months from trial ${header.start}`);
  }
  const dataStart = Math.ceil((12 + length) / 8) * 8;
  const size = dataStart + layout.dataBytes;
  if (bytes.length < size) throw new Error(`the partial is truncated: ${bytes.length} bytes, its header describes ${size}`);
  if (bytes.length > size) throw new Error(`the partial has ${bytes.length - size} bytes more than its header describes`);
  if (sha256(bytes.subarray(dataStart)) !== header.checksums.data) throw new Error('the partial data is damaged: its checksum does not match');
  if (header.cashPathCount !== cashPathCountOf(header.start, header.count)) throw new Error(`header field cashPathCount is ${header.cashPathCount}, not ${cashPathCountOf(header.start, header.count)} for trials from ${header.start}`);
  const problem = sumsProblem(header.sums, strategies);
  if (problem) throw new Error(problem);
  const table = createOutcomeTable(header.start, header.count, header.horizonMonths, strategies, Object.keys(header.variants));
  for (const entry of header.arrays) {
    const Type = ARRAY_TYPES[entry.type as ArrayTypeName];
    const begin = dataStart + entry.byteOffset;
    const copy = new Type(entry.length);
    new Uint8Array(copy.buffer).set(bytes.subarray(begin, begin + entry.length * Type.BYTES_PER_ELEMENT));
    if (entry.name.startsWith('cashPaths.')) table.cashPaths[entry.name.slice('cashPaths.'.length)] = copy as Float32Array;
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
    if (h.expansimVersion !== first.expansimVersion) problems.push(`${h.file} was made by expansim ${h.expansimVersion}, ${first.file} by ${first.expansimVersion}`);
    if (h.scenarioHash === first.scenarioHash && h.horizonMonths !== first.horizonMonths) problems.push(`${h.file} has a ${h.horizonMonths}-month horizon, ${first.file} ${first.horizonMonths}`);
  }
  if (problems.length > 0) return problems;
  problems.push(...shardCoverProblems(headers, first.shard.count));
  if (problems.length > 0) return problems;
  const ordered = [...headers].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const h of ordered) {
    if (h.start !== next) problems.push(`${h.file} starts at trial ${h.start}, but the shards before it end at trial ${next}: trials overlap or are missing`);
    next = h.start + h.count;
  }
  if (problems.length === 0 && next !== first.totalTrials) problems.push(`the shards cover ${next} trials of ${first.totalTrials}`);
  return problems;
}
