/**
 * exp, log, pow and sin from the host (the engine passes JavaScript's
 * Math.exp, Math.log, Math.pow and Math.sin), so the kernel's transcendental
 * functions are bit for bit the reference's, and with them every figure
 * (+, −, ×, ÷, sqrt, floor, min and max are exact in both). V8 recognises
 * these imports and calls its own implementations directly, without a
 * JavaScript call.
 */
@external("env", "exp") export declare function exp(x: f64): f64;
@external("env", "log") export declare function log(x: f64): f64;
@external("env", "pow") export declare function pow(x: f64, y: f64): f64;
@external("env", "sin") export declare function sin(x: f64): f64;
