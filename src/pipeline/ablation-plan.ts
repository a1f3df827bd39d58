/**
 * What a barrier ablation plays on the base run's worlds: the scenario with
 * each barrier removed (0) and raised, with all removed at once, and the
 * interaction contrast. stats/barrier-ablation.ts reads the effects back.
 */
import type { Contrast, Variant } from '../engine/variants.ts';
import { withBarrierLevels } from '../scenario/scenario-paths.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { BARRIERS, type BarrierName } from '../scenario/vocabulary.ts';
import { ALL_REMOVED, DEFAULT_ABLATION_HIGH, highKey, INTERACTION, removedKey } from '../stats/barrier-ablation.ts';

/** The variants and contrast an ablation needs. */
export function ablationPlan(scenario: Scenario, highLevel = DEFAULT_ABLATION_HIGH): { variants: Variant[]; contrasts: Contrast[] } {
  const source = 'the barrier ablation';
  const variants: Variant[] = BARRIERS.flatMap((barrier: BarrierName) => [
    { key: removedKey(barrier), scenario: withBarrierLevels(scenario, { [barrier]: 0 }, source) },
    { key: highKey(barrier), scenario: withBarrierLevels(scenario, { [barrier]: highLevel }, source) },
  ]);
  const allRemoved = withBarrierLevels(scenario, Object.fromEntries(BARRIERS.map((barrier) => [barrier, 0])), source);
  variants.push({ key: ALL_REMOVED, scenario: allRemoved });
  const contrasts: Contrast[] = [
    { key: INTERACTION, terms: [{ variant: ALL_REMOVED, weight: 1 }, ...BARRIERS.map((b) => ({ variant: removedKey(b), weight: -1 }))] },
  ];
  return { variants, contrasts };
}
