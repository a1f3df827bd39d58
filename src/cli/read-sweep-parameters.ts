/**
 * `--vary` arguments → the sweep's parameters, or a UsageError naming the
 * flag and what is wrong (exit 2) before the scenario is even run.
 */
import { readSweepParameter, sweepGridProblem, type SweepParameter } from '../scenario/sweep-parameter.ts';
import { UsageError } from './cli-io.ts';

export function readSweepParameters(specs: readonly string[]): SweepParameter[] {
  if (specs.length < 1 || specs.length > 2) throw new UsageError(`--vary may be given once or twice (a line or a map), not ${specs.length} times`);
  const parameters = specs.map((spec) => {
    const result = readSweepParameter(spec);
    if ('problem' in result) throw new UsageError(`--vary ${result.problem}`);
    return result;
  });
  const problem = sweepGridProblem(parameters);
  if (problem) throw new UsageError(`--vary: ${problem}`);
  return parameters;
}
