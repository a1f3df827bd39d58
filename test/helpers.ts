/** Shared test helpers: scenarios from YAML snippets, compiled parameters, one-off trials. */
import { compileParameters, type ModelParameters } from '../src/model/parameters.ts';
import { parseScenario } from '../src/scenario/parse-scenario.ts';
import type { Scenario } from '../src/scenario/scenario-schema.ts';
import { formatIssue } from '../src/scenario/scenario-issue.ts';

/** A validated scenario from YAML text (throws with the issues if invalid). */
export function scenarioFrom(yaml: string): Scenario {
  const result = parseScenario(yaml);
  if (!result.ok) throw new Error(result.issues.map((issue) => formatIssue(issue, 'test.yaml')).join('\n'));
  return result.scenario;
}

export function paramsFrom(yaml: string): ModelParameters {
  return compileParameters(scenarioFrom(yaml));
}

/** YAML for every barrier at one level, no jitter. */
export function flatBarriers(level: number): string {
  return `account:
  barrierJitter: 0
  barriers: { functionalWalls: ${level}, hardwareImage: ${level}, purchasingControl: ${level}, itVendorControl: ${level}, executiveReluctance: ${level} }
`;
}
