/**
 * The scenario file's schema: the one source of the `Scenario` type, of the
 * validation messages and of the JSON Schema editors use (`expansim schema`).
 */
import { z } from 'zod';
import { choiceField, MAX_MONEY, nonNegativeField, numberField, section, textField, unitField } from './fields.ts';
import { modelSchema } from './model-schema.ts';
import { strategiesSchema } from './strategy-schema.ts';
import { robustnessSchema } from './robustness-schema.ts';
import { DEFAULT_BASELINE } from './vocabulary.ts';

/** Most trials one scenario may ask for; larger studies are run as shards and merged. */
export const MAX_TRIALS = 1_000_000_000;
/** Longest horizon, months. */
export const MAX_HORIZON_MONTHS = 600;

const streamFte = (stream: string, fallback: number) =>
  nonNegativeField(`FTE needed to cover the ${stream} stream.`, 1000).default(fallback);
const competency = (stream: string, fallback: number) =>
  nonNegativeField(`C/Req: the vendor's ${stream} competencies over what the stream requires (1 = fully matched).`, 100).default(fallback);

export const scenarioSchema = section(
  {
    $schema: textField({ description: 'Path or URL of the JSON Schema, for editors; ignored by expansim.', max: 2000 }).optional(),
    name: textField({ description: 'Short name of the scenario; also the name of its output folder (sanitised).', min: 1, max: 100 }),
    description: textField({ description: 'What account this scenario represents, in plain words.', max: 10_000 }).default(''),
    currency: textField({ description: 'Currency of all money figures (in millions).', min: 1, max: 10 }).default('USD'),
    seed: numberField({ description: 'Seed of the random worlds: the same seed gives the same figures to the last digit.', min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }).default(1),
    trials: numberField({ description: 'Number of simulated accounts (trials); each is evaluated under every strategy.', min: 1, max: MAX_TRIALS, integer: true }).default(20_000),
    horizonMonths: numberField({ description: 'T: months simulated.', min: 1, max: MAX_HORIZON_MONTHS, integer: true }).default(72),
    discountRate: numberField({ description: 'r: yearly discount rate; cash in month t is discounted by (1 + r)^(−t/12).', min: 0, max: 1 }).default(0.1),
    terminalValue: choiceField(['runRate', 'none'], 'runRate: value the last 12 months of cash as a perpetuity net of churn; none: the horizon alone.').default('runRate'),
    account: section(
      {
        wallet: section(
          {
            median: numberField({ description: 'Median yearly IT wallet of the account, $M.', min: 0, max: 1e6 }).default(20),
            sigma: numberField({ description: 'Log-scale spread of the wallet across accounts.', min: 0, max: 5 }).default(0.8),
          },
          'W = median·exp(sigma·z): the account\'s yearly IT wallet, $M.',
        ).prefault({}),
        barriers: section(
          {
            functionalWalls: unitField('FW: business functions do not talk to each other.').default(0.6),
            hardwareImage: unitField('IMG: the vendor is seen as a hardware supplier (its starting level; it moves over time).').default(0.6),
            purchasingControl: unitField('PUR: procurement drives price down and consolidates suppliers.').default(0.6),
            itVendorControl: unitField('ITC: IT keeps other functions away from the vendor.').default(0.6),
            executiveReluctance: unitField('EXR: top executives resist advisory relationships.').default(0.5),
          },
          'Typical barrier levels in [0, 1]; each account jitters around them.',
        ).prefault({}),
        barrierJitter: nonNegativeField('Standard deviation of an account\'s barrier levels around the typical ones.', 1).default(0.1),
        barrierCorrelation: unitField('ρ: correlation of the jitter across the five barriers of one account.').default(0.5),
        initialRelationship: nonNegativeField('R0: relationship capital at month 0.', 100).default(0.5),
      },
      'The account population (MODEL.md §3.1).',
    ).prefault({}),
    resources: section(
      {
        capacity: nonNegativeField('FTE the vendor can put on the account.', 1000).default(7),
        fte: section(
          { downstream: streamFte('downstream', 2), midstream: streamFte('midstream', 2.5), upstream: streamFte('upstream', 2.5) },
          'FTE each active stream needs; q falls by capacity / Σ fte when they exceed capacity.',
        ).prefault({}),
        competency: section(
          { downstream: competency('downstream', 1), midstream: competency('midstream', 0.9), upstream: competency('upstream', 0.8) },
          'Competency match C/Req per stream; q = min(1, C/Req)·min(1, capacity/Σ fte).',
        ).prefault({}),
      },
      'Resources and competencies (MODEL.md §3.6).',
    ).prefault({}),
    strategies: strategiesSchema,
    baseline: textField({ description: 'The strategy every other is compared with (a key of strategies:): paired differences are a strategy minus the baseline. Default fitd; required when strategies: has no fitd.', max: 24 })
      .default(DEFAULT_BASELINE),
    model: modelSchema,
    robustness: robustnessSchema,
  },
  'An expansim scenario: an account population, the vendor\'s resources and the model coefficients.',
);

/** A scenario as written in a file (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
