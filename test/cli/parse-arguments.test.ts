import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../src/cli/parse-arguments.ts';

describe('parseArguments', () => {
  it('reads run with its options', () => {
    expect(parseArguments(['run', 's.yaml', '--trials', '50000', '--seed', '7', '--out', 'results/low', '--trials-csv', '--workers', '2'])).toEqual({
      command: 'run',
      scenario: 's.yaml',
      options: { trials: 50000, seed: 7, out: 'results/low', trialsCsv: true, workers: 2, quiet: false, json: false, charts: true, deck: true, pdf: false, progress: true, ablate: true, switchovers: true },
    });
    expect(parseArguments(['run', 's.yaml', '--no-charts', '--json', '-q'])).toMatchObject({ options: { charts: false, json: true, quiet: true } });
    expect(parseArguments(['run', 's.yaml'])).toMatchObject({ options: { switchovers: true } });
    expect(parseArguments(['run', 's.yaml', '--no-switchovers'])).toMatchObject({ options: { switchovers: false, ablate: true } });
    expect(parseArguments(['run', 's.yaml', '--precision', '0.05', '--max-trials', '200000', '--no-ablate'])).toMatchObject({
      options: { precision: 0.05, maxTrials: 200000, ablate: false },
    });
    expect(parseArguments(['run', 's.yaml', '--precision-relative', '0.1', '--ablation-trials', '2000', '--ablate-high', '0.8'])).toMatchObject({
      options: { precisionRelative: 0.1, ablationTrials: 2000, ablateHigh: 0.8 },
    });
    expect(parseArguments(['sweep', 's.yaml', '--vary', 'a=0:1:0.5', '--vary', 'b=1,2'])).toMatchObject({ command: 'sweep', options: { vary: ['a=0:1:0.5', 'b=1,2'] } });
    expect(parseArguments(['explain', 's.yaml', '--trial', '12'])).toMatchObject({ command: 'explain', options: { trial: 12, strategy: 'all' } });
  });

  it('reads validate, init and schema', () => {
    expect(parseArguments(['validate', 'a.yaml', 'b.yaml'])).toEqual({ command: 'validate', scenarios: ['a.yaml', 'b.yaml'], quiet: false });
    expect(parseArguments(['init', 'mine.yaml'])).toEqual({ command: 'init', file: 'mine.yaml', force: false });
    expect(parseArguments(['schema'])).toEqual({ command: 'schema' });
  });

  it('turns bad usage into one message', () => {
    expect(parseArguments(['run', 's.yaml', '--trials', 'many'])).toMatchInlineSnapshot(`
      {
        "command": "usage-error",
        "message": "--trials must be a whole number from 1 to 1000000000 (got "many")",
      }
    `);
    expect(parseArguments(['run', 's.yaml', '--trials', '0'])).toMatchInlineSnapshot(`
      {
        "command": "usage-error",
        "message": "--trials must be a whole number from 1 to 1000000000 (got "0")",
      }
    `);
    expect(parseArguments(['run'])).toMatchInlineSnapshot(`
      {
        "command": "usage-error",
        "message": "missing required argument 'scenario'",
      }
    `);
    expect(parseArguments(['runn', 's.yaml'])).toMatchInlineSnapshot(`
      {
        "command": "usage-error",
        "message": "unknown command 'runn'
      (Did you mean run?)",
      }
    `);
    expect(parseArguments(['run', 's.yaml', '--bogus'])).toMatchInlineSnapshot(`
      {
        "command": "usage-error",
        "message": "unknown option '--bogus'",
      }
    `);
    expect(parseArguments([]).command).toBe('usage-error');
  });

  it('prints help and version', () => {
    const help = parseArguments(['--help']);
    expect(help.command).toBe('print');
    if (help.command === 'print') expect(help.text).toContain('run [options] [scenario]');
    expect(parseArguments(['--version'], '1.2.3')).toEqual({ command: 'print', text: '1.2.3\n' });
  });
});
