/**
 * The kernel's flat parameter layout: where each figure of one compiled
 * scenario (ModelParameters and its StrategyParameters) sits in the
 * Float64Array that src/engine/kernel-parameters.ts fills and the
 * WebAssembly kernel reads. Plain constants, so this one file compiles as
 * both TypeScript and AssemblyScript and the two sides cannot disagree.
 *
 * Fixed part (indices below), then, for horizon T:
 *   discount factors           at FIXED_LENGTH,                T of them
 *   valuation factors of rate r at FIXED_LENGTH + (1 + r)·T,   T of them (r = 0 … RATE_COUNT − 1)
 *   strategy i                  at FIXED_LENGTH + (1 + RATE_COUNT)·T + i·STRATEGY_STRIDE
 * Per-stream tables hold 3 values (D, M, U), per-type 4 (REP, RPL, EXP, INN),
 * per (stream, type) 12 at s·4 + k, per barrier 5 (FW, IMG, PUR, ITC, EXR).
 */
export const RATE_COUNT = 3;

export const HORIZON = 0;
export const DISCOUNT_RATE = 1;
export const RUN_RATE_TERMINAL_VALUE = 2;
export const WALLET_MEDIAN = 3;
export const WALLET_SIGMA = 4;
export const BARRIER_JITTER = 5;
export const BARRIER_CORRELATION = 6;
export const INITIAL_RELATIONSHIP = 7;
export const DEAL_VALUE_SIGMA = 8;
export const ANNUITY_MONTHS = 9;
export const PULL_THROUGH_MONTHS = 10;
export const CAPACITY = 11;
export const STRATEGY_COUNT = 12;

export const VISIBILITY_WALLS = 13;
export const VISIBILITY_IT_CONTROL = 14;
export const VISIBILITY_EXECUTIVE = 15;
export const EARLY_IMAGE = 16;
export const EARLY_RELATIONSHIP = 17;
export const EARLY_RELATIONSHIP_CAP = 18;
export const EARLY_PULL_THROUGH = 19;
export const EARLY_MAX = 20;
export const WIN_COMPETENCY_EXPONENT = 21;
export const WIN_IMAGE = 22;
export const WIN_EXECUTIVE = 23;
export const WIN_PULL_THROUGH = 24;
export const WIN_WALL_PENALTY = 25;
export const WIN_PRODUCT_MODE = 26;
export const WIN_LATE_ENTRY = 27;
export const WIN_MAX = 28;
export const CYCLE_WALLS = 29;
export const CYCLE_PURCHASING_DELAY = 30;
export const DISCOUNT_NOISE = 31;
export const DISCOUNT_MAX = 32;
export const FAILURE_SCALE = 33;
export const FAILURE_MARGIN_LOSS = 34;
export const FAILURE_IMAGE_HIT = 35;
export const FAILURE_RELATIONSHIP_LOSS = 36;
export const RELATIONSHIP_DEAL_CAP = 37;
export const RELATIONSHIP_DECAY = 38;
export const IMAGE_REPAIR = 39;
export const IMAGE_DEAL_CAP = 40;
export const IMAGE_DRIFT = 41;
export const CHURN_BASE = 42;
export const CHURN_PURCHASING = 43;
export const CHURN_MULTI_STREAM = 44;
export const MIGRATION_TRAP_THRESHOLD = 45;
export const MIGRATION_RELATIONSHIP = 46;
export const MIGRATION_RELATIONSHIP_CAP = 47;
export const MIGRATION_WALLS = 48;
export const MIGRATION_IMAGE = 49;
export const MIGRATION_TRAP_FACTOR = 50;
export const DOWN_TO_MID_BASE = 51;
export const DOWN_TO_MID_IT_CONTROL = 52;
export const MID_TO_UP_BASE = 53;
export const MID_TO_UP_IT_CONTROL = 54;
export const MID_TO_UP_EXECUTIVE = 55;

export const BARRIER_LEVELS = 56; // 5
export const WALLET_SHARE = 61; // 3
export const OPPORTUNITY_MIX = 64; // 12
export const DEAL_SIZE = 76; // 12
export const VISIBILITY_BASE = 88; // 3
export const EARLY_ENTRY_BASE = 91; // 3
export const GROSS_MARGIN = 94; // 3
export const BASE_DISCOUNT = 97; // 3
export const PURCHASING_DISCOUNT = 100; // 3
export const COVERAGE_COST = 103; // 3
export const PURSUIT_COST = 106; // 3
export const RELATIONSHIP_GAIN = 109; // 3
export const ANNUITY_RATE = 112; // 3
export const ANNUITY_MARGIN = 115; // 3
export const FTE = 118; // 3
export const COMPETENCY_RATIO = 121; // 3
export const BASE_WIN_PROBABILITY = 124; // 4
export const MEAN_CYCLE_MONTHS = 128; // 4
export const STAGES = 132; // 4
export const WALL_DECISION_MAKERS = 136; // 4
export const VALUATION_RATES = 140; // 3
export const FIXED_LENGTH = 143;

// One strategy, at its offset: the opening rule per stream (0 start, 1 migrate, 2 never), ramp, K, product mode per stream (0/1).
export const STRATEGY_OPEN = 0; // 3
export const STRATEGY_RAMP_MONTHS = 3;
export const STRATEGY_BUILD_COST = 4;
export const STRATEGY_PRODUCT_MODE = 5; // 3
export const STRATEGY_STRIDE = 8;
