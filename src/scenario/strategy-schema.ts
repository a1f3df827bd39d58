/**
 * The `strategies:` section: named opening plans (MODEL.md §3.6). ATO and
 * FITD are always there, with their MODEL.md defaults; a scenario edits them
 * by key and adds any other plan by a name of its own.
 */
import { z } from 'zod';
import { choiceField, MAX_MONEY, nonNegativeField, numberField, section, textField } from './fields.ts';
import { OPENING_RULES, SELLING_MODES, type OpeningRule } from './vocabulary.ts';

/** Most plans one scenario may compare. */
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
    `The ${name} plan (MODEL.md §3.6).`,
  ).prefault({});
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

export const strategiesSchema = z
  .object({
    ato: defaultPlanSection('ATO (all-at-once)', 'ATO', 'start', 'start', 6),
    fitd: defaultPlanSection('FITD (foot-in-the-door)', 'FITD', 'migrate', 'migrate', 3),
  })
  .catchall(otherPlanSection)
  .describe(
    'The opening plans compared on the same accounts: ato and fitd always, with their MODEL.md defaults; add others under names of your own (beachhead, hold, …), each with its open: rules.',
  )
  .prefault({});

export type StrategiesSection = z.output<typeof strategiesSchema>;
export type PlanSection = z.output<typeof otherPlanSection>;

/** A plan's key as a scenario may write it: it names CSV columns and JSON keys. */
export const STRATEGY_KEY_PATTERN = /^[a-z][A-Za-z0-9]{0,23}$/;

/** The label a plan is shown under: its own, or its key capitalised. */
export function strategyLabel(key: string, plan: { label?: string }): string {
  return plan.label ?? `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}
