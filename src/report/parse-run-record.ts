/**
 * run.json as read back by `run --check`: a file on the user's disk, so it is
 * validated with the same rigour as a scenario, each problem naming its field.
 */
import { z } from 'zod';
import { numberField } from '../scenario/fields.ts';
import { groupDigits } from '../scenario/group-digits.ts';
import type { ScenarioIssue } from '../scenario/scenario-issue.ts';
import { MAX_HORIZON_MONTHS, MAX_TRIALS } from '../scenario/scenario-schema.ts';
import type { RunAnalysis, RunRecord } from './run-record.ts';

const text = (max: number) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
    .max(max, { error: `must be at most ${groupDigits(max)} characters` });
const trials = (description: string, min = 1) => numberField({ description, min, max: MAX_TRIALS, integer: true });

const analysisSchema = z.object(
  {
    trials: trials('Trials the run was asked for.'),
    ablate: z.boolean({ error: 'must be true or false' }),
    ablationTrials: trials('Trials of the barrier ablation.', 2),
    ablationHigh: numberField({ description: 'Level barriers are raised to in the ablation.', above: 0, max: 1 }),
    // Absent in the run.json of a release before the switchovers: they ran by default.
    switchovers: z.boolean({ error: 'must be true or false' }).optional(),
    precision: z
      .object(
        {
          target: numberField({ description: 'Precision target.', above: 0, max: Number.MAX_VALUE }),
          relative: z.boolean({ error: 'must be true or false' }),
          maxTrials: trials('Ceiling of the precision run.'),
        },
        { error: 'must be a mapping (target, relative, maxTrials) or null' },
      )
      .nullable(),
  },
  { error: (i) => (i.input === undefined ? 'is required (a run.json written by expansim run or merge)' : 'must be a mapping of the options the run was asked for') },
);

const runRecordSchema = z.object(
  {
    tool: z.literal('expansim', { error: 'must be "expansim" (this is not the run.json of an expansim run)' }),
    expansimVersion: text(100),
    scenarioName: text(100),
    seed: numberField({ description: 'Seed of the run.', min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }),
    trials: trials('Trials run.'),
    horizonMonths: numberField({ description: 'Months simulated.', min: 1, max: MAX_HORIZON_MONTHS, integer: true }),
    analysis: analysisSchema,
  },
  { error: 'must be a JSON object (a run record)' },
);

/** A record that `run --check` can repeat: one with its analysis. */
export type CheckableRunRecord = RunRecord & { analysis: RunAnalysis };

export type RunRecordParse = { ok: true; record: CheckableRunRecord } | { ok: false; issues: ScenarioIssue[] };

/** Validates the text of a run.json; unknown keys are kept, every known one is checked. */
export function parseRunRecord(json: string): RunRecordParse {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, issues: [{ path: [], message: `not a run record: invalid JSON (${(error as Error).message})` }] };
  }
  const result = runRecordSchema.safeParse(value);
  if (!result.success) return { ok: false, issues: result.error.issues.map((issue) => ({ path: [...issue.path], message: issue.message })) };
  return { ok: true, record: { ...(value as object), ...result.data } as CheckableRunRecord };
}
