/**
 * A command's safe points that also show, on a terminal, the phase about to
 * start in place of the progress bar (progress.ts), so the screen is never
 * blank after the trials.
 */
import type { Checkpoint } from './phase-checkpoint.ts';
import type { Progress } from './progress.ts';

export function showPhases(progress: Pick<Progress, 'phase'>, safePoint: Checkpoint): Checkpoint {
  return async (step) => {
    progress.phase(step);
    await safePoint(step);
  };
}
