/**
 * The only place a scenario file is read. Every failure, from a missing file
 * to a bad field, becomes a ScenarioError listing each problem with its line.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_SCENARIO_BYTES, parseScenario } from './parse-scenario.ts';
import type { Scenario } from './scenario-schema.ts';
import { ScenarioError } from './scenario-issue.ts';
import { readProblem } from './read-problem.ts';

export interface LoadedScenario {
  scenario: Scenario;
  /** The file's text, as read (kept for reports and provenance). */
  text: string;
  source: string;
}

/** Reads the scenario text at `path`, refusing directories, huge files and non-UTF-8 bytes. */
export function readScenarioText(path: string): string {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = stats.size;
  } catch (error) {
    throw new ScenarioError(path, [{ path: [], message: readProblem(error as NodeJS.ErrnoException, 'a scenario file') }]);
  }
  if (size > MAX_SCENARIO_BYTES) {
    throw new ScenarioError(path, [{ path: [], message: `file is too large for a scenario (${size} bytes; the limit is ${MAX_SCENARIO_BYTES})` }]);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ScenarioError(path, [{ path: [], message: readProblem(error as NodeJS.ErrnoException, 'a scenario file') }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ScenarioError(path, [{ path: [], message: 'file is not UTF-8 text (binary or another encoding)' }]);
  }
}

/** Reads and validates a scenario file; throws ScenarioError with every problem found. */
export function loadScenario(path: string): LoadedScenario {
  const text = readScenarioText(path);
  const result = parseScenario(text);
  if (!result.ok) throw new ScenarioError(path, result.issues);
  return { scenario: result.scenario, text, source: path };
}
