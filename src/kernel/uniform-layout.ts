/**
 * Where each keyed uniform sits in the Philox counter space (the layout of
 * src/engine/keyed-uniform.ts): plain constants, so this one file compiles as
 * both TypeScript and AssemblyScript and the reference and the kernel cannot
 * disagree on a purpose's counter or decision.
 */
/** `month` of the account-level draws (wallet, barriers), which belong to no month. */
export const ACCOUNT = 0xffff;
/** `opportunity` of a cell's own draws (its arrival count). */
export const CELL = 0xffffffff;
/** `stream` and `type` of a month's own draws (churn, migration, arrival counts), which belong to no cell. */
export const MONTH_LEVEL = 0xff;

// Decisions of the account's draws.
export const ACCOUNT_WALLET_NORMAL = 0;
export const ACCOUNT_BARRIER_COMMON_NORMAL = 1;
export const ACCOUNT_FIRST_BARRIER_NORMAL = 2;

// Decisions of a month's own draws; the arrival count of cell c = s·4 + k is at MONTH_FIRST_ARRIVAL_COUNT + c.
export const MONTH_CHURN = 0;
export const MONTH_MIGRATION = 1;
export const MONTH_FIRST_ARRIVAL_COUNT = 2;

// Decisions of one opportunity, in the order a policy needs them.
export const OPP_VALUE_NORMAL = 0;
export const OPP_VISIBILITY = 1;
export const OPP_ENTRY = 2;
export const OPP_DURATION_FIRST = 3;
export const OPP_DURATION_SECOND = 4;
export const OPP_DISCOUNT_NORMAL = 5;
export const OPP_FIRST_STAGE = 6;
export const OPP_DELIVERY_FAILURE = 11;
/** Philox blocks (four decisions each) of one opportunity. */
export const OPP_BLOCKS = 3;
