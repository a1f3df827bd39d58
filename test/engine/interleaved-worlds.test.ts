/** A world owns its generation state: two worlds generated interleaved equal the same worlds generated alone. */
import { describe, expect, it } from 'vitest';
import { createWorld, generateWorld, OPPORTUNITY_STRIDE, type World } from '../../src/engine/world.ts';
import { paramsFrom } from '../helpers.ts';

function contents(world: World) {
  return { wallet: world.wallet, count: world.opportunityCount, opportunities: Array.from(world.opportunities.subarray(0, world.opportunityCount * OPPORTUNITY_STRIDE)), churn: Array.from(world.churnUniforms) };
}

describe('generateWorld', () => {
  it('gives the same worlds interleaved with another scenario as alone', () => {
    const base = paramsFrom('name: a\nhorizonMonths: 24\n');
    const other = paramsFrom('name: b\nhorizonMonths: 24\naccount: { wallet: { median: 80 } }\n');
    const alone = [0, 1, 2].map((trial) => contents(generateWorld(base, 7, trial, createWorld(24))));
    const mine = createWorld(24);
    const theirs = createWorld(24);
    for (let trial = 0; trial < 3; trial++) {
      generateWorld(base, 7, trial, mine);
      generateWorld(other, 9, trial + 100, theirs);
      expect(contents(mine)).toEqual(alone[trial]);
    }
    expect(contents(theirs).wallet).not.toBe(alone[2]!.wallet);
    // Nothing of the generator is shared between worlds (it was module state before).
    expect(mine.blocks).not.toBe(theirs.blocks);
    expect(mine.rates).not.toBe(theirs.rates);
  });
});
