/**
 * The deck and the PDF through the CLI, as subprocesses: run writes deck.pptx
 * and, with --pdf, report.pdf (listed in run.json); sweep --no-deck writes
 * none; --pdf without a Chromium is refused before any trial (exit 2, one
 * line, nothing written); a Ctrl-C held at the deck step writes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expansim, SCENARIOS, startExpansim, workspace } from './cli-process.ts';
import { watchChild, type WatchedChild } from './child-events.ts';

const HP = join(SCENARIOS, 'hp-cso.yaml');
const hasChromium = existsSync('/usr/bin/chromium');
const mustRun = Boolean(process.env.CI);
const started: WatchedChild[] = [];

afterEach(() => {
  for (const child of started.splice(0)) child.stop();
});

describe('deck.pptx and report.pdf from the CLI', () => {
  it.skipIf(!hasChromium && !mustRun)(`run writes deck.pptx and, with --pdf, report.pdf${hasChromium || mustRun ? '' : ' — SKIPPED: /usr/bin/chromium is missing'}`, () => {
    const cwd = workspace();
    const result = expansim(['run', HP, '-n', '200', '--no-ablate', '--out', 'out', '--quiet', '--pdf'], cwd, { env: { EXPANSIM_TRACE: 'phases', EXPANSIM_CHROMIUM: '/usr/bin/chromium' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('expansim: phase pdf\n');
    expect(result.stderr).toContain('expansim: phase deck\n');
    const deck = readFileSync(join(cwd, 'out/deck.pptx'));
    expect(deck.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(readFileSync(join(cwd, 'out/report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(JSON.parse(readFileSync(join(cwd, 'out/run.json'), 'utf8')).files).toEqual(expect.arrayContaining(['deck.pptx', 'report.pdf', 'report.html']));
  });

  it('sweep --no-deck writes the report but no deck', () => {
    const cwd = workspace();
    const result = expansim(['sweep', HP, '-n', '50', '--vary', 'discountRate=0.05,0.1', '--out', 'out', '--quiet', '--no-deck'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'out/report.html'))).toBe(true);
    expect(existsSync(join(cwd, 'out/deck.pptx'))).toBe(false);
    expect(existsSync(join(cwd, 'out/report.pdf'))).toBe(false);
  });

  it('--pdf without a Chromium is refused before any trial, in one line, with nothing written', () => {
    const cwd = workspace();
    const result = expansim(['run', HP, '-n', '50', '--out', 'out', '--pdf'], cwd, { env: { EXPANSIM_CHROMIUM: join(cwd, 'no-such-chromium'), EXPANSIM_TRACE: 'phases' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--pdf needs a local Chromium or Chrome');
    expect(result.stderr).not.toContain('phase trials');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
    const both = expansim(['run', HP, '-n', '50', '--out', 'out', '--pdf', '--no-charts'], cwd);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--pdf prints the HTML report, which --no-charts skips');
  });

  it('a Ctrl-C at the deck step writes nothing', async () => {
    const cwd = workspace();
    const child = watchChild(startExpansim(['sweep', HP, '-n', '50', '--vary', 'discountRate=0.05,0.1', '--out', 'out', '--quiet'], cwd, { EXPANSIM_PAUSE_AT: 'deck' }));
    started.push(child);
    await child.stderrContains('expansim: phase deck\n');
    child.kill('SIGINT');
    const exit = await child.exit;
    expect(exit.code, child.stderr()).toBe(130);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
