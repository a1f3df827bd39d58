/**
 * The summary of a full run: the core figures plus the analyses the run adds
 * (src/pipeline/analyse-run.ts lists them), and the notes that say why a
 * figure is null.
 */
import type { AblationSummary } from './barrier-ablation.ts';
import type { PathClassSummary } from './path-classes.ts';
import type { PrecisionSummary } from './precision-run.ts';
import type { DominanceSummary } from './risk-profile.ts';
import type { RobustnessSummary } from './summarize-robustness.ts';
import type { Summary } from './summarize-outcomes.ts';

/** The summary with the analyses a full run adds. */
export interface FullSummary extends Summary {
  dominance: DominanceSummary;
  pathClasses: PathClassSummary;
  ablation?: AblationSummary;
  precision?: PrecisionSummary;
  /** How sure the verdict is, and what it hinges on (summarize-robustness.ts). */
  robustness: RobustnessSummary;
}

/** Dotted paths of the null values in a summary (its `notes` excluded). */
export function nullPaths(value: unknown, path = ''): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullPaths(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== undefined) {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => (path === '' && key === 'notes' ? [] : nullPaths(item, path ? `${path}.${key}` : key)));
  }
  return [];
}

/** Spreads of a single trial are undefined: say so for each. */
export function noteSingleTrialSpreads(summary: FullSummary): void {
  if (summary.trials > 1 && (summary.ablation?.trials ?? 2) > 1) return;
  const explained = (path: string) => Object.keys(summary.notes).some((note) => path === note || path.startsWith(`${note}.`));
  for (const path of nullPaths(summary)) {
    if (!explained(path) && /\.(sd|se|ci95)$/.test(path)) summary.notes[path] = 'one trial has no spread';
  }
}

/** A path class no trial took has no figures: say so for each, strategy by strategy in `strategies`' order. */
export function noteEmptyPathClasses(summary: FullSummary, strategies: readonly string[]): void {
  for (const strategy of strategies) {
    for (const [path, group] of Object.entries(summary.pathClasses[strategy] ?? {})) {
      if (group.trials === 0) summary.notes[`pathClasses.${strategy}.${path}`] = 'no trial took this path';
    }
  }
}
