/** Takes a shard partial apart and puts it back together, as someone editing one by hand would. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/scenario/scenario-hash.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface PartialParts {
  header: { [key: string]: Json };
  data: Uint8Array;
}

export function splitPartial(bytes: Uint8Array): PartialParts {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  const dataStart = Math.ceil((12 + length) / 8) * 8;
  return { header: JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))), data: bytes.slice(dataStart) };
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes a partial from its parts; `resign` recomputes both checksums, as a
 * deliberate forger would, so only the semantic checks stand in the way.
 */
export function joinPartial({ header, data }: PartialParts, resign = false): Uint8Array {
  let final = header;
  if (resign) {
    const unsigned = { ...header, checksums: { data: sha256(data) } };
    final = { ...unsigned, checksums: { ...unsigned.checksums, header: sha256(canonicalJson(unsigned)) } };
  }
  const json = new TextEncoder().encode(JSON.stringify(final));
  const dataStart = Math.ceil((12 + json.length) / 8) * 8;
  const bytes = new Uint8Array(dataStart + data.length);
  bytes.set(new TextEncoder().encode('EXPSHRD1'), 0);
  new DataView(bytes.buffer).setUint32(8, json.length, true);
  bytes.set(json, 12);
  bytes.set(data, dataStart);
  return bytes;
}

/** Sets (or, with `undefined`, deletes) the value at `path` inside a JSON value, in place. */
export function setAt(root: { [key: string]: Json }, path: readonly (string | number)[], value: Json | undefined): void {
  let node: Json = root;
  for (const key of path.slice(0, -1)) {
    const next: Json | undefined = (node as { [key: string]: Json })[key as string];
    if (next === null || typeof next !== 'object' || next === undefined) return;
    node = next;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete (node as { [key: string]: Json })[last as string];
  } else (node as { [key: string]: Json })[last as string] = value;
}

export function getAt(root: Json, path: readonly (string | number)[]): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as { [key: string]: Json })[key as string] : undefined;
  return node;
}

/** Every path to a leaf (or an empty object or array) of a JSON value. */
export function leafPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  if (entries.length === 0) return [prefix];
  return entries.flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
}
