/**
 * Simulated deals → the CSV a CRM export would be, in the columns calibration
 * reads: the synthetic sample and the round trip the recovery test takes.
 * Model month t becomes a date in calendar month `startMonth + t`, on a day
 * drawn from a seeded stream (the model only knows months).
 */
import seedrandom from 'seedrandom';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { PROJECT_TYPES, STREAMS } from '../scenario/vocabulary.ts';
import type { SimulatedDeal } from './simulate-deal-history.ts';

export interface DealCsvOptions {
  /** Calendar month index of model month 0 (year·12 + month − 1). */
  startMonth: number;
  /** Seed of the days within each month. */
  seed: number;
  /** Lines written first as `# …` comments (what the file is). */
  comments?: readonly string[];
}

export const DEAL_CSV_HEADER = 'account,stream,type,value,opened,closed,outcome,stage_reached,discount';

function dateIn(monthIndex: number, random: () => number): string {
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = 1 + Math.floor(random() * days);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Formats `deals` (simulated from `scenario`) as a deal history CSV. */
export function formatDealHistoryCsv(deals: readonly SimulatedDeal[], scenario: Scenario, options: DealCsvOptions): string {
  const random = seedrandom(`expansim-deal-days:${options.seed}`);
  const accounts = [...new Set(deals.map((deal) => deal.account))].sort((a, b) => a - b);
  const width = String(accounts.length).length;
  const accountName = new Map(accounts.map((account, i) => [account, `Account ${String(i + 1).padStart(Math.max(2, width), '0')}`]));
  const lines = [...(options.comments ?? []).map((comment) => `# ${comment}`), DEAL_CSV_HEADER];
  for (const deal of deals) {
    const type = PROJECT_TYPES[deal.type]!;
    const stages = scenario.model.projectTypes[type].stages;
    const open = deal.closedMonth === null;
    const opened = dateIn(options.startMonth + deal.openedMonth, random);
    const closed = open ? '' : dateIn(options.startMonth + deal.closedMonth!, random);
    lines.push([
      accountName.get(deal.account),
      STREAMS[deal.stream],
      type,
      Number(deal.value.toPrecision(4)),
      opened,
      closed,
      open ? 'open' : deal.won ? 'won' : 'lost',
      open ? '' : deal.won ? stages : deal.stagesPassed + 1,
      open ? '' : deal.discount.toFixed(4),
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}
