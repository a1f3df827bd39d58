/**
 * A trial's story as `explain --json` prints it: every index a name (barriers,
 * streams, project types), stages passed spelled out, and `null` for a month
 * that never came (the engine's −1).
 */
import type { TrialStory } from '../engine/explain-trial.ts';
import type { TrialOutcome } from '../engine/trial-outcome.ts';
import type { TraceEvent } from '../engine/policy-trace.ts';
import { valuationRates } from '../model/valuation-grid.ts';
import { BARRIERS, MAX_STAGES, PROJECT_TYPES, STREAMS } from '../scenario/vocabulary.ts';

const month = (value: number) => (value < 0 ? null : value);

function byName<T>(names: readonly string[], values: ArrayLike<number>, read: (value: number) => T): Record<string, T> {
  return Object.fromEntries(names.map((name, i) => [name, read(values[i]!)]));
}

const streamName = (stream: number) => STREAMS[stream] ?? String(stream);
const typeName = (type: number) => PROJECT_TYPES[type] ?? String(type);

/** The valuation check's rates as keys ("5%", "10%", "15%"). */
const rateNames = (discountRate: number) => valuationRates(discountRate).map((rate) => `${Number((rate * 100).toFixed(6))}%`);

function labelOutcome(outcome: TrialOutcome, discountRate: number) {
  const same = (value: number) => value;
  const { cumulativeCash: _cash, funnel: _funnel, ...kept } = outcome;
  return {
    ...kept,
    /** Without terminal value, and the run-rate terminal value, at each of the valuation check's discount rates. */
    cashValueAtRate: byName(rateNames(discountRate), outcome.cashValueAtRate, same),
    terminalValueAtRate: byName(rateNames(discountRate), outcome.terminalValueAtRate, same),
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

/** The story of `strategies` (keys of the story), labelled for JSON; `discountRate` is the scenario's, which sets the valuation check's rates. */
export function labelTrialStory(story: TrialStory, strategies: readonly string[], discountRate: number) {
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
            outcome: labelOutcome(outcome, discountRate),
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
