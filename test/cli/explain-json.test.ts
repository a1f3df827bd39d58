import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { explainCommand } from '../../src/cli/commands/explain-command.ts';
import { UsageError, type CliIo } from '../../src/cli/cli-io.ts';
import { BARRIERS, PROJECT_TYPES, STREAMS } from '../../src/scenario/vocabulary.ts';

const SCENARIO = join(import.meta.dirname, '../../scenarios/hp-cso.yaml');

function captured(): CliIo & { text: () => string } {
  let out = '';
  return { out: (text) => (out += text), err: () => {}, interactive: false, text: () => out };
}

describe('explain --json', () => {
  it('names its keys: barriers, streams, project types, stages passed; a month that never came is null', () => {
    const io = captured();
    explainCommand(SCENARIO, { trial: 3, strategy: 'all', json: true }, io);
    const story = JSON.parse(io.text());
    expect(Object.keys(story.barriers)).toEqual([...BARRIERS]);
    const outcome = story.strategies.ato.outcome;
    expect(Object.keys(outcome.revenueByStream)).toEqual([...STREAMS]);
    expect(Object.keys(outcome.firstWinMonth)).toEqual([...STREAMS]);
    expect(Object.values(outcome.firstWinMonth).every((m) => m === null || (typeof m === 'number' && m >= 0))).toBe(true);
    expect(outcome.churnMonth === null || outcome.churnMonth >= 0).toBe(true);
    expect(Object.keys(outcome.stagesPassed)).toEqual([...PROJECT_TYPES]);
    expect(outcome.stagesPassed.repurchase[0]).toEqual({ stagesPassed: 0, opportunities: expect.any(Number) });
    expect(outcome.cumulativeCash).toBeUndefined();
    const pursued = story.strategies.ato.trace.pursued[0];
    expect(STREAMS).toContain(pursued.stream);
    expect(PROJECT_TYPES).toContain(pursued.projectType);
    // No key anywhere is a bare index.
    expect(io.text()).not.toMatch(/"\d+":/);
  });

  it("refuses a trial beyond the run's trials, and takes a larger run's count from --trials", () => {
    expect(() => explainCommand(SCENARIO, { trial: 50_000, strategy: 'all', json: false }, captured())).toThrow(UsageError);
    expect(() => explainCommand(SCENARIO, { trial: 50_000, strategy: 'all', json: false }, captured())).toThrowErrorMatchingInlineSnapshot(
      `[UsageError: --trial 50000 is beyond the run's 20,000 trials (0 to 19,999); for a run with more, give its count with --trials]`,
    );
    const io = captured();
    explainCommand(SCENARIO, { trial: 50_000, trials: 60_000, strategy: 'ato', json: false }, io);
    expect(io.text()).toContain('trial 50000');
  });
});
