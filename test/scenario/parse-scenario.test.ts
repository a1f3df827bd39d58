import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.ts';
import { formatIssue } from '../../src/scenario/scenario-issue.ts';

function messages(text: string): string[] {
  const result = parseScenario(text);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.issues.map((issue) => formatIssue(issue, 'scenarios/x.yaml'));
}

describe('parseScenario', () => {
  it('fills every default of MODEL.md from a name alone', () => {
    const result = parseScenario('name: minimal\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { scenario } = result;
    expect(scenario.trials).toBe(20000);
    expect(scenario.horizonMonths).toBe(72);
    expect(scenario.account.barriers).toEqual({ functionalWalls: 0.6, hardwareImage: 0.6, purchasingControl: 0.6, itVendorControl: 0.6, executiveReluctance: 0.5 });
    expect(scenario.model.streams.upstream.opportunityMix).toEqual({ repurchase: 0, replacement: 0, expansion: 0.3, innovation: 0.7 });
    expect(scenario.model.projectTypes.innovation).toEqual({ baseWinProbability: 0.35, meanCycleMonths: 15, stages: 5, wallDecisionMakers: 4 });
    expect(scenario.model.migration.trapFactor).toBe(0.2);
    expect(scenario.strategies.ato?.rampMonths).toBe(6);
    expect(scenario.strategies.fitd?.rampMonths).toBe(3);
    expect(scenario.strategies.fitd?.sellingMode).toEqual({ downstream: 'product', midstream: 'solution', upstream: 'solution' });
  });

  it('reads JSON as well as YAML', () => {
    const result = parseScenario('{"name": "json", "trials": 10, "account": {"barriers": {"functionalWalls": 0.1}}}');
    expect(result.ok && result.scenario.account.barriers.functionalWalls).toBe(0.1);
  });

  it('reports every problem with its line and field', () => {
    const text = [
      'name: x',
      'trials: 1.5',
      'account:',
      '  barriers:',
      '    functionalWalls: 1.4',
      '    hardwarImage: 0.2',
      '  wallet: {median: -1}',
      'strategies:',
      '  ato: { sellingMode: { downstream: box } }',
      'seed: .inf',
      'discountRate: "ten"',
    ].join('\n');
    expect(messages(text)).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml:2 trials: must be a whole number (got 1.5)",
        "✖ scenarios/x.yaml:5 account.barriers.functionalWalls: must be between 0 and 1 (got 1.4)",
        "✖ scenarios/x.yaml:6 account.barriers.hardwarImage: unknown key (did you mean hardwareImage?)",
        "✖ scenarios/x.yaml:7 account.wallet.median: must be between 0 and 1000000 (got -1)",
        "✖ scenarios/x.yaml:9 strategies.ato.sellingMode.downstream: must be one of product, solution (got "box")",
        "✖ scenarios/x.yaml:10 seed: must be a finite number (got Infinity)",
        "✖ scenarios/x.yaml:11 discountRate: must be a number (got "ten")",
      ]
    `);
  });

  it('checks sums across fields once the fields are valid', () => {
    expect(messages('name: x\nmodel:\n  streams:\n    upstream:\n      walletShare: 0.5\n      opportunityMix: { expansion: 0.5 }\n')).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml:4 model.streams: walletShare of downstream, midstream and upstream must sum to 1 (got 1.2)",
        "✖ scenarios/x.yaml:6 model.streams.upstream.opportunityMix: must sum to 1, or be all 0 for a stream without opportunities (got 1.2)",
      ]
    `);
  });

  it('accepts an all-zero opportunity mix (a stream without opportunities)', () => {
    const result = parseScenario('name: x\nmodel:\n  streams:\n    upstream:\n      opportunityMix: { expansion: 0, innovation: 0 }\n');
    expect(result.ok).toBe(true);
  });

  it('refuses an infinite run-rate terminal value', () => {
    expect(messages('name: x\ndiscountRate: 0\nmodel:\n  churn: { base: 0 }\n')).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml terminalValue: runRate needs a positive discountRate or churn hazard: with both at 0 the perpetuity is infinite (use terminalValue: none)",
      ]
    `);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(messages('name: x\naccount:\n  barriers: [1, 2\n')).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml:4: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
  });

  it('rejects documents that are not mappings, binary and absurd sizes', () => {
    expect(messages('- a\n- b\n')).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml: a scenario must be a mapping of keys to values (name, seed, trials, account, …)",
      ]
    `);
    expect(messages('name: x\u0000')).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml: file is binary, not YAML or JSON text",
      ]
    `);
    expect(messages('name: x\ntrials: 100000000000\nhorizonMonths: 0\n')).toMatchInlineSnapshot(`
      [
        "✖ scenarios/x.yaml:2 trials: must be between 1 and 1000000000 (got 100000000000)",
        "✖ scenarios/x.yaml:3 horizonMonths: must be between 1 and 600 (got 0)",
      ]
    `);
  });

  it('stops YAML alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const result = parseScenario(bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/alias/i);
  });
});
