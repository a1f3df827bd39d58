/**
 * A steadier ETA than trials-so-far over time-so-far: the clock starts at the
 * first trial done (worker start-up is not trial time), nothing is promised
 * for the first half second of trials, and each new estimate moves the
 * previous one (counted down since) only part of the way.
 */

/** How far a new estimate moves the shown one; the rest is the old one counted down. */
const SMOOTHING = 0.3;
/** Trial time before the first estimate. */
const SETTLE_MS = 500;

export interface EtaEstimator {
  /** Seconds left at `nowMs` with `done` of `total` trials, or null while there is no honest estimate yet. */
  estimate(nowMs: number, done: number, total: number): number | null;
}

export function createEtaEstimator(): EtaEstimator {
  let origin: { ms: number; done: number } | undefined;
  let shown: { ms: number; seconds: number; total: number } | undefined;
  return {
    estimate(nowMs, done, total) {
      if (done >= total) return 0;
      if (!origin) {
        if (done > 0) origin = { ms: nowMs, done };
        return null;
      }
      const elapsed = nowMs - origin.ms;
      if (elapsed < SETTLE_MS || done <= origin.done) return shown ? Math.max(0, shown.seconds - (nowMs - shown.ms) / 1000) : null;
      const fresh = ((total - done) * elapsed) / (done - origin.done) / 1000;
      // A new total (a precision run's next batch) is a new question: no blending with the old answer.
      const seconds = shown && shown.total === total ? Math.max(0, shown.seconds - (nowMs - shown.ms) / 1000) * (1 - SMOOTHING) + fresh * SMOOTHING : fresh;
      shown = { ms: nowMs, seconds, total };
      return seconds;
    },
  };
}

/** `…`, `45s`, `3m05s`, `1h02m`. */
export function formatEta(seconds: number | null): string {
  if (seconds === null) return '…';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}
