/**
 * The variants a run plays on its first trials besides the base run: the
 * barrier ablation and the valuation check's other horizons. Runs, shards
 * and merges all take them from here, so partials agree on what they hold.
 */
import type { Contrast, Variant } from '../engine/variants.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { valuationPlan } from '../stats/valuation-robustness.ts';
import { ablationPlan } from './ablation-plan.ts';

export function analysisPlan(scenario: Scenario, ablationHigh: number): { variants: Variant[]; contrasts: Contrast[] } {
  const ablation = ablationPlan(scenario, ablationHigh);
  const valuation = valuationPlan(scenario);
  return { variants: [...ablation.variants, ...valuation.variants], contrasts: [...ablation.contrasts, ...valuation.contrasts] };
}
