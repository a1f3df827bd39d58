/** Observable events of a CLI subprocess, so tests wait for what happened, never for a fixed time. */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

export interface WatchedChild {
  /** Sends the child a signal. */
  kill(signal: NodeJS.Signals): void;
  /** Ends the child if it still runs (for a test's cleanup). */
  stop(): void;
  /** Everything the child has written to stderr so far. */
  stderr(): string;
  stdout(): string;
  /** Resolves when stderr holds `text` (rejects if the child exits first). */
  stderrContains(text: string): Promise<void>;
  /** Resolves with the exit code (null if a signal ended it) and the signal. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function watchChild(child: ChildProcessWithoutNullStreams): WatchedChild {
  let stderr = '';
  let stdout = '';
  let exited = false;
  const waiting: { text: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  const settle = () => {
    for (const waiter of [...waiting]) {
      if (stderr.includes(waiter.text)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
    settle();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      exited = true;
      for (const waiter of waiting.splice(0)) waiter.reject(new Error(`the child exited (${code ?? signal}) before printing ${JSON.stringify(waiter.text)}; stderr:\n${stderr}`));
      resolve({ code, signal });
    });
  });
  return {
    kill: (signal) => {
      child.kill(signal);
    },
    stop: () => {
      if (!exited) child.kill('SIGKILL');
    },
    stderr: () => stderr,
    stdout: () => stdout,
    stderrContains: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        if (exited) return reject(new Error(`the child exited before printing ${JSON.stringify(text)}; stderr:\n${stderr}`));
        waiting.push({ text, resolve, reject });
      }),
    exit,
  };
}
