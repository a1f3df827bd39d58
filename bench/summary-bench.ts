/**
 * The bench's post-run statistics: summarizeFullRun (the summary, dominance, path
 * classes, ablation figures) on a 100,000-trial table of the default
 * scenario, single-threaded after the workers. Median of several rounds.
 */
import { runSimulation } from '../src/engine/run-simulation.ts';
import type { Scenario } from '../src/scenario/scenario-schema.ts';
import { DEFAULT_ABLATION_HIGH, DEFAULT_ABLATION_TRIALS } from '../src/stats/barrier-ablation.ts';
import { ablationPlan } from '../src/pipeline/ablation-plan.ts';
import { summarizeFullRun } from '../src/pipeline/run-scenario.ts';

export interface SummaryTiming {
  trials: number;
  ms: { median: number; min: number; max: number; runs: number };
}

export async function summaryTiming(scenario: Scenario, trials = 100_000, runs = 5): Promise<SummaryTiming> {
  const ran = { ...scenario, trials };
  const plan = ablationPlan(ran, DEFAULT_ABLATION_HIGH);
  const { table } = await runSimulation(ran, { trials, workers: 2, ...plan, variantTrials: DEFAULT_ABLATION_TRIALS });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    summarizeFullRun(ran, table, { ablationHigh: DEFAULT_ABLATION_HIGH });
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { trials, ms: { median: samples[runs >> 1]!, min: samples[0]!, max: samples[runs - 1]!, runs } };
}
