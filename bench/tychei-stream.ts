/**
 * v1's generator, kept for the bench's comparison (generator-bench.ts): each
 * trial's sequential Tyche-i stream, seeded from (scenario seed, trial index).
 * The engine now reads keyed uniforms (src/engine/keyed-uniform.ts).
 */
import seedrandom from 'seedrandom';

/** A source of uniforms in [0, 1). */
export type UniformSource = () => number;

/**
 * The algorithm behind every world: seedrandom's Tyche-i (`tychei`), which
 * seeds in under a microsecond and draws far faster than seedrandom's default
 * ARC4 (`npm run bench` measures both).
 */
export const GENERATOR = 'tychei';

/** The seed string of one trial's stream. */
export function trialSeed(seed: number, trial: number): string {
  return `expansim:${seed}:${trial}`;
}

/** seedrandom's own Tyche-i stream of one trial (the reference for TrialRandom). */
export function createSeedrandomStream(seed: number, trial: number): UniformSource {
  return seedrandom.tychei(trialSeed(seed, trial));
}

/**
 * One trial's uniforms: seedrandom's Tyche-i, seeded by seedrandom itself,
 * with its step written out on plain fields so the engine's hot loops can
 * inline it. It yields exactly the numbers `seedrandom.tychei(seed)()` yields
 * (a test compares them), 32-bit uniforms in [0, 1).
 */
export class TrialRandom {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number, trial: number) {
    this.reseed(seed, trial);
  }

  /** Restarts the stream at trial `trial` of `seed`. */
  reseed(seed: number, trial: number): void {
    const prng = seedrandom.tychei(trialSeed(seed, trial), { state: true }) as seedrandom.PRNG & { state(): { a: number; b: number; c: number; d: number } };
    const state = prng.state();
    this.a = state.a;
    this.b = state.b;
    this.c = state.c;
    this.d = state.d;
  }

  /** The next uniform in [0, 1) (Tyche-i step, as in seedrandom's lib/tychei.js). */
  next(): number {
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let a = this.a;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    this.b = b = (b << 20) ^ (b >>> 12) ^ c;
    this.c = c = (c - d) | 0;
    this.d = (d << 16) ^ (c >>> 16) ^ a;
    this.a = a = (a - b) | 0;
    return (a >>> 0) / 0x100000000;
  }
}
