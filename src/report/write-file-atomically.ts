/**
 * One file written whole or not at all: the bytes go to a temporary file
 * beside the target, which is then renamed over it (atomic on one file
 * system), so an interrupted write never leaves a truncated file. The
 * temporary file is named like a staging folder (recover-interrupted-output.ts),
 * so the next writer removes what a killed one left.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { leftoverName } from './recover-interrupted-output.ts';

export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const partial = leftoverName(path, 'partial', randomBytes(2).toString('hex'));
  try {
    writeFileSync(partial, content);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
