/** A small real run of the default scenario, for report tests (2,000 trials on two worker threads, which run at full speed: about 1.5 s). */
import { loadScenario } from '../../src/scenario/load-scenario.ts';
import { runScenario, type ScenarioRun } from '../../src/pipeline/run-scenario.ts';

export const REPORT_TEST_TRIALS = 2_000;

let cached: Promise<ScenarioRun & { text: string }> | undefined;

export function smallDefaultRun(): Promise<ScenarioRun & { text: string }> {
  cached ??= (async () => {
    const loaded = loadScenario('scenarios/hp-cso.yaml');
    const run = await runScenario({ ...loaded.scenario, trials: REPORT_TEST_TRIALS }, { workers: 2 });
    return { ...run, text: loaded.text };
  })();
  return cached;
}
