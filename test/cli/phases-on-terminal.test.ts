/**
 * `sweep` and `portfolio` on a terminal: after the trials the bar gives way to
 * the phase under way, as for `run` (cli.test.ts), so the screen is never
 * blank while the charts and the folder are written.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SCENARIOS, workspace } from '../robustness/cli-process.ts';
import { SMALL_BOOK, bookFolder, writeIn } from '../book/book-files.ts';

/**
 * The command on a pseudo-terminal (util-linux `script`), as a user's shell
 * runs it; stdout and stderr arrive together. The bar's one-second delay is
 * set to 0, so a small run shows it and every phase.
 */
function onTerminal(args: string[], cwd: string) {
  const command = [process.execPath, BIN, ...args].map((part) => JSON.stringify(part)).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, EXPANSIM_DEBUG: '', EXPANSIM_PROGRESS_DELAY_MS: '0' } });
  return { code: result.status, screen: `${result.stdout}${result.stderr}` };
}

describe('phases after the trials on a terminal', () => {
  it('sweep shows each chart and the writing of its folder', () => {
    const cwd = workspace();
    const sweep = onTerminal(['sweep', join(SCENARIOS, 'hp-cso.yaml'), '--vary', 'account.barriers.functionalWalls=0.2:0.8:0.6', '-n', '200', '--no-deck', '--out', 'sweep'], cwd);
    expect(sweep.code, sweep.screen).toBe(0);
    expect(sweep.screen).toMatch(/\d+\/200 trials/);
    expect(sweep.screen).toMatch(/Drawing the charts: [\w-]+…/);
    expect(sweep.screen).toContain('Writing the output folder…');
    // The phase line is cleared before the table, which starts on a line of its own.
    expect(sweep.screen).toMatch(/\r\x1b\[2Kexpansim sweep · hp-cso/);
  });

  it('portfolio shows each chart and the writing of its folder', () => {
    const folder = bookFolder();
    writeIn(folder, 'book.yaml', SMALL_BOOK);
    const portfolio = onTerminal(['portfolio', 'book.yaml', '--no-deck', '--out', 'plan'], folder);
    expect(portfolio.code, portfolio.screen).toBe(0);
    expect(portfolio.screen).toMatch(/\d+\/[\d,]+ trials/);
    expect(portfolio.screen).toMatch(/Drawing the charts: [\w-]+…/);
    expect(portfolio.screen).toContain('Writing the output folder…');
    expect(portfolio.screen).toMatch(/\r\x1b\[2Kexpansim portfolio · small book/);
  });
});
