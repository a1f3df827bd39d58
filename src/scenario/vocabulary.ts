/**
 * The model's vocabulary (MODEL.md §1): streams, project types and barriers,
 * with the index each one has in the kernel's typed arrays.
 */

/** Opportunity streams in MODEL.md order `D, M, U`; the index is the kernel's stream index. */
export const STREAMS = ['downstream', 'midstream', 'upstream'] as const;
export type StreamName = (typeof STREAMS)[number];
export const DOWNSTREAM = 0;
export const MIDSTREAM = 1;
export const UPSTREAM = 2;
export const STREAM_COUNT = 3;

/** Project types in MODEL.md order `REP, RPL, EXP, INN`. */
export const PROJECT_TYPES = ['repurchase', 'replacement', 'expansion', 'innovation'] as const;
export type ProjectTypeName = (typeof PROJECT_TYPES)[number];
export const REPURCHASE = 0;
export const INNOVATION = 3;
export const PROJECT_TYPE_COUNT = 4;

/** The most stages any sales process has; every opportunity draws this many stage uniforms. */
export const MAX_STAGES = 5;

/** Barriers in MODEL.md order `FW, IMG, PUR, ITC, EXR`, named as in scenario files. */
export const BARRIERS = [
  'functionalWalls',
  'hardwareImage',
  'purchasingControl',
  'itVendorControl',
  'executiveReluctance',
] as const;
export type BarrierName = (typeof BARRIERS)[number];
export const FUNCTIONAL_WALLS = 0;
export const HARDWARE_IMAGE = 1;
export const PURCHASING_CONTROL = 2;
export const IT_VENDOR_CONTROL = 3;
export const EXECUTIVE_RELUCTANCE = 4;
export const BARRIER_COUNT = 5;

/** The two strategies every scenario has, in the order the kernel evaluates them first on each world. */
export const STRATEGIES = ['ato', 'fitd'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

/** The pair compared when nothing names one: the first default plan, minus the default baseline. */
export const DEFAULT_PAIR: readonly [StrategyName, StrategyName] = STRATEGIES;
export const DEFAULT_BASELINE: StrategyName = 'fitd';

/** How the default plans are shown: short name in titles, name spelled out, legend name, and colour (Okabe–Ito blue and vermillion). */
export const DEFAULT_PLAN_LOOKS: Record<StrategyName, { short: string; spelled: string; legend: string; color: string }> = {
  ato: { short: 'ATO', spelled: 'all at once', legend: 'ATO (all at once)', color: '#0072B2' },
  fitd: { short: 'FITD', spelled: 'foot in the door', legend: 'FITD (foot in the door)', color: '#D55E00' },
};

/** The default pair in words: "all at once (ATO) vs foot in the door (FITD)"; `joiner` links the words of a name. */
export function defaultPairText(joiner = ' '): string {
  return DEFAULT_PAIR.map((key) => `${DEFAULT_PLAN_LOOKS[key].spelled.replaceAll(' ', joiner)} (${DEFAULT_PLAN_LOOKS[key].short})`).join(' vs ');
}

/** How an opening plan opens midstream or upstream (MODEL.md §3.6). */
export const OPENING_RULES = ['start', 'migrate', 'never'] as const;
export type OpeningRule = (typeof OPENING_RULES)[number];

export const SELLING_MODES = ['product', 'solution'] as const;
export type SellingMode = (typeof SELLING_MODES)[number];
