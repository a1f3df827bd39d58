/**
 * A portfolio partial: the evaluation of one shard's groups in one file, a
 * JSON header then every NPV column as raw little-endian Float64 — per group
 * of the header, per account, per strategy, per capacity unit 1 … maxUnits,
 * `trials` values (units 0, uncovered, is all zeros and not stored). Checksums
 * catch damage; check-portfolio-partial.ts checks the sense.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../scenario/scenario-hash.ts';
import { formatPath } from '../scenario/scenario-issue.ts';
import type { CompiledBook } from '../book/compile-book.ts';
import type { GroupColumns } from './evaluate-book.ts';
import { PORTFOLIO_SHARD_FORMAT, portfolioShardHeaderSchema, type PortfolioShardHeader } from './portfolio-shard-header.ts';

/** The first bytes of every portfolio partial (a run's partial starts EXPSHRD1). */
export const PORTFOLIO_SHARD_MAGIC = 'EXPPORT1';
const PREFIX_BYTES = 12;

export interface PortfolioShardFile {
  header: PortfolioShardHeader;
  groups: GroupColumns[];
}

export type PortfolioShardInput = Omit<PortfolioShardHeader, 'format' | 'groups' | 'checksums' | 'bookHash'>;

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The hash partials of one book agree on: of its compiled accounts, teams, groups and settings. */
export function bookHash(compiled: CompiledBook): string {
  return sha256(canonicalJson({ book: compiled.book, teams: compiled.teams, groups: compiled.groups, accounts: compiled.accounts }));
}

function headerDigest(header: { checksums: { data: string } }): string {
  return sha256(canonicalJson({ ...header, checksums: { data: header.checksums.data } }));
}

const columnCount = (groups: PortfolioShardHeader['groups']) => groups.reduce((sum, g) => sum + g.accounts.length * g.strategies.length * g.maxUnits, 0);

export function encodePortfolioShard(input: PortfolioShardInput, compiled: CompiledBook, groups: readonly GroupColumns[]): Uint8Array {
  const described = groups.map((g) => ({ group: g.group, name: compiled.groups[g.group]!.name, accounts: compiled.groups[g.group]!.accounts, strategies: g.strategies, maxUnits: g.maxUnits }));
  const data = new Float64Array(columnCount(described) * input.trials);
  let offset = 0;
  for (const g of groups) {
    for (const account of g.npv) {
      for (const byUnits of account) {
        for (let units = 1; units <= g.maxUnits; units++) {
          const column = byUnits[units]!;
          if (column.length !== input.trials) throw new Error(`encodePortfolioShard: a column of group ${g.group} holds ${column.length} trials, not ${input.trials}`);
          data.set(column, offset);
          offset += input.trials;
        }
      }
    }
  }
  const dataBytes = new Uint8Array(data.buffer);
  const unsigned = { ...input, format: PORTFOLIO_SHARD_FORMAT, bookHash: bookHash(compiled), groups: described, checksums: { data: sha256(dataBytes) } };
  const full = { ...unsigned, checksums: { ...unsigned.checksums, header: headerDigest(JSON.parse(JSON.stringify(unsigned)) as typeof unsigned) } };
  const json = new TextEncoder().encode(JSON.stringify(full));
  const dataStart = Math.ceil((PREFIX_BYTES + json.length) / 8) * 8;
  const bytes = new Uint8Array(dataStart + dataBytes.length);
  bytes.set(new TextEncoder().encode(PORTFOLIO_SHARD_MAGIC), 0);
  new DataView(bytes.buffer).setUint32(8, json.length, true);
  bytes.set(json, PREFIX_BYTES);
  bytes.set(dataBytes, dataStart);
  return bytes;
}

/** Whether these first bytes are a portfolio partial's. */
export const isPortfolioShard = (head: Uint8Array) => head.length >= 8 && new TextDecoder().decode(head.subarray(0, 8)) === PORTFOLIO_SHARD_MAGIC;

function parseHeader(bytes: Uint8Array, length: number): PortfolioShardHeader {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + length)));
  } catch {
    throw new Error('the partial header is damaged (not JSON)');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('the partial header is damaged (not a JSON object)');
  const format = (json as { format?: unknown }).format;
  if (typeof format === 'number' && format !== PORTFOLIO_SHARD_FORMAT) throw new Error(`the partial is portfolio format ${format}; this expansim reads format ${PORTFOLIO_SHARD_FORMAT}: re-run the shard`);
  const result = portfolioShardHeaderSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`header field ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
  }
  if (headerDigest(result.data) !== result.data.checksums.header) throw new Error('the partial header was altered: its checksum does not match');
  return result.data;
}

/** Decodes a portfolio partial; throws an Error naming what is wrong with a damaged, altered or foreign file. */
export function decodePortfolioShard(bytes: Uint8Array): PortfolioShardFile {
  if (bytes.length < PREFIX_BYTES || !isPortfolioShard(bytes)) throw new Error('not an expansim portfolio partial');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (PREFIX_BYTES + length > bytes.length) throw new Error('the partial is truncated (in its header)');
  const header = parseHeader(bytes, length);
  const dataStart = Math.ceil((PREFIX_BYTES + length) / 8) * 8;
  const values = columnCount(header.groups) * header.trials;
  const size = dataStart + values * 8;
  if (bytes.length < size) throw new Error(`the partial is truncated: ${bytes.length} bytes, its header describes ${size}`);
  if (bytes.length > size) throw new Error(`the partial has ${bytes.length - size} bytes more than its header describes`);
  if (sha256(bytes.subarray(dataStart)) !== header.checksums.data) throw new Error('the partial data is damaged: its checksum does not match');
  const data = new Float64Array(values);
  new Uint8Array(data.buffer).set(bytes.subarray(dataStart));
  const zeros = new Float64Array(header.trials);
  let offset = 0;
  const groups = header.groups.map((g): GroupColumns => ({
    group: g.group,
    strategies: g.strategies,
    maxUnits: g.maxUnits,
    npv: g.accounts.map(() =>
      g.strategies.map(() => {
        const byUnits = [zeros];
        for (let units = 1; units <= g.maxUnits; units++, offset += header.trials) byUnits.push(data.slice(offset, offset + header.trials));
        return byUnits;
      }),
    ),
  }));
  return { header, groups };
}
