import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.ts';
import { formatIssue } from '../../src/scenario/scenario-issue.ts';

const issues = (text: string, file: string) => {
  const result = parseScenario(text);
  return result.ok ? [] : result.issues.map((issue) => formatIssue(issue, file));
};

describe('a missing required key', () => {
  it('is reported at the line of the mapping it belongs in', () => {
    expect(issues('# an account\ntrials: 200\nseed: 3\n', 'x.yaml')).toEqual(['✖ x.yaml:2 name: is required']);
    expect(issues('{\n  "trials": 5\n}\n', 'x.json')).toEqual(['✖ x.json:1 name: is required']);
  });
});
