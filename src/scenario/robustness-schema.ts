/**
 * The optional `robustness:` section: the plausible low/high range of each
 * uncertain coefficient the switchover analysis varies (MODEL.md §4 calls
 * the migration odds and the solution/product size ratio dials, not facts).
 * A `value` range gives the coefficient itself; a `factor` range multiplies
 * the scenario's own values (every project type's, or each plan's).
 */
import { z } from 'zod';
import { section } from './fields.ts';

export interface AssumptionSpec {
  label: string;
  /** `value`: the coefficient itself; `factor`: a multiplier on the scenario's values. */
  kind: 'value' | 'factor';
  /** The default plausible range, and the bounds a range may not leave. */
  range: [number, number];
  bounds: [number, number];
  description: string;
}

export const ASSUMPTIONS = {
  downToMidBase: { label: 'Migration hazard downstream → midstream', kind: 'value', range: [0.005, 0.04], bounds: [0, 1000], description: 'model.migration.downToMid.base: about one in 200 to one in 25 months.' },
  midToUpBase: { label: 'Migration hazard midstream → upstream', kind: 'value', range: [0.003, 0.03], bounds: [0, 1000], description: 'model.migration.midToUp.base: about one in 330 to one in 33 months.' },
  trapFactor: { label: 'Downstream-trap factor', kind: 'value', range: [0.05, 0.6], bounds: [0, 1], description: 'model.migration.trapFactor: how much of the migration hazard survives the trap.' },
  churnBase: { label: 'Base churn hazard', kind: 'value', range: [0.002, 0.01], bounds: [0, 1], description: 'model.churn.base: monthly, about 2% to 11% a year.' },
  multiStreamEffect: { label: 'Multi-stream churn effect', kind: 'value', range: [0, 1], bounds: [-10, 10], description: 'model.churn.multiStreamEffect: from no effect of breadth on churn to a strong one.' },
  winProbability: { label: 'Base win probabilities, scaled', kind: 'factor', range: [0.8, 1.2], bounds: [0.01, 10], description: 'Every project type\'s model.projectTypes.*.baseWinProbability times this factor (at most 1).' },
  dealSizeRatio: { label: 'Mid/upstream to downstream deal size, scaled', kind: 'factor', range: [0.5, 1.5], bounds: [0.01, 10], description: 'Every midstream and upstream model.streams.*.dealSize times this factor, downstream kept.' },
  rampMonths: { label: 'Ramp months, scaled', kind: 'factor', range: [0.5, 2], bounds: [0, 10], description: 'Each compared plan\'s strategies.*.rampMonths times this factor, rounded to whole months; one row per plan.' },
  buildCost: { label: 'Build cost, scaled', kind: 'factor', range: [0.5, 2], bounds: [0, 10], description: 'Each compared plan\'s strategies.*.buildCost times this factor; one row per plan.' },
} as const satisfies Record<string, AssumptionSpec>;

export type AssumptionKey = keyof typeof ASSUMPTIONS;

function rangeField(key: AssumptionKey) {
  const spec: AssumptionSpec = ASSUMPTIONS[key];
  const [min, max] = spec.bounds;
  const bound = z.number({ error: 'must be a number' }).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
  return z
    .tuple([bound, bound], { error: 'must be [low, high], two numbers' })
    .refine(([low, high]) => low < high, 'must be [low, high] with low below high')
    .describe(`${spec.label}: ${spec.description}${spec.kind === 'factor' ? ' A factor.' : ''}`)
    .default([spec.range[0], spec.range[1]]);
}

export const robustnessSchema = section(
  {
    ranges: section(
      Object.fromEntries(Object.keys(ASSUMPTIONS).map((key) => [key, rangeField(key as AssumptionKey)])) as Record<AssumptionKey, ReturnType<typeof rangeField>>,
      'Plausible [low, high] ranges of the uncertain coefficients the switchover analysis varies; any left out keep their default.',
    ).prefault({}),
  },
  'What the robustness analyses vary (see the README, "How sure, and on what does it hinge?").',
).optional();
