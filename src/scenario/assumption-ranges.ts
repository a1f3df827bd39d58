/**
 * The uncertain coefficients the switchover analysis varies, for one
 * scenario and compared pair: each with the scenario's own value, its
 * plausible range (robustness-schema.ts defaults, or the scenario's
 * `robustness.ranges`), and how a value is written into the scenario.
 */
import { validateScenario } from './parse-scenario.ts';
import { ASSUMPTIONS, type AssumptionKey } from './robustness-schema.ts';
import type { Scenario } from './scenario-schema.ts';
import { scenarioValue } from './scenario-paths.ts';
import { PROJECT_TYPES } from './vocabulary.ts';

export interface Assumption {
  /** `trapFactor`, or `rampMonths.<plan>` for a per-plan one. */
  key: string;
  label: string;
  kind: 'value' | 'factor';
  /** The scenario's value (1 for a factor). */
  base: number;
  /** The range varied, widened to hold `base`. */
  low: number;
  high: number;
}

const PATHS: Record<Exclude<AssumptionKey, 'winProbability' | 'dealSizeRatio' | 'rampMonths' | 'buildCost'>, string> = {
  downToMidBase: 'model.migration.downToMid.base',
  midToUpBase: 'model.migration.midToUp.base',
  trapFactor: 'model.migration.trapFactor',
  churnBase: 'model.churn.base',
  multiStreamEffect: 'model.churn.multiStreamEffect',
};

/** The assumptions of a scenario for the pair (per-plan ones for each plan of the pair whose value is not 0). */
export function assumptionsFor(scenario: Scenario, pair: readonly [string, string], labels: Record<string, string> = {}): Assumption[] {
  const ranges: Partial<Record<AssumptionKey, [number, number]>> = scenario.robustness?.ranges ?? {};
  const make = (key: AssumptionKey, id: string, base: number, suffix = ''): Assumption => {
    const [low, high] = ranges[key] ?? ASSUMPTIONS[key].range;
    return { key: id, label: `${ASSUMPTIONS[key].label}${suffix}`, kind: ASSUMPTIONS[key].kind, base, low: Math.min(low, base), high: Math.max(high, base) };
  };
  const list = (Object.keys(PATHS) as (keyof typeof PATHS)[]).map((key) => make(key, key, scenarioValue(scenario, PATHS[key])));
  list.push(make('winProbability', 'winProbability', 1), make('dealSizeRatio', 'dealSizeRatio', 1));
  for (const key of ['rampMonths', 'buildCost'] as const) {
    for (const plan of pair) {
      if (scenario.strategies[plan]![key] !== 0) list.push(make(key, `${key}.${plan}`, 1, `, ${labels[plan] ?? plan}`));
    }
  }
  return list;
}

/** The scenario with `assumption` at `value`, validated again (a value inside its bounds always validates). */
export function withAssumption(scenario: Scenario, assumption: Pick<Assumption, 'key'>, value: number): Scenario {
  const copy = structuredClone(scenario);
  const [key, plan] = assumption.key.split('.') as [AssumptionKey, string | undefined];
  const model = copy.model;
  if (key in PATHS) {
    const keys = PATHS[key as keyof typeof PATHS].split('.');
    let node = copy as unknown as Record<string, unknown>;
    for (const part of keys.slice(0, -1)) node = node[part] as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
  } else if (key === 'winProbability') {
    for (const type of PROJECT_TYPES) model.projectTypes[type].baseWinProbability = Math.min(1, model.projectTypes[type].baseWinProbability * value);
  } else if (key === 'dealSizeRatio') {
    for (const stream of ['midstream', 'upstream'] as const) for (const type of PROJECT_TYPES) model.streams[stream].dealSize[type] *= value;
  } else if (plan !== undefined && (key === 'rampMonths' || key === 'buildCost')) {
    const strategy = copy.strategies[plan]!;
    strategy[key] = key === 'rampMonths' ? Math.round(strategy.rampMonths * value) : strategy.buildCost * value;
  } else {
    throw new Error(`withAssumption: no assumption ${assumption.key}`);
  }
  const result = validateScenario(copy);
  if (!result.ok) throw new Error(`withAssumption: ${assumption.key} = ${value} gives an invalid scenario (${result.issues[0]?.message ?? ''})`);
  return result.scenario;
}
