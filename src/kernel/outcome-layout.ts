/**
 * Where the kernel writes one plan's trial outcome (TrialOutcome of
 * src/engine/trial-outcome.ts), in f64 slots from the outcome's start;
 * shared by the AssemblyScript kernel and src/engine/wasm-kernel.ts.
 * The month fields are int32, four bytes each from byte MONTHS_BYTE;
 * the cumulative cash path (T values) follows at CUMULATIVE_CASH.
 * An outcome takes OUTCOME_FIXED + T slots.
 */
export const NPV = 0;
export const TERMINAL_VALUE = 1;
export const REVENUE = 2;
export const GROSS_MARGIN_TOTAL = 3;
export const COST_OF_SALE = 4;
export const BUILD_COST_PAID = 5;
export const FAILURE_LOSS = 6;
export const LOST_WALLET = 7;
export const REVENUE_BY_STREAM = 8; // 3
export const DEAL_REVENUE_BY_STREAM = 11; // 3
export const MARGIN_BY_STREAM = 14; // 3
export const COST_BY_STREAM = 17; // 3
export const CHURN_MONTH = 20;
export const DELIVERY_FAILURES = 21;
export const DEALS_WON = 22;
export const TRAP_MONTHS = 23;
export const CASH_VALUE_AT_RATE = 24; // 3
export const TERMINAL_VALUE_AT_RATE = 27; // 3
export const FUNNEL = 30; // 4 types × 11 steps
export const STAGES_PASSED = 74; // 4 types × 6
/** Byte offset of firstWinMonth (3 × int32), then openedMonth (3 × int32). */
export const MONTHS_BYTE = 98 * 8;
export const CUMULATIVE_CASH = 101;
export const OUTCOME_FIXED = 101;
