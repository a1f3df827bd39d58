/**
 * The `strategies:` section: the named opening plans a scenario compares
 * (MODEL.md §3.6), two to MAX_STRATEGIES of them. Omitted, it is ATO and
 * FITD; written, it is exactly the plans it names, where `ato` and `fitd`
 * keep their MODEL.md defaults for every field left out and any other plan
 * says how it opens.
 */
import { z } from 'zod';
import { choiceField, MAX_MONEY, nonNegativeField, numberField, section, textField } from './fields.ts';
import { OPENING_RULES, SELLING_MODES, type OpeningRule } from './vocabulary.ts';

/** Fewest and most plans one scenario may compare. */
export const MIN_STRATEGIES = 2;
export const MAX_STRATEGIES = 8;

const sellingMode = (stream: string, fallback: 'product' | 'solution') =>
  choiceField(SELLING_MODES, `How the ${stream} stream is sold: product or solution selling.`).default(fallback);

const openingRule = (stream: string) =>
  choiceField(OPENING_RULES, `How the plan opens ${stream}: start (at month 0), migrate (when its migration hazard fires) or never.`);

const labelField = () => textField({ description: "Name shown in tables, charts and the report (default: the plan's key, capitalised).", min: 1, max: 40 });
const rampField = (months: number) =>
  numberField({ description: 'Months from opening a stream until it is active.', min: 0, max: 600, integer: true }).default(months);
const buildCostField = () => nonNegativeField('K: capability build cost, $M, paid once in the month of the first opening.', MAX_MONEY).default(0.3);
const sellingModes = (name: string) =>
  section(
    {
      downstream: sellingMode('downstream', 'product'),
      midstream: sellingMode('midstream', 'solution'),
      upstream: sellingMode('upstream', 'solution'),
    },
    `Selling mode per stream under ${name}; product mode halves the win probability on innovation and upstream deals.`,
  ).prefault({});
const OPEN_TEXT = 'The opening plan: when midstream and upstream are opened.';

/** ATO and FITD: every field has its MODEL.md default. */
function defaultPlanSection(name: string, label: string, midstream: OpeningRule, upstream: OpeningRule, rampMonths: number) {
  return section(
    {
      label: labelField().default(label),
      open: section({ midstream: openingRule('midstream').default(midstream), upstream: openingRule('upstream').default(upstream) }, OPEN_TEXT).prefault({}),
      rampMonths: rampField(rampMonths),
      buildCost: buildCostField(),
      sellingMode: sellingModes(name),
    },
    `The ${name} plan (MODEL.md §3.6); every field left out keeps its MODEL.md default.`,
  ).optional();
}

/** Any other plan: it must say how it opens midstream and upstream. */
const otherPlanSection = section(
  {
    label: labelField().optional(),
    open: z
      .strictObject(
        { midstream: openingRule('midstream'), upstream: openingRule('upstream') },
        {
          error: (issue) =>
            issue.code !== 'invalid_type'
              ? undefined
              : issue.input === undefined
                ? 'is required: a plan other than ato and fitd says how it opens midstream and upstream (start, migrate or never)'
                : 'must be a mapping of keys to values ({ midstream: …, upstream: … })',
        },
      )
      .describe(OPEN_TEXT),
    rampMonths: rampField(3),
    buildCost: buildCostField(),
    sellingMode: sellingModes('this plan'),
  },
  'An opening plan of the scenario\'s own (MODEL.md §3.6).',
);

const planMap = z
  .object({
    ato: defaultPlanSection('ATO (all-at-once)', 'ATO', 'start', 'start', 6),
    fitd: defaultPlanSection('FITD (foot-in-the-door)', 'FITD', 'migrate', 'migrate', 3),
  })
  .catchall(otherPlanSection)
  .describe(
    'The opening plans compared on the same accounts, 2 to 8 of them (default: ato and fitd). Exactly the plans written here are compared: ato and fitd keep their MODEL.md defaults for any field left out (`fitd: {}` is FITD); any other plan, under a name of your own (beachhead, hold, …), gives its open: rules.',
  )
;

/** Omitted, the section is ATO and FITD with every field at its default (the index signature's type cannot say `{}` fits ato and fitd). */
const DEFAULT_PLANS = { ato: {}, fitd: {} } as unknown as z.input<typeof planMap>;

export const strategiesSchema = planMap.prefault(DEFAULT_PLANS);

export type StrategiesSection = z.output<typeof strategiesSchema>;
export type PlanSection = z.output<typeof otherPlanSection>;

/** A plan's key as a scenario may write it: it names CSV columns and JSON keys. */
export const STRATEGY_KEY_PATTERN = /^[a-z][A-Za-z0-9]{0,23}$/;

/** The label a plan is shown under: its own, or its key capitalised. */
export function strategyLabel(key: string, plan: { label?: string }): string {
  return plan.label ?? `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}
