/**
 * A progress bar on stderr for runs longer than about a second: trials done,
 * trials per second and ETA; then, after the trials, the phase under way
 * (summary, each chart, report page, PDF, deck, writing) in its place, so the
 * screen is never blank while the command works. Silent when stderr is not a
 * terminal.
 *
 * Test seam: EXPANSIM_PROGRESS_DELAY_MS sets that delay (0 shows the bar and
 * every phase at once, so a test need not make a run slow to see them).
 */
import { SingleBar } from 'cli-progress';
import { createEtaEstimator, formatEta } from './progress-eta.ts';
import { phaseText } from './phase-text.ts';

export interface Progress {
  update(done: number): void;
  /** The count the bar runs toward changed (a precision run planned its next batch); `note` says why, after the count. */
  retarget(total: number, note: string): void;
  /** A step after the trials (a checkpoint's name): shown in place of the bar. */
  phase(step: string): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, retarget: () => {}, phase: () => {}, stop: () => {} };
const DELAY_MS = 1000;

function delayMs(env: NodeJS.ProcessEnv): number {
  const set = Number(env.EXPANSIM_PROGRESS_DELAY_MS ?? Number.NaN);
  return Number.isFinite(set) && set >= 0 ? set : DELAY_MS;
}
const count = (value: number) => value.toLocaleString('en-US');

export function createProgress(total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  if (!enabled || !stream.isTTY) return SILENT;
  const delay = delayMs(env);
  const started = performance.now();
  const eta = createEtaEstimator();
  let bar: SingleBar | undefined;
  let latest = 0;
  let goal = total;
  let note = '';
  let phaseShown = false;
  const tokens = () => {
    const now = performance.now();
    const elapsed = now - started;
    return {
      done: count(latest),
      goal: count(goal),
      note,
      rate: elapsed > 0 ? Math.round((latest / elapsed) * 1000).toLocaleString('en-US') : '…',
      remaining: formatEta(eta.estimate(now, latest, goal)),
    };
  };
  const clearPhase = () => {
    if (phaseShown) stream.write('\r\x1b[2K');
    phaseShown = false;
  };
  return {
    update(done) {
      latest = done;
      if (!bar && performance.now() - started < delay) return;
      if (!bar) {
        bar = new SingleBar({
          stream,
          format: '  {bar} {percentage}% · {done}/{goal} trials{note} · {rate} trials/s · ETA {remaining}',
          hideCursor: true,
          clearOnComplete: true,
          barsize: 30,
        });
        bar.start(goal, 0, tokens());
      }
      bar.update(Math.min(latest, goal), tokens());
    },
    retarget(next, why) {
      goal = next;
      note = why === '' ? '' : ` ${why}`;
      bar?.setTotal(goal);
      bar?.update(Math.min(latest, goal), tokens());
    },
    phase(step) {
      const text = phaseText(step);
      if (text === null) return;
      if (bar) {
        bar.stop();
        bar = undefined;
      }
      // Phases are shown once the command has taken long enough for a bar; a quick run stays quiet.
      if (performance.now() - started < delay) return;
      stream.write(`\r\x1b[2K  ${text}…`);
      phaseShown = true;
    },
    stop() {
      bar?.stop();
      bar = undefined;
      clearPhase();
    },
  };
}
