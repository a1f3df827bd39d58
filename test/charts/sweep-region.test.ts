import { describe, expect, it } from 'vitest';
import { oneSidedRegion, sweepRegionText } from '../../src/charts/sweep-region.ts';
import { buildSweepMapSpec, cellEdges, contourToFrame } from '../../src/charts/build-sweep-map-spec.ts';
import { SWEEP_MAP } from './sweep-fixtures.ts';

describe('oneSidedRegion', () => {
  it('finds one interpolated crossing and its side, or says everywhere, nowhere, or no simple shape', () => {
    // Crossing between 5 (−4.4) and 7 (+1.2): 5 + 2 × 4.4 / 5.6.
    expect(oneSidedRegion([5, 7, 9], [-4.4, 1.2, 1.2])).toEqual({ side: 'above', at: 5 + (2 * 4.4) / 5.6 });
    expect(oneSidedRegion([0, 0.5, 1], [1.2, 0.1, -0.4])).toEqual({ side: 'below', at: 0.5 + (0.5 * 0.1) / 0.5 });
    expect(oneSidedRegion([0, 1], [1, 2])).toBe('everywhere');
    expect(oneSidedRegion([0, 1], [-1, 0])).toBe('nowhere');
    expect(oneSidedRegion([0, 1, 2], [1, -1, 1])).toBeNull();
  });
});

describe('sweepRegionText', () => {
  it('names the whole grid when one side leads everywhere', () => {
    const all = { ...SWEEP_MAP, points: SWEEP_MAP.points.map((p) => ({ ...p, diff: { ...p.diff, mean: 2 } })) };
    expect(sweepRegionText(all)).toBe('ATO leads across the whole grid');
  });
});

describe('the break-even contour', () => {
  it('is carried from the outermost cell centres out to the frame, so it closes the region', () => {
    const xs = [0, 0.5, 1];
    const ys = [5, 7, 9];
    const extra = contourToFrame(
      [
        { x: 0, y: 6.58, x2: 0.5, y2: 6.96 },
        { x: 0.6, y: 7, x2: 0.6, y2: 9 },
      ],
      xs,
      ys,
      [cellEdges(xs), cellEdges(ys)],
    );
    expect(extra).toEqual([
      { x: 0, y: 6.58, x2: -0.25, y2: 6.58 },
      { x: 0.6, y: 9, x2: 0.6, y2: 10 },
    ]);
  });
});

describe('the colour scale', () => {
  it('says it is a square-root scale', () => {
    const spec = buildSweepMapSpec(SWEEP_MAP) as { layer: { encoding: { color?: { title: string } } }[] };
    expect(spec.layer[0]!.encoding.color!.title).toBe('ATO − FITD ($M; square-root colour scale)');
  });
});
