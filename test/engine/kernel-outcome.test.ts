/**
 * The outcome layout the host reads (src/engine/kernel-outcome.ts against
 * src/kernel/outcome-layout.ts): every field of a TrialOutcome comes from
 * the kernel's memory, with its length, and every slot of the layout is read
 * by exactly one field, so a forgotten field or two fields on one slot fail here.
 */
import { describe, expect, it } from 'vitest';
import * as O from '../../src/kernel/outcome-layout.ts';
import { copyScalars, outcomeSlot } from '../../src/engine/kernel-outcome.ts';
import { createTrialOutcome } from '../../src/engine/trial-outcome.ts';

const HORIZON = 7;
const MONTHS = 2 * 3;

/** An outcome in memory whose every double is its own slot + 0.25 and every month int32 its index + 1000. */
function sentinelOutcome(): ArrayBuffer {
  const buffer = new ArrayBuffer((O.OUTCOME_FIXED + HORIZON) * 8);
  const doubles = new Float64Array(buffer);
  doubles.forEach((_, slot) => (doubles[slot] = slot + 0.25));
  new Int32Array(buffer, O.MONTHS_BYTE, MONTHS).forEach((_, i, months) => (months[i] = 1000 + i));
  return buffer;
}

describe('the kernel outcome layout, as the host reads it', () => {
  it('reads every TrialOutcome field from its own slots, and every slot once', () => {
    const outcome = copyScalars(outcomeSlot(sentinelOutcome(), 0, HORIZON));
    const shape = createTrialOutcome(HORIZON);
    const doubles: number[] = [];
    const months: number[] = [];
    for (const [field, value] of Object.entries(outcome)) {
      const expected = shape[field as keyof typeof shape];
      if (typeof value === 'number') doubles.push(value);
      else if (value instanceof Int32Array) months.push(...value);
      else doubles.push(...(value as Float64Array));
      expect(typeof value === 'number' ? 1 : (value as ArrayLike<number>).length, field).toBe(typeof expected === 'number' ? 1 : (expected as ArrayLike<number>).length);
      expect(value.constructor, field).toBe(expected.constructor);
    }
    expect(Object.keys(outcome).sort()).toEqual(Object.keys(shape).sort());
    // The month int32s fill whole double slots, between the fixed doubles and the cash path.
    expect(O.MONTHS_BYTE % 8).toBe(0);
    const monthSlots = new Set(Array.from({ length: (MONTHS * 4) / 8 }, (_, i) => O.MONTHS_BYTE / 8 + i));
    const slots = Array.from({ length: O.OUTCOME_FIXED + HORIZON }, (_, slot) => slot).filter((slot) => !monthSlots.has(slot));
    expect(doubles.map((value) => value - 0.25).sort((a, b) => a - b)).toEqual(slots);
    expect(months.sort((a, b) => a - b)).toEqual(Array.from({ length: MONTHS }, (_, i) => 1000 + i));
    expect(O.CUMULATIVE_CASH).toBe(O.OUTCOME_FIXED);
  });
});
