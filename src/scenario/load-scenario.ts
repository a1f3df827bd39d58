/**
 * The only place a scenario file is read. Every failure, from a missing file
 * to a bad field, becomes a ScenarioError listing each problem with its line.
 */
import { MAX_SCENARIO_BYTES, parseScenario } from './parse-scenario.ts';
import type { Scenario } from './scenario-schema.ts';
import { ScenarioError } from './scenario-issue.ts';
import { decodeUtf8, readInputFile } from './read-input-file.ts';

export interface LoadedScenario {
  scenario: Scenario;
  /** The file's text, as read (kept for reports and provenance). */
  text: string;
  source: string;
}

/** Reads the scenario text at `path`, refusing anything but a regular file, huge files and non-UTF-8 bytes. */
export function readScenarioText(path: string): string {
  const read = readInputFile(path, { maxBytes: MAX_SCENARIO_BYTES, expected: 'a scenario file' });
  if (!read.ok) throw new ScenarioError(path, [{ path: [], message: read.problem }]);
  const text = decodeUtf8(read.bytes);
  if (text === null) throw new ScenarioError(path, [{ path: [], message: 'file is not UTF-8 text (binary or another encoding)' }]);
  return text;
}

/** Reads and validates a scenario file; throws ScenarioError with every problem found. */
export function loadScenario(path: string): LoadedScenario {
  const text = readScenarioText(path);
  const result = parseScenario(text);
  if (!result.ok) throw new ScenarioError(path, result.issues);
  return { scenario: result.scenario, text, source: path };
}
