/** `expansim explain`: one trial's story, month by month, under each strategy. */
import { explainTrial } from '../../engine/explain-trial.ts';
import { compileParameters } from '../../model/parameters.ts';
import { loadScenario } from '../../scenario/load-scenario.ts';
import type { StrategyName } from '../../scenario/vocabulary.ts';
import { formatSummaryJson } from '../../report/run-record.ts';
import { EXIT_OK, type CliIo } from '../cli-io.ts';
import { formatTrialStory } from '../format-trial-story.ts';
import type { ExplainOptions } from '../parse-arguments.ts';

export function explainCommand(scenarioPath: string, options: ExplainOptions, io: CliIo): number {
  const { scenario } = loadScenario(scenarioPath);
  const seed = options.seed ?? scenario.seed;
  const story = explainTrial(compileParameters(scenario), seed, options.trial);
  const strategies: StrategyName[] = options.strategy === 'both' ? ['ato', 'fitd'] : [options.strategy];
  if (options.json) {
    const picked = Object.fromEntries(
      strategies.map((name) => [name, { ...story.strategies[name], outcome: { ...story.strategies[name].outcome, cumulativeCash: undefined, funnel: undefined } }]),
    );
    io.out(formatSummaryJson({ ...story, strategies: picked }));
  } else {
    io.out(formatTrialStory(story, scenario.name, seed, scenario.currency, strategies));
  }
  return EXIT_OK;
}
