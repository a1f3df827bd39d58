import { describe, expect, it } from 'vitest';
import { staffingWarnings } from '../../src/scenario/staffing-warnings.ts';
import { scenarioFrom } from '../helpers.ts';

describe('staffing warnings', () => {
  it('name each plan whose streams need more FTE than the capacity, with the arithmetic', () => {
    expect(staffingWarnings(scenarioFrom('name: s\nresources: { capacity: 6 }\n'))).toMatchInlineSnapshot(`
      [
        "resources.capacity 6 FTE is less than the 7 FTE ATO's streams need (downstream 2 + midstream 2.5 + upstream 2.5): once they are all open it delivers at 6/7 of the match it needs, and wins and delivers less",
        "resources.capacity 6 FTE is less than the 7 FTE FITD's streams need (downstream 2 + midstream 2.5 + upstream 2.5): once they are all open it delivers at 6/7 of the match it needs, and wins and delivers less",
      ]
    `);
  });

  it('count only the streams a plan can open, say once that capacity 0 wins nothing, and stay quiet when staffed', () => {
    const hold = 'strategies: { ato: {}, fitd: {}, hold: { open: { midstream: never, upstream: never } } }\n';
    expect(staffingWarnings(scenarioFrom(`name: s\nresources: { capacity: 3 }\n${hold}`)).map((w) => w.match(/FTE (\w+)'s/)?.[1])).toEqual(['ATO', 'FITD']);
    expect(staffingWarnings(scenarioFrom('name: s\nresources: { capacity: 0 }\n'))).toEqual([
      'resources.capacity is 0 FTE: no stream is staffed, so no plan can win a deal (every revenue is 0)',
    ]);
    expect(staffingWarnings(scenarioFrom('name: s\n'))).toEqual([]);
    expect(staffingWarnings(scenarioFrom('name: s\nresources: { capacity: 0, fte: { downstream: 0, midstream: 0, upstream: 0 } }\n'))).toEqual([]);
  });
});
