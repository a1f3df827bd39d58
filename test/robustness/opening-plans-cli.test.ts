/**
 * Plans MODEL.md forbids, an unknown baseline, duplicate labels, a bad
 * --compare or --strategy: exit 2 with file, line and field, no stack trace,
 * nothing written. And a four-plan run end to end: a column per plan and P(best).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expansim, SCENARIOS, workspace } from './cli-process.ts';

const FORBIDDEN = `name: bad-plans
baseline: holdd
strategies:
  ato: {}
  fitd: {}
  odd: { open: { midstream: never, upstream: migrate } }
  beachhead: { label: ATO, open: { midstream: start, upstream: migrate } }
`;

describe('opening plans on the command line', () => {
  it('refuses forbidden plans, an unknown baseline and duplicate labels with exit 2, each with its line and field', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'bad.yaml'), FORBIDDEN);
    const { code, stdout, stderr } = expansim(['run', 'bad.yaml', '-n', '10', '--no-charts', '--out', 'out'], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('✖ bad.yaml:2 baseline: must name one of the strategies (ato, fitd, odd, beachhead); got "holdd"');
    expect(stderr).toContain('✖ bad.yaml:6 strategies.odd.open.upstream: upstream can migrate only from an opened midstream');
    expect(stderr).toContain('✖ bad.yaml:7 strategies.beachhead.label: "ATO" is already the label of ato');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a --compare or --strategy that names no plan of the scenario with exit 2', () => {
    const dir = workspace();
    const sweep = expansim(['sweep', join(SCENARIOS, 'hp-cso.yaml'), '--vary', 'resources.capacity=5,7', '-n', '20', '--compare', 'ato,beachhead', '--no-charts', '--out', 'out'], dir);
    expect([sweep.code, sweep.stderr.trim()]).toEqual([2, expect.stringContaining('--compare must name two different strategies of the scenario, A,B (ato, fitd); got "ato,beachhead"')]);
    const explain = expansim(['explain', join(SCENARIOS, 'hp-cso.yaml'), '--trial', '1', '--strategy', 'hold'], dir);
    expect([explain.code, explain.stderr.trim()]).toEqual([2, expect.stringContaining('--strategy must be all or one of ato, fitd (got "hold")')]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('runs the four bundled plans with a column each, every plan against the baseline, and P(best)', () => {
    const dir = workspace();
    const { code, stdout } = expansim(['run', join(SCENARIOS, 'hp-cso-four-plans.yaml'), '-n', '400', '--no-charts', '--no-ablate', '--workers', '1', '--out', 'out'], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ATO\s+FITD\s+Beachhead\s+Hold\n/);
    for (const plan of ['ATO', 'FITD', 'Beachhead']) expect(stdout).toContain(`${plan} − Hold, paired on the same 400 accounts`);
    expect(stdout).toContain('P(best): share of accounts on which each strategy has the highest NPV');
    expect(stdout).toMatch(/ has the best mean NPV of the 4 plans[:,] .*; it is the best plan on \d+\.\d% of accounts \(95% CI \[/);
  });
});
