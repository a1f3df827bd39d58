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
}

export function formatRunRecord(record: RunRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** summary.json text: stable key order, two-space indent, trailing newline. */
export function formatSummaryJson(summary: unknown): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
