/**
 * Checks that span several fields, run after the schema has filled defaults:
 * shares that must sum to 1 and combinations the model cannot evaluate.
 */
import type { Scenario } from './scenario-schema.ts';
import type { ScenarioIssue } from './scenario-issue.ts';
import { MAX_STRATEGIES, MIN_STRATEGIES, STRATEGY_KEY_PATTERN, strategyLabel } from './strategy-schema.ts';
import { DEFAULT_BASELINE, PROJECT_TYPES, STREAMS } from './vocabulary.ts';

/** A problem found after the schema; `near` is where to point when the field itself is absent (a default). */
export type CheckedIssue = ScenarioIssue & { near?: PropertyKey[] };

const SUM_TOLERANCE = 1e-6;

const fmt = (value: number) => String(Number(value.toPrecision(10)));

/** Every cross-field problem of a validated scenario, each with its path. */
export function checkScenario(scenario: Scenario): CheckedIssue[] {
  const issues: CheckedIssue[] = [];
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

  issues.push(...checkStrategies(scenario));

  if (scenario.terminalValue === 'runRate' && scenario.discountRate === 0 && scenario.model.churn.base === 0) {
    issues.push({
      path: ['terminalValue'],
      message: 'runRate needs a positive discountRate or churn hazard: with both at 0 the perpetuity is infinite (use terminalValue: none)',
    });
  }
  return issues;
}

/** Plan keys, the plans MODEL.md §3.6 forbids, duplicate labels and the baseline. */
function checkStrategies(scenario: Scenario): CheckedIssue[] {
  const issues: CheckedIssue[] = [];
  const keys = Object.keys(scenario.strategies);
  if (keys.length > MAX_STRATEGIES) issues.push({ path: ['strategies'], message: `compares ${keys.length} plans; at most ${MAX_STRATEGIES} are allowed` });
  if (keys.length < MIN_STRATEGIES) {
    issues.push({
      path: ['strategies'],
      message:
        keys.length === 0
          ? `compares no plans; list at least ${MIN_STRATEGIES}, or leave strategies: out to compare ATO and FITD`
          : `compares only ${keys[0]}; a scenario compares at least ${MIN_STRATEGIES} plans, and strategies: lists exactly the plans compared (add \`fitd: {}\` to compare with FITD as it is)`,
    });
  }
  const labels = new Map<string, string>();
  for (const key of keys) {
    const plan = scenario.strategies[key]!;
    if (!STRATEGY_KEY_PATTERN.test(key)) {
      issues.push({ path: ['strategies', key], message: 'a plan\'s key must start with a lower-case letter and hold only letters and digits (at most 24), e.g. beachhead' });
    }
    if (plan.open.upstream === 'migrate' && plan.open.midstream === 'never') {
      issues.push({ path: ['strategies', key, 'open', 'upstream'], message: 'upstream can migrate only from an opened midstream: with midstream: never, use upstream: start or never (MODEL.md §3.6)' });
    }
    const label = strategyLabel(key, plan);
    const other = labels.get(label.toLowerCase());
    if (other !== undefined) issues.push({ path: ['strategies', key, 'label'], message: `"${label}" is already the label of ${other}; each plan needs its own` });
    else labels.set(label.toLowerCase(), key);
  }
  if (!keys.includes(scenario.baseline) && scenario.baseline === DEFAULT_BASELINE && keys.length >= MIN_STRATEGIES) {
    issues.push({
      path: ['baseline'],
      near: ['strategies'],
      message: `is required when strategies: has no ${DEFAULT_BASELINE} (the default baseline): name the plan the others are compared with, one of ${keys.join(', ')}`,
    });
  } else if (!keys.includes(scenario.baseline) && keys.length >= MIN_STRATEGIES) {
    issues.push({ path: ['baseline'], message: `must name one of the strategies (${keys.join(', ')}); got ${JSON.stringify(scenario.baseline)}` });
  }
  return issues;
}
