/**
 * The report of real (small) sweeps, one and two parameters: the chart's
 * spec, SVG and PNG plus report.html, rendered without a warning, the chart
 * fed the sweep's points (a few hundred rows at most).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.ts';
import { buildSweepReportFiles } from '../../src/report/build-sweep-report-files.ts';
import { runSweep } from '../../src/pipeline/run-sweep.ts';
import { parseVary } from '../../src/scenario/sweep-parameter.ts';
import { decodePng } from './decode-png.ts';
import { rowCount } from './spec-rows.ts';

const SWEEP_TRIALS = 500;

describe('buildSweepReportFiles', async () => {
  const loaded = loadScenario('scenarios/hp-cso.yaml');
  const scenario = { ...loaded.scenario, trials: SWEEP_TRIALS };
  const line = await runSweep(scenario, [parseVary('account.barriers.functionalWalls=0:1:0.2')], { workers: 2 });
  const map = await runSweep(scenario, [parseVary('account.barriers.functionalWalls=0:0.9:0.3'), parseVary('resources.capacity=5:9:2')], { workers: 2 });
  const warnings: string[] = [];
  const build = (result: typeof line) => buildSweepReportFiles({ scenario, scenarioText: loaded.text, result, version: '0.1.0', onWarning: (w) => warnings.push(w) });
  const outputs = { line: await build(line), map: await build(map) };

  it.each([
    ['line', 'sweep-line'],
    ['map', 'sweep-map'],
  ] as const)('a %s sweep writes its chart as vega-lite JSON, SVG and PNG, then report.html', (kind, chart) => {
    const files = outputs[kind];
    expect(files.map((f) => f.path)).toEqual([`charts/${chart}.vl.json`, `charts/${chart}.svg`, `charts/${chart}.png`, 'report.html', 'deck.pptx']);
    const spec = JSON.parse(files[0]!.content as string);
    expect(rowCount(spec)).toBeGreaterThan(0);
    expect(rowCount(spec)).toBeLessThanOrEqual(500);
    const svg = files[1]!.content as string;
    expect(decodePng(files[2]!.content as Uint8Array).width).toBe(2 * Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]));
    const html = files[3]!.content as string;
    expect(html).toContain(`id="chart-${chart}"`);
    expect(html).toContain('<dd>hp-cso</dd>');
    expect(html).toContain('<dd>500</dd>');
    expect(html).toContain('name: hp-cso');
  });

  it('renders without a warning', () => {
    expect(warnings).toEqual([]);
  });

  it('marks the scenario\'s own point in the table of points', () => {
    expect(outputs.line[3]!.content).toContain('<tr class="base"><td>0.6</td>');
    expect(outputs.map[3]!.content).toContain('<tr class="base"><td>0.6</td><td>7</td>');
  });
});
