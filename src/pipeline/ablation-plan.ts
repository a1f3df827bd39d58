/**
 * What a barrier ablation plays on the base run's worlds: the scenario with
 * each barrier removed (0) and raised, with all removed at once, and the
 * interaction contrast. stats/barrier-ablation.ts reads the effects back.
 */
import type { Contrast, Variant } from '../engine/variants.ts';
import { withScenarioValue, withScenarioValues } from '../scenario/scenario-paths.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { BARRIERS, type BarrierName } from '../scenario/vocabulary.ts';
import { ALL_REMOVED, DEFAULT_ABLATION_HIGH, highKey, INTERACTION, removedKey } from '../stats/barrier-ablation.ts';

/** The variants and contrast an ablation needs. */
export function ablationPlan(scenario: Scenario, highLevel = DEFAULT_ABLATION_HIGH): { variants: Variant[]; contrasts: Contrast[] } {
  const path = (barrier: BarrierName) => `account.barriers.${barrier}`;
  const variants: Variant[] = BARRIERS.flatMap((barrier) => [
    { key: removedKey(barrier), scenario: withScenarioValue(scenario, path(barrier), 0) },
    { key: highKey(barrier), scenario: withScenarioValue(scenario, path(barrier), highLevel) },
  ]);
  // Every barrier at 0, validated once (each removal alone was validated above).
  const allRemoved = withScenarioValues(scenario, Object.fromEntries(BARRIERS.map((barrier) => [path(barrier), 0])), 'the barrier ablation');
  variants.push({ key: ALL_REMOVED, scenario: allRemoved });
  const contrasts: Contrast[] = [
    { key: INTERACTION, terms: [{ variant: ALL_REMOVED, weight: 1 }, ...BARRIERS.map((b) => ({ variant: removedKey(b), weight: -1 }))] },
  ];
  return { variants, contrasts };
}
