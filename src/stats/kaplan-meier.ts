/**
 * The Kaplan–Meier estimate of a survival curve: the share of accounts that
 * have not yet had an event (here: a first upstream win) by each time, with
 * accounts observed only up to some time (the horizon) counted as censored
 * rather than as never having it.
 */

export interface SurvivalStep {
  /** A time at which at least one event or censoring happened. */
  time: number;
  /** Subjects still at risk just before `time`. */
  atRisk: number;
  events: number;
  censored: number;
  /** S(time): estimated share without an event up to and including `time`. */
  survival: number;
}

/**
 * Kaplan–Meier: S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ/nᵢ). At a tied
 * time, events come before censorings (the usual convention; R's survfit).
 * Cost: O(n log n).
 *
 * @example kaplanMeier([1, 2, 2, 3, 4, 5], [true, true, false, true, false, true]).map((s) => s.survival) // => [0.8333333333333334, 0.6666666666666667, 0.44444444444444453, 0.44444444444444453, 0]
 */
export function kaplanMeier(times: ArrayLike<number>, observed: ArrayLike<boolean>): SurvivalStep[] {
  if (times.length !== observed.length) throw new Error('kaplanMeier requires as many event flags as times');
  const order = Array.from({ length: times.length }, (_, i) => i).sort((a, b) => times[a]! - times[b]!);
  const steps: SurvivalStep[] = [];
  let atRisk = times.length;
  let survival = 1;
  for (let i = 0; i < order.length; ) {
    const time = times[order[i]!]!;
    let events = 0;
    let censored = 0;
    for (; i < order.length && times[order[i]!] === time; i++) {
      if (observed[order[i]!]) events++;
      else censored++;
    }
    survival *= 1 - events / atRisk;
    steps.push({ time, atRisk, events, censored, survival });
    atRisk -= events + censored;
  }
  return steps;
}
