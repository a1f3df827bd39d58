import { describe, expect, it } from 'vitest';
import { TrialRandom, createSeedrandomStream } from '../../bench/tychei-stream.ts';

describe('TrialRandom', () => {
  it("yields exactly seedrandom's Tyche-i stream", () => {
    for (const [seed, trial] of [[1, 0], [1, 1], [42, 99_999], [0, 7]] as const) {
      const ours = new TrialRandom(seed, trial);
      const reference = createSeedrandomStream(seed, trial);
      for (let i = 0; i < 10_000; i++) expect(ours.next()).toBe(reference());
    }
  });

  it('gives different streams to different trials and seeds', () => {
    const first = (seed: number, trial: number) => new TrialRandom(seed, trial).next();
    expect(first(1, 0)).not.toBe(first(1, 1));
    expect(first(1, 0)).not.toBe(first(2, 0));
  });

  it('restarts a stream when reseeded', () => {
    const random = new TrialRandom(3, 4);
    const a = [random.next(), random.next()];
    random.reseed(3, 4);
    expect([random.next(), random.next()]).toEqual(a);
  });

  it('draws uniforms in [0, 1) with mean 1/2 over 10,000 draws (tolerance 4 SE = 0.0115)', () => {
    const random = new TrialRandom(5, 5);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = random.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / 10_000));
  });
});
