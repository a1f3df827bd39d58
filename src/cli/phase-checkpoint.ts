/**
 * The safe points of a command (between phases, and between the charts)
 * where a Ctrl-C or SIGTERM is honoured: the signal handler only records
 * the signal, and each checkpoint lets it in and stops the command there.
 *
 * Test and diagnostic seams: EXPANSIM_TRACE=phases prints `expansim: phase
 * <step>` on stderr at each checkpoint; EXPANSIM_PAUSE_AT=<step> also waits
 * there until a signal arrives, so a test can signal exactly at that step.
 */
import type { CliIo } from './cli-io.ts';

/** Awaited at each safe point with the step about to start (`trials`, `summary`, `charts`, `chart <name>`, `write`, and `commit`: every file staged, just before the rename). */
export type Checkpoint = (step: string) => Promise<void>;

/**
 * Two turns of the event loop: the first setImmediate may run before libuv
 * polls again, the second runs after a poll, so a signal that arrived during
 * synchronous work has reached its handler by then.
 */
async function letSignalsIn(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

/** Waits for the signal; a closed stdin (the test that started us is gone) ends the wait as a failure. */
function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return resolve();
    const stdinClosed = () => reject(new Error('EXPANSIM_PAUSE_AT: stdin closed before a signal came'));
    process.stdin.once('end', stdinClosed).resume();
    signal.addEventListener(
      'abort',
      () => {
        process.stdin.off('end', stdinClosed).pause();
        resolve();
      },
      { once: true },
    );
  });
}

export function phaseCheckpoint(io: CliIo, signal: AbortSignal | undefined, env: NodeJS.ProcessEnv = process.env): Checkpoint {
  const trace = env.EXPANSIM_TRACE === 'phases';
  const pauseAt = env.EXPANSIM_PAUSE_AT;
  return async (step) => {
    if (trace || pauseAt === step) io.err(`expansim: phase ${step}\n`);
    if (pauseAt === step && signal) await untilAborted(signal);
    await letSignalsIn();
    signal?.throwIfAborted();
  };
}
