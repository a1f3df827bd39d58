/**
 * Checks that span several fields, run after the schema has filled defaults:
 * shares that must sum to 1 and combinations the model cannot evaluate.
 */
import type { Scenario } from './scenario-schema.ts';
import type { ScenarioIssue } from './scenario-issue.ts';
import { PROJECT_TYPES, STREAMS } from './vocabulary.ts';

const SUM_TOLERANCE = 1e-6;

const fmt = (value: number) => String(Number(value.toPrecision(10)));

/** Every cross-field problem of a validated scenario, each with its path. */
export function checkScenario(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const { streams } = scenario.model;

  const shareSum = STREAMS.reduce((sum, stream) => sum + streams[stream].walletShare, 0);
  if (Math.abs(shareSum - 1) > SUM_TOLERANCE) {
    issues.push({
      path: ['model', 'streams'],
      message: `walletShare of downstream, midstream and upstream must sum to 1 (got ${fmt(shareSum)})`,
    });
  }

  for (const stream of STREAMS) {
    const mix = streams[stream].opportunityMix;
    const mixSum = PROJECT_TYPES.reduce((sum, type) => sum + mix[type], 0);
    if (mixSum !== 0 && Math.abs(mixSum - 1) > SUM_TOLERANCE) {
      issues.push({
        path: ['model', 'streams', stream, 'opportunityMix'],
        message: `must sum to 1, or be all 0 for a stream without opportunities (got ${fmt(mixSum)})`,
      });
    }
  }

  if (scenario.terminalValue === 'runRate' && scenario.discountRate === 0 && scenario.model.churn.base === 0) {
    issues.push({
      path: ['terminalValue'],
      message: 'runRate needs a positive discountRate or churn hazard: with both at 0 the perpetuity is infinite (use terminalValue: none)',
    });
  }
  return issues;
}
