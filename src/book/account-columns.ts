/**
 * The accounts CSV's columns (README "Portfolio"): one row per named account,
 * as a CRM export gives it. Headers match case-insensitively, ignoring spaces,
 * `_` and `-` (`Functional Walls`, `functional_walls`, `functionalWalls`).
 */
import { BARRIERS } from '../scenario/vocabulary.ts';

export interface AccountColumn {
  /** What the column sets: `name`, `team`, `segment`, or a scenario path. */
  target: string;
  names: readonly string[];
  required: boolean;
  description: string;
}

const BARRIER_ALIASES: Record<(typeof BARRIERS)[number], readonly string[]> = {
  functionalWalls: ['functional_walls', 'fw'],
  hardwareImage: ['hardware_image', 'img'],
  purchasingControl: ['purchasing_control', 'pur'],
  itVendorControl: ['it_vendor_control', 'itc'],
  executiveReluctance: ['executive_reluctance', 'exr'],
};

export const ACCOUNT_COLUMNS: readonly AccountColumn[] = [
  { target: 'name', names: ['name', 'account', 'account_name'], required: true, description: 'Account name (unique in the file).' },
  { target: 'team', names: ['team', 'sales_team', 'owner_team'], required: true, description: 'The team that covers it: a key of the book\'s teams.' },
  { target: 'account.wallet.median', names: ['wallet', 'yearly_wallet', 'it_wallet', 'wallet_musd'], required: true, description: 'Yearly IT wallet, $M (the scenario\'s account.wallet.median).' },
  ...BARRIERS.map((barrier) => ({
    target: `account.barriers.${barrier}`,
    names: BARRIER_ALIASES[barrier],
    required: true,
    description: `Assessed ${BARRIER_ALIASES[barrier][0]!.replaceAll('_', ' ')} from 0 to 1 (account.barriers.${barrier}).`,
  })),
  { target: 'segment', names: ['segment', 'group'], required: false, description: 'A group of the book whose overrides the account starts from (default: the base scenario).' },
];

/** A header in comparable form: lower case, no spaces, `_` or `-`. */
export const normalizeHeader = (header: string) => header.trim().toLowerCase().replace(/[\s_-]+/g, '');
