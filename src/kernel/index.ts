/**
 * The kernel's exports. The engine (src/engine/wasm-kernel.ts) allocates one
 * parameter block per parameter set and one outcome per plan, sets the run's
 * generator key, then per trial generates the world once and plays each plan
 * (and each variant's pair) on it.
 */
import { runPolicy } from './run-policy';
import { FIXED_LENGTH, HORIZON, RATE_COUNT, STRATEGY_STRIDE } from './parameter-layout';
import * as world from './world';

/** `bytes` of zeroed kernel memory, 8-byte aligned, never freed (parameter blocks and outcomes live for the run). */
export function allocate(bytes: usize): usize {
  const pointer = heap.alloc(bytes);
  memory.fill(pointer, 0, bytes);
  return pointer;
}

export function setKey(k0: u32, k1: u32): void {
  world.keyWord0 = k0;
  world.keyWord1 = k1;
}

/** Generates trial `trial`'s world from the arrival parameters at `parameters`; 1 when it would exceed the size limit. */
export function generate(parameters: usize, trial: u32): i32 {
  return world.generateWorld(parameters, trial);
}

/** Plays strategy `strategy` of the parameter set at `parameters` on the current world, writing its outcome at `outcome`. */
export function play(parameters: usize, strategy: i32, outcome: usize): void {
  const horizon = <i32>load<f64>(parameters + (<usize>HORIZON << 3));
  const offset = FIXED_LENGTH + (1 + RATE_COUNT) * horizon + strategy * STRATEGY_STRIDE;
  runPolicy(parameters, parameters + (<usize>offset << 3), outcome);
}

export function wallet(): f64 {
  return world.wallet;
}

export function barrierCommonNormal(): f64 {
  return world.barrierCommonNormal;
}

/** Address of the account's five barrier normals. */
export function barrierNormals(): usize {
  return world.barrierNormals;
}

