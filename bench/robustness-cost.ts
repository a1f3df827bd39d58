/**
 * What the robustness analyses cost a default run (issue 15): the default
 * scenario run in this process (default workers) with all analyses and
 * without the switchovers: wall time, and CPU time of the process, worker
 * threads included (process.cpuUsage: steadier than wall time on a loaded
 * machine), medians over rounds, with the switchovers' policy runs. Given another checkout (`npx tsx
 * bench/robustness-cost.ts /path/to/before [rounds]`), runs its pipeline the
 * same way, interleaved with this one's, and prints the ratios of the two.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { medianOf } from './timing.ts';

interface Pipeline {
  run: (switchovers: boolean) => Promise<{ cpuMs: number; wallMs: number; policyRuns: number | null }>;
}

async function loadPipeline(root: string): Promise<Pipeline> {
  const load = (path: string) => import(pathToFileURL(join(root, path)).href) as Promise<Record<string, unknown>>;
  const [scenarioModule, runModule] = await Promise.all([load('src/scenario/load-scenario.ts'), load('src/pipeline/run-scenario.ts')]);
  const loadScenario = scenarioModule.loadScenario as (path: string) => { scenario: unknown };
  const runScenario = runModule.runScenario as (scenario: unknown, options: object) => Promise<{ summary: { robustness: { switchovers: { policyRuns: number } | null } } }>;
  const { scenario } = loadScenario(join(root, 'scenarios/hp-cso.yaml'));
  return {
    run: async (switchovers) => {
      const before = process.cpuUsage();
      const start = performance.now();
      const { summary } = await runScenario(scenario, { switchovers });
      const wallMs = performance.now() - start;
      const used = process.cpuUsage(before);
      return { cpuMs: (used.user + used.system) / 1000, wallMs, policyRuns: summary.robustness.switchovers?.policyRuns ?? null };
    },
  };
}

const median = medianOf;

const beforeRoot = process.argv[2] && !/^\d+$/.test(process.argv[2]) ? resolve(process.argv[2]) : null;
const rounds = Number(process.argv.find((arg, i) => i >= 2 && /^\d+$/.test(arg)) ?? 3);
const checkouts: [string, Pipeline][] = [['now', await loadPipeline(resolve(import.meta.dirname, '..'))]];
if (beforeRoot) checkouts.unshift(['before', await loadPipeline(beforeRoot)]);
const samples = new Map<string, number[]>();
const walls = new Map<string, number[]>();
const policyRuns = new Map<string, number>();
for (let round = 0; round < rounds; round++) {
  for (const [name, pipeline] of round % 2 === 0 ? checkouts : [...checkouts].reverse()) {
    for (const switchovers of [true, false]) {
      const key = `${name}, ${switchovers ? 'all analyses' : 'no switchovers'}`;
      const { cpuMs, wallMs, policyRuns: runs } = await pipeline.run(switchovers);
      samples.set(key, [...(samples.get(key) ?? []), cpuMs]);
      walls.set(key, [...(walls.get(key) ?? []), wallMs]);
      if (runs !== null) policyRuns.set(name, runs);
      process.stdout.write(`  round ${round + 1}/${rounds} ${key}: ${(cpuMs / 1000).toFixed(2)} s CPU, ${(wallMs / 1000).toFixed(2)} s wall\n`);
    }
  }
}
const seconds = (values: number[]) => `${(median(values) / 1000).toFixed(2)} s (${values.map((v) => (v / 1000).toFixed(2)).join(', ')})`;
process.stdout.write('\nhp-cso default run in this process, medians: CPU time of the process | wall time\n');
for (const [key, values] of samples) process.stdout.write(`  ${key.padEnd(28)} ${seconds(values)} | ${seconds(walls.get(key)!)}\n`);
const ratio = (x: string, y: string) => `${(median(samples.get(x)!) / median(samples.get(y)!)).toFixed(2)}× CPU, ${(median(walls.get(x)!) / median(walls.get(y)!)).toFixed(2)}× wall`;
for (const [name] of checkouts) {
  process.stdout.write(`  ${name}: all analyses / no switchovers = ${ratio(`${name}, all analyses`, `${name}, no switchovers`)}; switchover policy runs ${policyRuns.get(name)?.toLocaleString('en-US')}\n`);
}
if (beforeRoot) {
  process.stdout.write(`  now all analyses / before all analyses = ${ratio('now, all analyses', 'before, all analyses')}\n`);
  process.stdout.write(`  now all analyses / before without switchovers = ${ratio('now, all analyses', 'before, no switchovers')}\n`);
}
