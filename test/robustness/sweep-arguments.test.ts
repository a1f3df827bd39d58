/**
 * Sweep arguments that used to run unbounded or fail late: each ends in one
 * ✖ line naming --vary and exit 2 before anything runs, and the sweep that
 * drew a 2.6 GB chart now draws an ordinary one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expansim, workspace } from './cli-process.ts';
import { HP, sweepInProcess } from './sweep-in-process.ts';

async function refused(vary: readonly string[]): Promise<string> {
  const out = join(workspace(), 'out');
  const result = await sweepInProcess(vary, out);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^✖ --vary/);
  expect(existsSync(out)).toBe(false);
  return lines[0]!;
}

describe('sweep arguments', () => {
  it('refuse run settings, naming the model inputs', async () => {
    expect(await refused(['trials=1,2'])).toMatchInlineSnapshot(`"✖ --vary trials is not a model input (it sets how many accounts are simulated); sweep one of horizonMonths, discountRate, account.*, resources.*, strategies.* or model.*"`);
    expect(await refused(['seed=1,2'])).toMatch(/^✖ --vary seed is not a model input/);
  });

  it('refuse empty values, naming the flag and the value', async () => {
    expect(await refused(['resources.capacity='])).toMatchInlineSnapshot(`"✖ --vary resources.capacity=: no values after '='; give from:to:step or v1,v2,…"`);
    expect(await refused(['resources.capacity=0,,1'])).toMatchInlineSnapshot(`"✖ --vary resources.capacity=0,,1: value 2 of 3 is empty"`);
  });

  it('refuse more than 441 points and the same parameter twice (exit 2, not an internal failure)', async () => {
    expect(await refused(['resources.capacity=1:22:1', 'discountRate=0:0.2:0.01'])).toMatchInlineSnapshot(`"✖ --vary: the grid has 22 × 21 = 462 points; at most 441"`);
    expect(await refused(['resources.capacity=5,6', 'resources.capacity=7'])).toMatchInlineSnapshot(`"✖ --vary: resources.capacity is varied twice; vary two different values, or give all the values in one"`);
    expect(await refused(['resources.capacity=5,6', 'discountRate=0.1', 'horizonMonths=12'])).toMatch(/once or twice/);
  });

  it('hold every point to the memory guard before anything runs', async () => {
    expect(await refused(['model.streams.downstream.dealSize.repurchase=0.5,1e-9'])).toMatch(
      /^✖ --vary model\.streams\.downstream\.dealSize\.repurchase=1e-9: the wallet and deal sizes imply about [\d,]+ opportunities in one account's world/,
    );
  });

  it('say which point is not a valid scenario', async () => {
    const out = join(workspace(), 'out');
    const result = await sweepInProcess(['discountRate=0.1,3'], out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "✖ --vary discountRate=3: must be between 0 and 1 (got 3)
      "
    `);
    expect(existsSync(out)).toBe(false);
    const map = await sweepInProcess(['account.barriers.functionalWalls=0.5', 'model.streams.upstream.walletShare=0.9,0.95'], out);
    expect(map.code).toBe(2);
    expect(map.stderr).toMatchInlineSnapshot(`
      "✖ --vary account.barriers.functionalWalls=0.5 model.streams.upstream.walletShare=0.9 model.streams: walletShare of downstream, midstream and upstream must sum to 1 (got 1.6)
      "
    `);
  });
});

describe('sweep arguments, as a subprocess', () => {
  it('exit 2 with one line and no stack trace', () => {
    const cwd = workspace();
    for (const [vary, message] of [
      ['trials=1,2', /^✖ --vary trials is not a model input/],
      ['model.streams.downstream.dealSize.repurchase=1e-9', /^✖ --vary model\.streams\.downstream\.dealSize\.repurchase=1e-9: the wallet/],
    ] as const) {
      const result = expansim(['sweep', HP, '--vary', vary, '-n', '10', '--no-charts'], cwd);
      expect(result.code, vary).toBe(2);
      expect(result.stderr.trimEnd().split('\n'), vary).toHaveLength(1);
      expect(result.stderr, vary).toMatch(message);
      expect(existsSync(join(cwd, 'output')), vary).toBe(false);
    }
  });

  it('draw an ordinary chart when the scenario value is far outside the swept range', () => {
    const cwd = workspace();
    const result = expansim(['sweep', HP, '--vary', 'resources.capacity=1,1.01', '-n', '20', '--workers', '1', '--quiet'], cwd);
    // Both points are understaffed, and the sweep says so once.
    expect(result.stderr).toMatch(/^warning: 2 of 2 sweep points give a plan less capacity than its streams need, [^\n]*\n$/);
    expect(result.code).toBe(0);
    const png = readFileSync(join(cwd, 'output/hp-cso-sweep/charts/sweep-line.png'));
    // PNG header: width and height, big-endian, at bytes 16 and 20 (2× the SVG).
    expect(png.readUInt32BE(16)).toBeLessThanOrEqual(2 * 1200);
    expect(png.readUInt32BE(20)).toBeLessThanOrEqual(2 * 1000);
    expect(png.length).toBeLessThan(2_000_000);
  });
});
