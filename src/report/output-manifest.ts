/**
 * `.expansim-manifest.json`: every file expansim wrote into an output folder,
 * with its size and SHA-256, so a later run can prove the folder holds only
 * its own files before replacing it.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

export const MANIFEST_FILE = '.expansim-manifest.json';

export interface ManifestEntry {
  /** Path inside the folder, with `/` separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface OutputManifest {
  tool: 'expansim';
  format: 1;
  /** The name the default folder was derived from (a scenario name, `<name>-sweep`), or null. */
  name: string | null;
  files: ManifestEntry[];
}

/** Hashes content as it is written: one `add` per chunk, `entry` at the end. */
export function manifestHasher(path: string): { add(chunk: string | Uint8Array): void; entry(): ManifestEntry } {
  const hash: Hash = createHash('sha256');
  let bytes = 0;
  return {
    add(chunk) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(buffer);
      bytes += buffer.byteLength;
    },
    entry: () => ({ path, bytes, sha256: hash.digest('hex') }),
  };
}

/** The SHA-256 of a file, read a megabyte at a time (a trials.csv may be large). */
export function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export function formatManifest(manifest: OutputManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const isEntry = (value: unknown): value is ManifestEntry => {
  const entry = value as ManifestEntry;
  return typeof entry === 'object' && entry !== null && typeof entry.path === 'string' && Number.isSafeInteger(entry.bytes) && typeof entry.sha256 === 'string';
};

/** The folder's manifest, or null when it has none or it is not one expansim wrote. */
export function readManifest(path: string): OutputManifest | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
  const manifest = parsed as OutputManifest;
  const valid =
    typeof manifest === 'object' &&
    manifest !== null &&
    manifest.tool === 'expansim' &&
    manifest.format === 1 &&
    (manifest.name === null || typeof manifest.name === 'string') &&
    Array.isArray(manifest.files) &&
    manifest.files.every(isEntry);
  return valid ? manifest : null;
}
