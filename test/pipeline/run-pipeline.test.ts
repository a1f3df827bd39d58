/** The pipeline of a run: its steps in order, the folder it writes, and its list of analyses. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseRun, RUN_ANALYSES } from '../../src/pipeline/analyse-run.ts';
import { compileRun } from '../../src/pipeline/compile-run.ts';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { runScenario } from '../../src/pipeline/run-scenario.ts';
import { simulateRun } from '../../src/pipeline/simulate-run.ts';
import { formatSummaryJson } from '../../src/report/run-record.ts';
import { scenarioFrom } from '../helpers.ts';

const TEXT = 'name: pipeline\ntrials: 300\nseed: 11\n';
const scenario = scenarioFrom(TEXT);
const outputs = (target: string) => ({ target, targetOptions: { explicitOut: true }, scenarioFile: 'pipeline.yaml', scenarioText: TEXT, charts: false });

describe('runPipeline', () => {
  it('runs its steps in order, each after a checkpoint, and writes the summary the library computes', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'expansim-pipeline-')), 'out');
    const steps: string[] = [];
    let trialsDoneAt = -1;
    const compiled = compileRun(scenario, { ablationTrials: 100 });
    await runPipeline(compiled, outputs(target), { checkpoint: async (step) => void steps.push(step), onTrialsDone: () => (trialsDoneAt = steps.length), workers: 1 });
    expect(steps).toEqual(['trials', 'summary', 'write', 'commit']);
    expect(trialsDoneAt).toBe(1);
    const { summary } = await runScenario(scenario, { workers: 1, ablationTrials: 100 });
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe(formatSummaryJson(summary));
    expect(JSON.parse(readFileSync(join(target, 'run.json'), 'utf8')).analysis).toEqual({ trials: 300, ablate: true, ablationTrials: 100, ablationHigh: 0.9, precision: null, switchovers: true });
    expect(readFileSync(join(target, 'scenario.yaml'), 'utf8')).toBe(TEXT);
  });

  it('writes nothing when a checkpoint cancels the run before the write', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'expansim-pipeline-')), 'out');
    const cancel = async (step: string) => {
      if (step === 'write') throw new Error('cancelled');
    };
    await expect(runPipeline(compileRun(scenario, { ablate: false }), outputs(target), { checkpoint: cancel, workers: 1 })).rejects.toThrow('cancelled');
    expect(existsSync(target)).toBe(false);
  });
});

describe('RUN_ANALYSES', () => {
  it('fill the summary in their order, and one more analysis is one more entry', async () => {
    const { compiled, table, summary } = await runScenario(scenario, { workers: 1, ablationTrials: 100 });
    expect(RUN_ANALYSES.map((analysis) => analysis.name)).toEqual(['dominance', 'path classes', 'robustness', 'barrier ablation', 'precision']);
    const keys = Object.keys(summary);
    expect(keys.slice(keys.indexOf('dominance'))).toEqual(['dominance', 'pathClasses', 'robustness', 'ablation']);
    const extended = analyseRun({ compiled, table }, [...RUN_ANALYSES, { name: 'count', addTo: (s) => Object.assign(s, { counted: s.trials }) }]);
    expect(Object.keys(extended)).toEqual([...keys, 'counted']);
    expect(formatSummaryJson({ ...extended, counted: undefined } as typeof summary)).toBe(formatSummaryJson(summary));
  });
});

describe('the switchovers step', () => {
  it('is skipped when the run asks so, and the summary says why', async () => {
    // 5,000 trials is the smallest run that plays them; a short horizon keeps it quick.
    const long = scenarioFrom('name: switch\ntrials: 5000\nhorizonMonths: 12\n');
    const steps: string[] = [];
    const checkpoint = async (step: string) => void steps.push(step);
    const off = await simulateRun(compileRun(long, { switchovers: false, ablationTrials: 50 }), { workers: 1 }, { checkpoint });
    expect(off.switchovers).toBeNull();
    expect(steps).toEqual([]);
    const summary = analyseRun({ compiled: off.compiled, table: off.table, switchovers: off.switchovers });
    expect(summary.notes['robustness.switchovers']).toMatch(/^not run/);
  });
});
