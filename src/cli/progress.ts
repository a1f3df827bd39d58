/**
 * A progress bar on stderr for runs longer than about a second: trials done,
 * trials per second and ETA. Silent when stderr is not a terminal.
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };
const DELAY_MS = 1000;

export function createProgress(total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return SILENT;
  const started = performance.now();
  let bar: SingleBar | undefined;
  let latest = 0;
  return {
    update(done) {
      latest = done;
      const elapsed = performance.now() - started;
      if (!bar && elapsed < DELAY_MS) return;
      if (!bar) {
        bar = new SingleBar({
          stream,
          format: '  {bar} {percentage}% · {value}/{total} trials · {rate} trials/s · ETA {eta_formatted}',
          hideCursor: true,
          clearOnComplete: true,
          barsize: 30,
        });
        bar.start(total, 0, { rate: '…' });
      }
      const rate = Math.round((latest / elapsed) * 1000).toLocaleString('en-US');
      bar.update(latest, { rate });
    },
    stop() {
      bar?.stop();
    },
  };
}
