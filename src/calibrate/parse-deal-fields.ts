/**
 * One CSV field → one value of a deal, or the problem with it in words a CRM
 * user can act on. Pure; each parser accepts the spellings CRM exports use.
 */
import { PROJECT_TYPES, STREAMS } from '../scenario/vocabulary.ts';

/** A field that could not be read, and why. */
export interface FieldProblem {
  problem: string;
}

export type Parsed<T> = T | FieldProblem;

export function isProblem<T>(value: Parsed<T>): value is FieldProblem {
  return typeof value === 'object' && value !== null && 'problem' in value;
}

const quoted = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
const words = (text: string) => text.trim().toLowerCase().replace(/[^a-z0-9]+/g, '');

const STREAM_SPELLINGS: Record<string, number> = {
  downstream: 0, d: 0, down: 0,
  midstream: 1, m: 1, mid: 1,
  upstream: 2, u: 2, up: 2,
};

/**
 * The stream index (STREAMS order) of a stream name.
 *
 * @example parseStream('Midstream') // => 1
 */
export function parseStream(text: string): Parsed<number> {
  const index = STREAM_SPELLINGS[words(text)];
  if (index !== undefined) return index;
  return { problem: `${quoted(text)} is not a stream (use ${STREAMS.join(', ')}, or D, M, U)` };
}

const TYPE_SPELLINGS: Record<string, number> = {
  repurchase: 0, rep: 0, renewal: 0, repeat: 0,
  replacement: 1, rpl: 1, replace: 1, refresh: 1,
  expansion: 2, exp: 2, upsell: 2, expand: 2, addon: 2,
  innovation: 3, inn: 3, new: 3, newproject: 3,
};

/**
 * The project type index (PROJECT_TYPES order) of a type name.
 *
 * @example parseProjectType('Up-sell') // => 2
 */
export function parseProjectType(text: string): Parsed<number> {
  const index = TYPE_SPELLINGS[words(text)];
  if (index !== undefined) return index;
  return { problem: `${quoted(text)} is not a project type (use ${PROJECT_TYPES.join(', ')}, or REP, RPL, EXP, INN)` };
}

/** Money units a value column may be in, and how many of them make $1M. */
export const VALUE_UNITS = { M: 1, k: 1e3, '1': 1e6 } as const;
export type ValueUnit = keyof typeof VALUE_UNITS;

/**
 * A deal value in $M from text in `unit` ($M, $k or $), with an optional
 * currency sign and thousands separators.
 *
 * @example parseDealValue('$1,250,000', '1') // => 1.25
 */
export function parseDealValue(text: string, unit: ValueUnit): Parsed<number> {
  const cleaned = text.replace(/[\s$€£¥,]/g, '').replace(/^(usd|eur|gbp)/i, '');
  const value = Number(cleaned);
  if (cleaned === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned) || !Number.isFinite(value)) {
    return { problem: `${quoted(text)} is not a number` };
  }
  if (value <= 0) return { problem: `must be above 0 (got ${quoted(text)})` };
  return value / VALUE_UNITS[unit];
}

/**
 * A date as its calendar month index, year·12 + month − 1 (the model runs in
 * months). Accepts ISO dates with an optional time (`2021-03-15`,
 * `2021-03-15T10:00:00Z`), `2021/03/15` and `2021-03`.
 *
 * @example parseMonth('2021-03-15') // => 24254
 */
export function parseMonth(text: string): Parsed<number> {
  const match = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  if (!match) return { problem: `${quoted(text)} is not a date (use YYYY-MM-DD)` };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return { problem: `${quoted(text)} is not a real date` };
  return year * 12 + month - 1;
}

/**
 * The `YYYY-MM` of a month index.
 *
 * @example formatMonth(24254) // => '2021-03'
 */
export function formatMonth(monthIndex: number): string {
  return `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
}

export type DealOutcome = 'won' | 'lost' | 'open';

const WON = new Set(['won', 'closedwon', 'win', 'wonclosed', 'closedwin']);
const LOST = new Set(['lost', 'closedlost', 'loss', 'lose', 'lostclosed']);
/** Open deals: empty, open-like words and the pipeline stages of common CRMs (Salesforce, HubSpot). */
const OPEN = new Set([
  '', 'open', 'pending', 'inprogress', 'active', 'pipeline',
  'prospecting', 'qualification', 'needsanalysis', 'valueproposition', 'iddecisionmakers', 'perceptionanalysis',
  'proposalpricequote', 'negotiationreview', 'discovery', 'proposal', 'negotiation', 'commit',
  'appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent',
]);

/**
 * Won, lost or open, from an outcome or CRM stage.
 *
 * @example parseOutcome('Closed Won') // => 'won'
 */
export function parseOutcome(text: string): Parsed<DealOutcome> {
  const key = words(text);
  if (WON.has(key)) return 'won';
  if (LOST.has(key)) return 'lost';
  if (OPEN.has(key)) return 'open';
  return { problem: `${quoted(text)} is not an outcome (use won, lost or open; "Closed Won", "Closed Lost" and pipeline stage names are read too)` };
}

/**
 * The stage a deal got to, 1 … 5 (a lost deal: the stage it was lost at).
 *
 * @example parseStageReached('3') // => 3
 */
export function parseStageReached(text: string): Parsed<number> {
  const value = Number(text.trim());
  if (!/^\s*\d+\s*$/.test(text) || value < 1 || value > 5) return { problem: `${quoted(text)} is not a stage number from 1 to 5` };
  return value;
}

/**
 * A discount as a fraction of list value, from `0.12`, `12%`, or `12` when
 * the column is in percent.
 *
 * @example parseDiscount('12.5%', false) // => 0.125
 */
export function parseDiscount(text: string, columnInPercent: boolean): Parsed<number> {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const number = Number(percent ? trimmed.slice(0, -1).trim() : trimmed);
  if (trimmed === '' || trimmed === '%' || !Number.isFinite(number)) return { problem: `${quoted(text)} is not a number or percentage` };
  const fraction = percent || columnInPercent ? number / 100 : number;
  if (fraction < 0 || fraction >= 1) return { problem: `must be from 0 to below 100% (got ${quoted(text)})` };
  return fraction;
}

/** True when a discount column is written in percent: some bare value is above 1. */
export function discountColumnInPercent(texts: readonly string[]): boolean {
  return texts.some((text) => !text.trim().endsWith('%') && Number(text.trim()) > 1);
}
