/**
 * Colours and names of a book's plans in portfolio charts: the default plans
 * keep the colours of every other chart, further plans of a scenario take the
 * next Okabe–Ito colours, and an uncovered account is grey.
 */
import { NEUTRAL_COLOR, STRATEGY_COLORS } from './chart-theme.ts';

const FURTHER_COLORS = ['#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442'];
const KNOWN: Record<string, string> = STRATEGY_COLORS;

/** A plan's name in charts: its key in capitals (`BEACHHEAD`), or `uncovered`. */
export const planName = (strategy: string | null) => (strategy === null ? 'uncovered' : strategy.toUpperCase());

/** The colour scale over a book's strategies and `uncovered`. */
export function planScale(strategies: readonly string[]) {
  let further = 0;
  const range = strategies.map((strategy) => KNOWN[strategy] ?? FURTHER_COLORS[further++ % FURTHER_COLORS.length]!);
  return { domain: [...strategies.map(planName), planName(null)], range: [...range, NEUTRAL_COLOR] };
}
