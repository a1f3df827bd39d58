/**
 * The terminal's headline with more than two plans: the finding of the
 * report's and deck's headline (report-headline.ts `bestPlanHeadline`), the
 * best plan by mean NPV, its lead on the baseline with its interval, and how
 * sure that is (P(best) with its interval), in the terminal tables' figures.
 */
import type { Summary } from '../stats/summarize-outcomes.ts';
import { formatMillions as money, formatShare as percent } from './terminal-figures.ts';

/** One sentence, or null for a summary without P(best) (two plans keep their verdict line). */
export function formatBestPlan(summary: Summary, heading: (key: string) => string): string | null {
  const { pBest, comparisons } = summary;
  if (!pBest || !comparisons) return null;
  const entries = Object.entries(summary.strategies);
  const [best, top] = entries.reduce((leader, entry) => (entry[1].npv.mean > leader[1].npv.mean ? entry : leader));
  const baseline = entries.map(([key]) => key).find((key) => !(key in comparisons));
  const share = pBest[best];
  if (baseline === undefined || share === undefined) return null;
  const unit = `${summary.currency} M`;
  const sure = `it is the best plan on ${percent(share.p)} of accounts (95% CI [${percent(share.ci95[0])}, ${percent(share.ci95[1])}])`;
  const ofAll = `the best mean NPV of the ${entries.length} plans`;
  const lead = comparisons[best]?.npvDiff;
  if (best === baseline || lead === undefined) return `${heading(best)}, the baseline, has ${ofAll} (${money(top.npv.mean)} ${unit} per account); ${sure}.`;
  const interval = lead.ci95 === null ? 'one trial: no interval' : `95% CI [${money(lead.ci95[0], true)}, ${money(lead.ci95[1], true)}]`;
  return `${heading(best)} has ${ofAll}: ${money(lead.mean, true)} ${unit} per account against ${heading(baseline)} (${interval}); ${sure}.`;
}
