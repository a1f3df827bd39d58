import { sanitizeDisplayText } from '../scenario/sanitize-display-text.ts';

/** What commands print to, so subprocess-free tests can capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars). */
  interactive: boolean;
  /** Resolves once stdout has taken what was printed; true if the reader closed it (EPIPE). */
  settle?(): Promise<boolean>;
}

/** A stream that may be closed by its reader (`expansim run | head -1`): once it is, output is dropped. */
function closableOutput(stream: NodeJS.WriteStream) {
  let closed = false;
  // EPIPE, or any other failure of the stream: nothing more can reach the reader.
  stream.on('error', () => {
    closed = true;
  });
  return {
    write: (text: string) => {
      if (!closed) stream.write(sanitizeDisplayText(text));
    },
    settle: () =>
      new Promise<boolean>((resolve) => {
        if (closed) resolve(true);
        else stream.write('', (error) => resolve(closed || Boolean(error)));
      }),
  };
}

let stdout: ReturnType<typeof closableOutput> | undefined;
let stderr: ReturnType<typeof closableOutput> | undefined;

/**
 * The process's stdout and stderr. Everything printed passes through
 * sanitizeDisplayText here, the one place, so no scenario name or CSV header
 * can send the terminal an escape sequence; the progress bar writes its own
 * cursor control straight to process.stderr.
 */
export const processIo: CliIo = {
  out: (text) => (stdout ??= closableOutput(process.stdout)).write(text),
  err: (text) => (stderr ??= closableOutput(process.stderr)).write(text),
  interactive: Boolean(process.stderr.isTTY),
  settle: () => (stdout ??= closableOutput(process.stdout)).settle(),
};

/** Exit codes: 0 ok, 1 internal failure, 2 bad input, 130 interrupted (SIGINT), 143 terminated (SIGTERM), 141 stdout closed by its reader. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERRUPTED = 130;
export const EXIT_TERMINATED = 143;
export const EXIT_BROKEN_PIPE = 141;

/** A problem with what the user asked for, reported as one line and exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
