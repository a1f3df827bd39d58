/** The staffing warning where a user meets a scenario besides `run`: `validate` and `sweep` (in-process, with a captured io). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { validateCommand } from '../../src/cli/commands/simple-commands.ts';
import { sweepCommand } from '../../src/cli/commands/sweep-command.ts';
import { sweepStaffingWarning } from '../../src/scenario/sweep-staffing-warning.ts';
import { scenarioFrom } from '../helpers.ts';

function capture() {
  const printed = { out: '', err: '' };
  const io: CliIo = { out: (text) => (printed.out += text), err: (text) => (printed.err += text), interactive: false };
  return { io, printed };
}

function scenarioFile(text: string): { folder: string; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'expansim-staffing-'));
  const file = join(folder, 'short.yaml');
  writeFileSync(file, text);
  return { folder, file };
}

describe('staffing warnings in validate and sweep', () => {
  it('validate prints the warning with the file and still exits 0', () => {
    const { file } = scenarioFile('name: short\nresources: { capacity: 6 }\n');
    const { io, printed } = capture();
    expect(validateCommand([file], false, io)).toBe(0);
    expect(printed.out).toContain(`✔ ${file}: short`);
    expect(printed.err.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^warning: ${file}: resources.capacity 6 FTE is less than the 7 FTE ATO's streams need`)),
      expect.stringMatching(new RegExp(`^warning: ${file}: resources.capacity 6 FTE is less than the 7 FTE FITD's streams need`)),
    ]);
    const staffed = capture();
    expect(validateCommand([scenarioFile('name: staffed\n').file], true, staffed.io)).toBe(0);
    expect(staffed.printed).toEqual({ out: '', err: '' });
  });

  it('a sweep names its understaffed points once, not the base scenario again', () => {
    const base = scenarioFrom('name: s\n');
    const at = (capacity: number) => ({ label: `resources.capacity=${capacity}`, scenario: { ...base, resources: { ...base.resources, capacity } } });
    expect(sweepStaffingWarning(base, [at(0), at(6), at(8)])).toMatchInlineSnapshot(
      `"2 of 3 sweep points give a plan less capacity than its streams need, so there it wins and delivers less: resources.capacity=0 (capacity 0: no stream is staffed), resources.capacity=6 (ATO needs 7 FTE, has 6; FITD needs 7 FTE, has 6)"`,
    );
    expect(sweepStaffingWarning(base, [at(7), at(8)])).toBeNull();
    // Short in the base already (its own warning says so): a sweep of something else repeats nothing.
    const short = at(6).scenario;
    expect(sweepStaffingWarning(short, [{ label: 'discountRate=0.1', scenario: short }, { label: 'discountRate=0.2', scenario: short }])).toBeNull();
    expect(sweepStaffingWarning(short, [at(6), at(8)])).toMatch(/^1 of 2 sweep points .*: resources.capacity=6 \(ATO needs 7 FTE, has 6; FITD needs 7 FTE, has 6\)$/);
  });

  it('sweep warns for the base scenario and then once for the points', async () => {
    const { folder, file } = scenarioFile('name: short\ntrials: 40\nresources: { capacity: 6 }\n');
    const { io, printed } = capture();
    const options = { vary: ['resources.capacity=4:8:2'], out: join(folder, 'out'), workers: 1, quiet: true, json: false, charts: false, deck: false, pdf: false, progress: false };
    expect(await sweepCommand(file, options, io)).toBe(0);
    const lines = printed.err.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).every((line) => line.startsWith('warning: resources.capacity 6 FTE is less than the 7 FTE'))).toBe(true);
    expect(lines[2]).toMatch(/^warning: 2 of 3 sweep points .*: resources.capacity=4 \(ATO needs 7 FTE, has 4; FITD needs 7 FTE, has 4\), resources.capacity=6 \(/);
  });
});
