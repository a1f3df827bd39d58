/**
 * What reaches the terminal: a reader that closes stdout (`expansim run … |
 * head -1`) ends the command quietly with 141, as a Unix tool killed by
 * SIGPIPE reports in the shell, and no escape sequence from a scenario or a
 * CSV reaches the terminal.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, startExpansim, workspace } from './cli-process.ts';
import { watchChild } from './child-events.ts';

describe('a closed stdout', () => {
  it('ends `run` quietly with exit 141 once its reader is gone, the run written', async () => {
    const cwd = workspace();
    const spawned = startExpansim(['run', join(SCENARIOS, 'hp-cso.yaml'), '-n', '200', '--out', 'out', '--no-charts'], cwd);
    // The reader is gone before the command prints anything, as `| head -1` is after its line.
    spawned.stdout.destroy();
    const child = watchChild(spawned);
    const { code } = await child.exit;
    expect(child.stderr()).toBe('');
    expect(code).toBe(141);
    expect(existsSync(join(cwd, 'out/run.json'))).toBe(true);
  }, 60_000);
});
