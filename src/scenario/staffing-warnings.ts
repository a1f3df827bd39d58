/**
 * Staffing a user should hear about before a run (MODEL.md §3.6): a plan whose
 * streams need more FTE than the account's capacity runs every delivery at
 * capacity / Σ fte of the match it needs, and a capacity of 0 wins nothing.
 * The model runs either; these say so instead of letting it pass silently.
 */
import type { Scenario } from './scenario-schema.ts';
import { strategyLabel } from './strategy-schema.ts';
import { STREAMS } from './vocabulary.ts';

const fteText = (value: number) => String(Number(value.toFixed(2)));

/** One line per problem, without a `warning:` prefix; none for a scenario staffed for every plan. */
export function staffingWarnings(scenario: Pick<Scenario, 'resources' | 'strategies'>): string[] {
  const { capacity, fte } = scenario.resources;
  const warnings: string[] = [];
  for (const [key, plan] of Object.entries(scenario.strategies)) {
    const streams = STREAMS.filter((stream) => stream === 'downstream' || plan.open[stream] !== 'never');
    const needed = streams.reduce((sum, stream) => sum + fte[stream], 0);
    if (capacity >= needed) continue;
    if (capacity === 0) return ['resources.capacity is 0 FTE: no stream is staffed, so no plan can win a deal (every revenue is 0)'];
    const parts = streams.map((stream) => `${stream} ${fteText(fte[stream])}`).join(' + ');
    warnings.push(
      `resources.capacity ${fteText(capacity)} FTE is less than the ${fteText(needed)} FTE ${strategyLabel(key, plan)}'s streams need (${parts}): ` +
        `once they are all open it delivers at ${fteText(capacity)}/${fteText(needed)} of the match it needs, and wins and delivers less`,
    );
  }
  return warnings;
}
