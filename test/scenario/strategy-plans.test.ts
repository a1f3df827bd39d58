/** `strategies:` as opening plans and `baseline:` (MODEL.md §3.6): defaults, and every refusal with its line and field. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.ts';
import { formatIssue } from '../../src/scenario/scenario-issue.ts';
import { hashScenario } from '../../src/scenario/scenario-hash.ts';
import { compileParameters, OPEN_MIGRATE, OPEN_NEVER, OPEN_START } from '../../src/model/parameters.ts';
import { scenarioFrom } from '../helpers.ts';

function messages(text: string): string[] {
  const result = parseScenario(text);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.issues.map((issue) => formatIssue(issue, 'scenarios/x.yaml'));
}

describe('strategies as opening plans', () => {
  it('are ATO and FITD, FITD the baseline, when the scenario says nothing', () => {
    const params = compileParameters(scenarioFrom('name: x\n'));
    expect(params.strategies.map((s) => [s.key, s.label, Array.from(s.open), s.rampMonths, s.buildCost])).toEqual([
      ['ato', 'ATO', [OPEN_START, OPEN_START, OPEN_START], 6, 0.3],
      ['fitd', 'FITD', [OPEN_START, OPEN_MIGRATE, OPEN_MIGRATE], 3, 0.3],
    ]);
    expect(params.baseline).toBe(1);
  });

  it('adds plans in the order written, after ATO and FITD, labelled by their key', () => {
    const params = compileParameters(
      scenarioFrom('name: x\nbaseline: hold\nstrategies:\n  hold: { open: { midstream: never, upstream: never } }\n  fitd: {}\n  beachhead: { label: Beach head, open: { midstream: start, upstream: migrate }, rampMonths: 4 }\n  ato: {}\n'),
    );
    expect(params.strategies.map((s) => [s.key, s.label, Array.from(s.open), s.rampMonths])).toEqual([
      ['ato', 'ATO', [OPEN_START, OPEN_START, OPEN_START], 6],
      ['fitd', 'FITD', [OPEN_START, OPEN_MIGRATE, OPEN_MIGRATE], 3],
      ['hold', 'Hold', [OPEN_START, OPEN_NEVER, OPEN_NEVER], 3],
      ['beachhead', 'Beach head', [OPEN_START, OPEN_START, OPEN_MIGRATE], 4],
    ]);
    expect(params.baseline).toBe(2);
  });

  it('compare exactly the plans written: any two, without ATO or FITD', () => {
    const params = compileParameters(
      scenarioFrom('name: x\nbaseline: hold\nstrategies:\n  hold: { open: { midstream: never, upstream: never } }\n  beachhead: { open: { midstream: start, upstream: migrate }, rampMonths: 4 }\n'),
    );
    expect(params.strategies.map((s) => s.key)).toEqual(['hold', 'beachhead']);
    expect(params.baseline).toBe(0);
  });

  it('need a baseline when there is no fitd, and at least two plans, each refusal with its line', () => {
    expect(messages('name: x\nstrategies:\n  hold: { open: { midstream: never, upstream: never } }\n  beachhead: { open: { midstream: start, upstream: migrate } }\n')).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml:2 baseline: is required when strategies: has no fitd (the default baseline): name the plan the others are compared with, one of hold, beachhead",
      ]
    `);
    expect(messages('name: x\nstrategies:\n  ato: { rampMonths: 8 }\n')).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml:3 strategies: compares only ato; a scenario compares at least 2 plans, and strategies: lists exactly the plans compared (add \`fitd: {}\` to compare with FITD as it is)",
      ]
    `);
    expect(messages('name: x\nstrategies: {}\n')).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml:2 strategies: compares no plans; list at least 2, or leave strategies: out to compare ATO and FITD",
      ]
    `);
  });

  it('keep the hash a two-strategy scenario had before plans were data', () => {
    // The hash of `name: x` at f48e2ee, before labels, opening rules and the baseline existed.
    expect(hashScenario(scenarioFrom('name: x\n'))).toBe(hashScenario(scenarioFrom('name: x\nbaseline: fitd\nstrategies: { ato: { label: ATO, open: { midstream: start } }, fitd: {} }\n')));
    expect(hashScenario(scenarioFrom('name: x\nbaseline: ato\n'))).not.toBe(hashScenario(scenarioFrom('name: x\n')));
  });

  it('refuse what MODEL.md forbids, an unknown baseline, duplicate labels and bad keys, each with its line', () => {
    const text = [
      'name: x',
      'baseline: fitdd',
      'strategies:',
      '  ato: {}',
      '  fitd: {}',
      '  odd: { open: { midstream: never, upstream: migrate } }',
      '  beachhead: { label: FITD, open: { midstream: start, upstream: migrate } }',
      '  Bad-Key: { open: { midstream: start, upstream: start } }',
    ].join('\n');
    expect(messages(text)).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml:2 baseline: must name one of the strategies (ato, fitd, odd, beachhead, Bad-Key); got "fitdd"",
        "✖ scenarios/x.yaml:6 strategies.odd.open.upstream: upstream can migrate only from an opened midstream: with midstream: never, use upstream: start or never (MODEL.md §3.6)",
        "✖ scenarios/x.yaml:7 strategies.beachhead.label: "FITD" is already the label of fitd; each plan needs its own",
        "✖ scenarios/x.yaml:8 strategies.Bad-Key: a plan's key must start with a lower-case letter and hold only letters and digits (at most 24), e.g. beachhead",
      ]
    `);
  });

  it('say what a new plan is missing', () => {
    expect(messages('name: x\nstrategies:\n  beachhead: { rampMonths: 2 }\n  hold: { open: { midstream: nope } }\n')).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml:3 strategies.beachhead.open: is required: a plan other than ato and fitd says how it opens midstream and upstream (start, migrate or never)",
        "✖ scenarios/x.yaml:4 strategies.hold.open.upstream: is required",
        "✖ scenarios/x.yaml:4 strategies.hold.open.midstream: must be one of start, migrate, never (got "nope")",
      ]
    `);
  });
});
