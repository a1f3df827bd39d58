/** What commands print to, so subprocess-free tests can capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars). */
  interactive: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
};

/** Exit codes: 0 ok, 1 internal failure, 2 bad input, 130 interrupted (SIGINT), 143 terminated (SIGTERM). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERRUPTED = 130;
export const EXIT_TERMINATED = 143;

/** A problem with what the user asked for, reported as one line and exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
