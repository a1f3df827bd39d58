/** What a precision run's progress bar says after its count: the target, and how close the last batch came. */
import type { PlannedBatch, PrecisionTarget } from '../stats/precision-run.ts';

export function precisionNote(batch: PlannedBatch, target: PrecisionTarget, currency: string): string {
  const goal = target.relative ? `${(100 * target.target).toLocaleString('en-US')}% of the difference` : `±${target.target} ${currency} M`;
  const ceiling = batch.trials >= target.maxTrials ? ', the ceiling' : '';
  if (batch.halfWidth === null || batch.allowed === null) return `(first batch${ceiling}; target ${goal})`;
  return `(needed by the spread so far${ceiling}: ±${batch.halfWidth.toFixed(3)} against ±${batch.allowed.toFixed(3)})`;
}
