/**
 * Staffing a user should hear about before a run (MODEL.md §3.6): a plan whose
 * streams need more FTE than the account's capacity runs every delivery at
 * capacity / Σ fte of the match it needs, and a capacity of 0 wins nothing.
 * The model runs either; these say so instead of letting it pass silently.
 */
import type { Scenario } from './scenario-schema.ts';
import { strategyLabel } from './strategy-schema.ts';
import { STREAMS } from './vocabulary.ts';

type Staffing = Pick<Scenario, 'resources' | 'strategies'>;

/** A plan whose streams, once open, need more FTE than the capacity. */
export interface UnderstaffedPlan {
  label: string;
  /** Σ fte of the streams the plan can open (downstream always). */
  needed: number;
  /** `downstream 2 + midstream 2.5 + upstream 2.5` */
  parts: string;
}

export const fteText = (value: number) => String(Number(value.toFixed(2)));

/** Every plan of the scenario that its capacity cannot staff in full, in the scenario's order. */
export function understaffedPlans(scenario: Staffing): UnderstaffedPlan[] {
  const { capacity, fte } = scenario.resources;
  const plans: UnderstaffedPlan[] = [];
  for (const [key, plan] of Object.entries(scenario.strategies)) {
    const streams = STREAMS.filter((stream) => stream === 'downstream' || plan.open[stream] !== 'never');
    const needed = streams.reduce((sum, stream) => sum + fte[stream], 0);
    if (capacity < needed) plans.push({ label: strategyLabel(key, plan), needed, parts: streams.map((stream) => `${stream} ${fteText(fte[stream])}`).join(' + ') });
  }
  return plans;
}

/** One line per problem, without a `warning:` prefix; none for a scenario staffed for every plan. */
export function staffingWarnings(scenario: Staffing): string[] {
  const { capacity } = scenario.resources;
  const plans = understaffedPlans(scenario);
  if (plans.length > 0 && capacity === 0) return ['resources.capacity is 0 FTE: no stream is staffed, so no plan can win a deal (every revenue is 0)'];
  return plans.map(
    (plan) =>
      `resources.capacity ${fteText(capacity)} FTE is less than the ${fteText(plan.needed)} FTE ${plan.label}'s streams need (${plan.parts}): ` +
      `once they are all open it delivers at ${fteText(capacity)}/${fteText(plan.needed)} of the match it needs, and wins and delivers less`,
  );
}
