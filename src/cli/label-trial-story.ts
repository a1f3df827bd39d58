/**
 * A trial's story as `explain --json` prints it: every index a name (barriers,
 * streams, project types), stages passed spelled out, and `null` for a month
 * that never came (the engine's −1).
 */
import type { TrialStory } from '../engine/explain-trial.ts';
import type { TrialOutcome } from '../engine/trial-outcome.ts';
import type { TraceEvent } from '../engine/policy-trace.ts';
import { BARRIERS, MAX_STAGES, PROJECT_TYPES, STREAMS } from '../scenario/vocabulary.ts';

const month = (value: number) => (value < 0 ? null : value);

function byName<T>(names: readonly string[], values: ArrayLike<number>, read: (value: number) => T): Record<string, T> {
  return Object.fromEntries(names.map((name, i) => [name, read(values[i]!)]));
}

const streamName = (stream: number) => STREAMS[stream] ?? String(stream);
const typeName = (type: number) => PROJECT_TYPES[type] ?? String(type);

function labelOutcome(outcome: TrialOutcome) {
  const same = (value: number) => value;
  const { cumulativeCash: _cash, funnel: _funnel, ...kept } = outcome;
  return {
    ...kept,
    revenueByStream: byName(STREAMS, outcome.revenueByStream, same),
    dealRevenueByStream: byName(STREAMS, outcome.dealRevenueByStream, same),
    marginByStream: byName(STREAMS, outcome.marginByStream, same),
    costByStream: byName(STREAMS, outcome.costByStream, same),
    firstWinMonth: byName(STREAMS, outcome.firstWinMonth, month),
    openedMonth: byName(STREAMS, outcome.openedMonth, month),
    churnMonth: month(outcome.churnMonth),
    /** Opportunities pursued, per project type, by how many of their stages they passed. */
    stagesPassed: Object.fromEntries(
      PROJECT_TYPES.map((type, k) => [
        type,
        Array.from({ length: MAX_STAGES + 1 }, (_, passed) => ({ stagesPassed: passed, opportunities: outcome.stagesPassed[k * (MAX_STAGES + 1) + passed]! })),
      ]),
    ),
  };
}

function labelEvent(event: TraceEvent) {
  if (!('stream' in event)) return event;
  const { stream, ...rest } = event;
  if (!('type' in rest)) return { ...rest, stream: streamName(stream) };
  const { type, ...others } = rest;
  return { ...others, stream: streamName(stream), projectType: typeName(type) };
}

/** The story of `strategies` (keys of the story), labelled for JSON. */
export function labelTrialStory(story: TrialStory, strategies: readonly string[]) {
  return {
    trial: story.trial,
    wallet: story.wallet,
    barriers: byName(BARRIERS, story.barriers, (value) => value),
    opportunities: story.opportunities,
    strategies: Object.fromEntries(
      strategies.map((key) => {
        const { outcome, trace } = story.strategies[key]!;
        return [
          key,
          {
            outcome: labelOutcome(outcome),
            trace: {
              events: trace.events.map(labelEvent),
              months: trace.months,
              pursued: trace.pursued.map(({ stream, type, ...rest }) => ({ ...rest, stream: streamName(stream), projectType: typeName(type) })),
            },
          },
        ];
      }),
    ),
  };
}
