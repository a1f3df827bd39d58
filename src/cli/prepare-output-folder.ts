/**
 * Before any work: put right what an interrupted writer left beside the
 * target (saying so), then refuse a target that may not be written.
 */
import { outputTargetProblem, type OutputTargetOptions } from '../report/output-target-problem.ts';
import { recoverInterruptedOutput } from '../report/recover-interrupted-output.ts';
import { UsageError, type CliIo } from './cli-io.ts';

export function prepareOutputFolder(target: string, options: OutputTargetOptions, io: CliIo): void {
  for (const note of recoverInterruptedOutput(target)) io.err(`${note}\n`);
  const problem = outputTargetProblem(target, options);
  if (problem) throw new UsageError(problem);
}
