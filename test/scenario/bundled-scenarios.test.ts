/** Every file in scenarios/ parses, describes itself, and runs with a small trial count. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.ts';
import { runScenario } from '../../src/pipeline/run-scenario.ts';

const files = readdirSync('scenarios').filter((file) => /\.(ya?ml|json)$/.test(file));

describe('bundled scenarios', () => {
  it('include the default and the issue list', () => {
    for (const name of ['hp-cso', 'low-barriers', 'high-barriers', 'repurchase', 'replacement', 'expansion', 'innovation', 'under-resourced-ato']) {
      expect(files).toContain(`${name}.yaml`);
    }
  });

  it.each(files)('%s validates and runs', async (file) => {
    const { scenario } = loadScenario(`scenarios/${file}`);
    expect(scenario.description.length).toBeGreaterThan(80);
    expect(`${scenario.name}.yaml`).toBe(file);
    const { summary } = await runScenario({ ...scenario, trials: 200 }, { workers: 1 });
    expect(Number.isFinite(summary.comparison.npvDiff.mean)).toBe(true);
    expect(JSON.stringify(summary)).not.toMatch(/NaN|Infinity/);
  });
});
