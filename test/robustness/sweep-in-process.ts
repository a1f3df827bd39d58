/** Runs `expansim sweep` on hp-cso in this process (no subprocess), for the sweep argument tests. */
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { SCENARIOS } from './cli-process.ts';

export const HP = join(SCENARIOS, 'hp-cso.yaml');

/** A sweep of two trials per point, no charts, written to `out`, with these --vary arguments. */
export async function sweepInProcess(vary: readonly string[], out: string, extra: readonly string[] = []) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (text) => void (stdout += text), err: (text) => void (stderr += text), interactive: false };
  const code = await main(['sweep', HP, ...vary.flatMap((v) => ['--vary', v]), '-n', '2', '--no-charts', '--quiet', '--out', out, ...extra], io);
  return { code, stdout, stderr };
}
