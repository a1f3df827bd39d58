/**
 * The staffing warning of a sweep (staffing-warnings.ts), once for all its
 * points: the base scenario's own warnings are said first; when the sweep
 * varies the staffing (capacity or FTE), this names every point that leaves
 * a plan short.
 */
import type { Scenario } from './scenario-schema.ts';
import { fteText, staffingWarnings, understaffedPlans } from './staffing-warnings.ts';

type Staffing = Pick<Scenario, 'resources' | 'strategies'>;

/** One line without a `warning:` prefix, or null when no point is short of staff or every point is staffed as the base is. */
export function sweepStaffingWarning(base: Staffing, points: ReadonlyArray<{ label: string; scenario: Staffing }>): string | null {
  const said = staffingWarnings(base).join('\n');
  if (points.every((point) => staffingWarnings(point.scenario).join('\n') === said)) return null;
  const short = points.flatMap((point) => {
    const plans = understaffedPlans(point.scenario);
    if (plans.length === 0) return [];
    const { capacity } = point.scenario.resources;
    const why = capacity === 0 ? 'capacity 0: no stream is staffed' : plans.map((plan) => `${plan.label} needs ${fteText(plan.needed)} FTE, has ${fteText(capacity)}`).join('; ');
    return [`${point.label} (${why})`];
  });
  if (short.length === 0) return null;
  return (
    `${short.length} of ${points.length} sweep points give a plan less capacity than its streams need, so there it wins and delivers less: ` +
    `${short.join(', ')}`
  );
}
