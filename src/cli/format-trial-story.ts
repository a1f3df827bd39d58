/**
 * A trial's story as terminal text: the account, then for each strategy the
 * months where something happened (and a state line every year), with the
 * hardware image and relationship capital as they moved.
 */
import type { TrialStory } from '../engine/explain-trial.ts';
import type { MonthSnapshot, TraceEvent } from '../engine/policy-trace.ts';
import { BARRIERS, PROJECT_TYPES, STREAMS } from '../scenario/vocabulary.ts';
import { shortName } from '../charts/chart-theme.ts';

const money = (value: number) => `${value.toFixed(2)}`;
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;

function describe(event: TraceEvent): string {
  switch (event.kind) {
    case 'opened':
      return `opened ${STREAMS[event.stream]} (active from month ${event.activeFrom})`;
    case 'build':
      return `paid the capability build cost, ${money(event.amount)}`;
    case 'won':
      return `won ${STREAMS[event.stream]} ${PROJECT_TYPES[event.type]} ${money(event.value)} (discount ${(100 * event.discount).toFixed(0)}%)`;
    case 'lost':
      return `lost ${STREAMS[event.stream]} ${PROJECT_TYPES[event.type]} ${money(event.value)} after ${event.stages} stage${event.stages === 1 ? '' : 's'}`;
    case 'deliveryFailed':
      return `DELIVERY FAILED on ${STREAMS[event.stream]} ${PROJECT_TYPES[event.type]} ${money(event.value)}: margin −${money(event.marginLost)}`;
    case 'churned':
      return 'THE ACCOUNT CHURNED';
  }
}

/** Downstream deals are many and small: one line per month for them, midstream and upstream deals one by one. */
function describeMonth(events: TraceEvent[]): string[] {
  const downstream = events.filter((e) => (e.kind === 'won' || e.kind === 'lost') && e.stream === 0) as Extract<TraceEvent, { kind: 'won' | 'lost' }>[];
  const others = events.filter((e) => !downstream.includes(e as never));
  const lines = others.map(describe);
  if (downstream.length > 0) {
    const won = downstream.filter((e) => e.kind === 'won');
    const value = won.reduce((sum, e) => sum + e.value, 0);
    const lost = downstream.length - won.length;
    lines.push(`downstream: won ${won.length}${won.length > 0 ? ` (${money(value)})` : ''}${lost > 0 ? `, lost ${lost}` : ''}`);
  }
  return lines;
}

function monthLine(snapshot: MonthSnapshot, events: TraceEvent[]): string[] {
  const head = `  ${String(snapshot.month).padStart(5)}  ${snapshot.image.toFixed(2).padStart(5)}  ${snapshot.relationship.toFixed(2).padStart(8)}  ${signed(snapshot.margin - snapshot.cost).padStart(7)}  ${signed(snapshot.cumulativeCash).padStart(10)}  ${snapshot.trapped ? 'trap' : '    '}`;
  const lines = describeMonth(events);
  return lines.length === 0 ? [head] : [`${head}  ${lines[0]}`, ...lines.slice(1).map((line) => `${' '.repeat(head.length)}  ${line}`)];
}

export function formatTrialStory(story: TrialStory, scenarioName: string, seed: number, currency: string, strategies: readonly string[]): string {
  const barrierText = BARRIERS.map((name, x) => `${name} ${story.barriers[x]!.toFixed(2)}`).join(', ');
  const out = [
    `expansim explain · ${scenarioName} · trial ${story.trial} · seed ${seed}`,
    `  Account: wallet ${money(story.wallet)} ${currency} M a year; ${story.opportunities} opportunities over the horizon`,
    `  Barriers: ${barrierText}`,
    '',
  ];
  for (const name of strategies) {
    const { outcome, trace } = story.strategies[name]!;
    const byMonth = new Map<number, TraceEvent[]>();
    for (const event of trace.events) byMonth.set(event.month, [...(byMonth.get(event.month) ?? []), event]);
    const upstreamWin = outcome.firstWinMonth[2]!;
    out.push(
      `${shortName({ key: name, label: name })} — NPV ${money(outcome.npv)} ${currency} M (terminal value ${money(outcome.terminalValue)}); ` +
        `${outcome.dealsWon} deals won, ${outcome.deliveryFailures} delivery failures; ` +
        `${upstreamWin >= 0 ? `first upstream win in month ${upstreamWin}` : 'locked downstream (no upstream win)'}` +
        `${outcome.churnMonth >= 0 ? `; churned in month ${outcome.churnMonth}` : ''}`,
      '  month  image  relation  cash/mo  disc. cum.',
    );
    for (const snapshot of trace.months) {
      const events = byMonth.get(snapshot.month) ?? [];
      const notable = events.some((e) => e.kind !== 'won' && e.kind !== 'lost') || events.some((e) => 'stream' in e && e.stream !== 0);
      if (notable || snapshot.month % 6 === 0 || snapshot.month === trace.months.length - 1) out.push(...monthLine(snapshot, events));
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
