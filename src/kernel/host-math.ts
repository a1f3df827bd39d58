/**
 * pow and sin from the host (the engine passes JavaScript's Math.pow and
 * Math.sin), so the kernel's figures are the reference's bit for bit (+, −,
 * ×, ÷, sqrt, floor, min and max are exact in both, and exp and log are
 * computed as V8 computes them, fdlibm.ts). Both are rare in a trial (a
 * plan's competency factor, the terminal value, logGamma's reflection).
 */
@external("env", "pow") export declare function pow(x: f64, y: f64): f64;
@external("env", "sin") export declare function sin(x: f64): f64;
