/**
 * run.json: the provenance of a run (what ran, where, how long), kept apart
 * from summary.json so the summary holds no clock or machine and can be
 * diffed and re-derived.
 */
export interface RunRecord {
  tool: 'expansim';
  expansimVersion: string;
  nodeVersion: string;
  host: string;
  scenarioFile: string | null;
  scenarioHash: string;
  scenarioName: string;
  seed: number;
  trials: number;
  horizonMonths: number;
  workers: number;
  startedAt: string;
  finishedAt: string;
  timingsMs: Record<string, number>;
  files: string[];
  /** What the run was asked for, so `expansim run --check` can repeat it (runs and merges only). */
  analysis?: RunAnalysis;
}

/** The options that shape a run's figures (the scenario and its seed aside). */
export interface RunAnalysis {
  trials: number;
  ablate: boolean;
  ablationTrials: number;
  ablationHigh: number;
  precision: { target: number; relative: boolean; maxTrials: number } | null;
  /** Whether the assumption switchovers were asked for (absent in a release before them, which ran them). */
  switchovers?: boolean;
}

export function formatRunRecord(record: RunRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** summary.json text: stable key order, two-space indent, trailing newline. */
export function formatSummaryJson(summary: unknown): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
