/**
 * One file written whole or not at all: the bytes go to a temporary file
 * beside the target, which is then renamed over it (atomic on one file
 * system), so an interrupted write never leaves a truncated file.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const partial = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(partial, content);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
