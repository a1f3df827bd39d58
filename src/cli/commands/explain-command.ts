/** `expansim explain`: one trial's story, month by month, under each strategy. */
import { explainTrial } from '../../engine/explain-trial.ts';
import { compileParameters } from '../../model/parameters.ts';
import { loadScenario } from '../../scenario/load-scenario.ts';
import { formatSummaryJson } from '../../report/run-record.ts';
import { EXIT_OK, UsageError, type CliIo } from '../cli-io.ts';
import { formatTrialStory } from '../format-trial-story.ts';
import { labelTrialStory } from '../label-trial-story.ts';
import type { ExplainOptions } from '../parse-arguments.ts';

export function explainCommand(scenarioPath: string, options: ExplainOptions, io: CliIo): number {
  const { scenario } = loadScenario(scenarioPath);
  const seed = options.seed ?? scenario.seed;
  const trials = options.trials ?? scenario.trials;
  if (options.trial >= trials) {
    throw new UsageError(
      `--trial ${options.trial} is beyond the run's ${trials.toLocaleString('en-US')} trials (0 to ${(trials - 1).toLocaleString('en-US')}); for a run with more, give its count with --trials`,
    );
  }
  const story = explainTrial(compileParameters(scenario), seed, options.trial);
  const keys = Object.keys(scenario.strategies);
  const everyOne = options.strategy === 'all' || options.strategy === 'both';
  if (!everyOne && !keys.includes(options.strategy)) throw new UsageError(`--strategy must be all or one of ${keys.join(', ')} (got ${JSON.stringify(options.strategy)})`);
  const strategies = everyOne ? keys : [options.strategy];
  if (options.json) {
    io.out(formatSummaryJson(labelTrialStory(story, strategies, scenario.discountRate)));
  } else {
    io.out(formatTrialStory(story, scenario.name, seed, scenario.currency, strategies));
  }
  return EXIT_OK;
}
