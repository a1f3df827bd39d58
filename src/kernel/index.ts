/**
 * The kernel's exports. The engine (src/engine/wasm-kernel.ts) allocates one
 * parameter block per parameter set and one outcome per plan, sets the run's
 * generator key, then per trial generates the world once and plays each plan
 * (and each variant's pair) on it.
 */
import { runPolicy } from './run-policy';
import { FIXED_LENGTH, HORIZON, RATE_COUNT, STRATEGY_STRIDE } from './parameter-layout';
import * as world from './world';
import { normalFromUniform } from './sampling';
import * as fdlibm from './fdlibm';
import { philoxBlocks4 } from './philox';
import { exp2, normalFromUniform2 } from './vector-math';

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

/** The kernel's own exp and log (fdlibm.ts), for the engine's check against this JavaScript's Math.exp and Math.log. */
export function expOf(x: f64): f64 {
  return fdlibm.exp(x);
}
export function logOf(x: f64): f64 {
  return fdlibm.log(x);
}

/** Four blocks through philoxBlocks4 (lanes: c1 = c1 + b, c2, c3 = b), lane-major at `out`, for the test against the reference's philox4x32. */
export function philoxCheck(c0: u32, c1: u32, c2: u32, k0: u32, k1: u32, out: usize): void {
  philoxBlocks4(c0, i32x4(<i32>c1, <i32>(c1 + 1), <i32>(c1 + 2), <i32>(c1 + 3)), i32x4.splat(<i32>c2), i32x4(0, 1, 2, 3), k0, k1, out);
}

/** normalFromUniform2 and exp2 of the lanes (a, b), written as four f64 at `out` (normal a, normal b, exp a, exp b), for the test against the scalar functions. */
export function lanesCheck(a: f64, b: f64, out: usize): void {
  const lanes = f64x2.replace_lane(f64x2.splat(a), 1, b);
  v128.store(out, normalFromUniform2(lanes));
  v128.store(out, exp2(lanes), 16);
}

/** The kernel's own normalFromUniform (sampling.ts), for the same test. */
export function normalOf(u: f64): f64 {
  return normalFromUniform(u);
}
