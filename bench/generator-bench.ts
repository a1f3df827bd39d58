/**
 * The bench's generator comparison: nanoseconds per uniform for today's
 * sequential Tyche-i stream and for keyed (counter-based) candidates, each
 * drawn the way the engine would draw it. "One per block" computes a whole
 * block for every uniform (the lazy worst case: an unseen opportunity costs
 * one visibility uniform); "four per block" uses every word (decisions of one
 * opportunity read together). pcg4d (Jarzynski & Olano, "Hash functions for
 * GPU rendering", JCGT 2020) is the cheap hash-style alternative.
 */
import { philox4x32 } from '../src/engine/philox.ts';
import { TrialRandom } from './tychei-stream.ts';
import { KeyedUniforms } from '../src/engine/keyed-uniform.ts';
import { timing } from './timing.ts';

export interface GeneratorTiming {
  name: string;
  nsPerUniform: { median: number; min: number; max: number; runs: number };
}

const DRAWS = 2_000_000;
const TO_UNIT = 2 ** -32;
const pcgOut = new Uint32Array(4);

/** pcg4d over (x, y, z, w): an LCG step, two rounds of cross-multiplication, one xorshift. */
function pcg4d(x: number, y: number, z: number, w: number, out: Uint32Array): void {
  x = (Math.imul(x, 1664525) + 1013904223) | 0;
  y = (Math.imul(y, 1664525) + 1013904223) | 0;
  z = (Math.imul(z, 1664525) + 1013904223) | 0;
  w = (Math.imul(w, 1664525) + 1013904223) | 0;
  x = (x + Math.imul(y, w)) | 0;
  y = (y + Math.imul(z, x)) | 0;
  z = (z + Math.imul(x, y)) | 0;
  w = (w + Math.imul(y, z)) | 0;
  x ^= x >>> 16;
  y ^= y >>> 16;
  z ^= z >>> 16;
  w ^= w >>> 16;
  x = (x + Math.imul(y, w)) | 0;
  y = (y + Math.imul(z, x)) | 0;
  z = (z + Math.imul(x, y)) | 0;
  w = (w + Math.imul(y, z)) | 0;
  out[0] = x;
  out[1] = y;
  out[2] = z;
  out[3] = w;
}

const block = new Uint32Array(4);

const candidates: { name: string; draw: (draws: number) => number }[] = [
  {
    name: 'Tyche-i stream (today, sequential)',
    draw(draws) {
      const random = new TrialRandom(1, 0);
      let sum = 0;
      for (let i = 0; i < draws; i++) sum += random.next();
      return sum;
    },
  },
  ...[10, 7].flatMap((rounds) => [
    {
      name: `Philox4x32-${rounds}, one uniform per block`,
      draw(draws: number) {
        let sum = 0;
        for (let i = 0; i < draws; i++) {
          philox4x32(i & 1023, 0x00480102, i >>> 10, 0, 0x12345678, 0x9abcdef0, block, rounds);
          sum += (block[0] ?? 0) * TO_UNIT;
        }
        return sum;
      },
    },
    {
      name: `Philox4x32-${rounds}, four uniforms per block`,
      draw(draws: number) {
        let sum = 0;
        for (let i = 0; i < draws; i += 4) {
          philox4x32(i & 1023, 0x00480102, i >>> 10, 0, 0x12345678, 0x9abcdef0, block, rounds);
          sum += ((block[0] ?? 0) + (block[1] ?? 0) + (block[2] ?? 0) + (block[3] ?? 0)) * TO_UNIT;
        }
        return sum;
      },
    },
  ]),
  {
    name: 'KeyedUniforms (Philox4x32-10, cached block), decisions 0–12 of each opportunity',
    draw(draws) {
      const uniforms = new KeyedUniforms({ k0: 0x12345678, k1: 0x9abcdef0 });
      let sum = 0;
      for (let i = 0; i < draws; i++) {
        const opportunity = (i / 13) | 0;
        sum += uniforms.uniform(opportunity & 1023, 12, 1, 2, opportunity >>> 10, i % 13);
      }
      return sum;
    },
  },
  {
    name: 'pcg4d, one uniform per block',
    draw(draws) {
      let sum = 0;
      for (let i = 0; i < draws; i++) {
        pcg4d(i & 1023, 0x00480102, i >>> 10, 0x12345678, pcgOut);
        sum += ((pcgOut[0] ?? 0) >>> 0) * TO_UNIT;
      }
      return sum;
    },
  },
];

/** Medians of `runs` timed rounds of DRAWS uniforms per candidate, rounds interleaved so load shifts hit all alike. */
export function generatorTimings(runs = 7): GeneratorTiming[] {
  for (const candidate of candidates) candidate.draw(DRAWS / 10);
  const samples = candidates.map(() => [] as number[]);
  let checksum = 0;
  for (let run = 0; run < runs; run++) {
    candidates.forEach((candidate, index) => {
      const start = performance.now();
      checksum += candidate.draw(DRAWS);
      samples[index]?.push(((performance.now() - start) * 1e6) / DRAWS);
    });
  }
  if (!Number.isFinite(checksum)) throw new Error('generator bench: a candidate drew a non-finite uniform');
  return candidates.map((candidate, index) => ({ name: candidate.name, nsPerUniform: timing(samples[index] ?? []) }));
}

const isEntry = process.argv[1]?.endsWith('generator-bench.ts');
if (isEntry) {
  for (const { name, nsPerUniform } of generatorTimings()) {
    process.stdout.write(`  ${nsPerUniform.median.toFixed(1).padStart(6)} ns/uniform (${nsPerUniform.min.toFixed(1)}–${nsPerUniform.max.toFixed(1)})  ${name}\n`);
  }
}
