/**
 * What the terminal shows for each checkpoint after the trials (see
 * phase-checkpoint.ts for the steps): words, not step names.
 */

const PHASES: Record<string, string> = {
  switchovers: 'Assumption switchovers: re-running the first accounts at each assumption\'s range ends and search steps',
  summary: 'Summarizing: robustness, barrier ablation, risk and dominance, path classes',
  charts: 'Drawing the charts',
  'report page': 'Writing the report page',
  pdf: 'Printing report.pdf',
  deck: 'Building deck.pptx',
  write: 'Writing the output folder',
};

/** The line for `step`, or null for a step that shows nothing (`trials` has its bar, `commit` is instant). */
export function phaseText(step: string): string | null {
  if (step.startsWith('chart ')) return `Drawing the charts: ${step.slice('chart '.length)}`;
  return PHASES[step] ?? null;
}
