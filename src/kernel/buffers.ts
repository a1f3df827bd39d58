/**
 * The kernel's memory: every buffer is allocated from the heap once and
 * grown (never shrunk) when a longer horizon or a larger world needs it, so
 * the trial loop allocates nothing. Pointers are byte addresses.
 */
export const OPP_VALUE = 0;
export const OPP_VISIBILITY_UNIFORM = 1;
export const OPP_EARLY_UNIFORM = 2;
export const OPP_DURATION_FIRST = 3;
/** 1 once the opportunity's duration gamma has been computed (a policy saw it). */
export const OPP_GAMMA_READY = 4;
export const OPP_CYCLE_GAMMA = 5;
export const OPP_DISCOUNT_NORMAL = 6;
export const OPP_STAGE_UNIFORMS = 7; // 5
export const OPP_FAILURE_UNIFORM = 12;
export const OPP_DURATION_SECOND = 13;
export const OPPORTUNITY_STRIDE = 14;
export const OPPORTUNITY_BYTES: usize = OPPORTUNITY_STRIDE * 8;

export const CELLS_PER_MONTH = 12;

/** Grows a buffer of `oldBytes` to at least `newBytes`, keeping its contents. */
export function grow(pointer: usize, oldBytes: usize, newBytes: usize): usize {
  if (newBytes <= oldBytes) return pointer;
  return heap.realloc(pointer, newBytes);
}

@inline export function f64At(base: usize, index: i32): f64 {
  return load<f64>(base + (<usize>index << 3));
}

@inline export function setF64(base: usize, index: i32, value: f64): void {
  store<f64>(base + (<usize>index << 3), value);
}

@inline export function addF64(base: usize, index: i32, value: f64): void {
  const address = base + (<usize>index << 3);
  store<f64>(address, load<f64>(address) + value);
}

@inline export function i32At(base: usize, index: i32): i32 {
  return load<i32>(base + (<usize>index << 2));
}

@inline export function setI32(base: usize, index: i32, value: i32): void {
  store<i32>(base + (<usize>index << 2), value);
}
