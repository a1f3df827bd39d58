/**
 * The README's scale-out examples work as written: the Kubernetes manifests'
 * shell commands run here with JOB_COMPLETION_INDEX set as Kubernetes sets it
 * (only TRIALS, SHARDS and PARTS are turned down), and merge into the summary
 * of a single run, or the portfolio.json of an unsharded portfolio.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Container {
  env: { name: string; value: string }[];
  command: string[];
  args: string[];
}

function jobContainer(file: string): { container: Container; completions?: number } {
  const documents = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS());
  const job = documents.find((d) => d.kind === 'Job');
  return { container: job.spec.template.spec.containers[0], completions: job.spec.completions };
}

function runShell(container: Container, env: Record<string, string>): { status: number | null; stderr: string } {
  const values = Object.fromEntries(container.env.map((e) => [e.name, e.value]));
  expect(container.command).toEqual(['sh', '-c']);
  const result = spawnSync('sh', ['-c', container.args[0]!], {
    cwd: resolve('.'),
    env: { ...process.env, ...values, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr };
}

describe('scale-out examples', () => {
  it('the Kubernetes Indexed Job and merge Job commands shard and merge into the single-machine summary', () => {
    const parts = mkdtempSync(join(tmpdir(), 'expansim-k8s-'));
    const shards = jobContainer('docs/kubernetes/expansim-shards.yaml');
    const shardEnv = Object.fromEntries(shards.container.env.map((e) => [e.name, e.value]));
    expect(shards.completions).toBe(Number(shardEnv.SHARDS));
    for (let index = 0; index < 3; index++) {
      const result = runShell(shards.container, { JOB_COMPLETION_INDEX: String(index), TRIALS: '900', SHARDS: '3', PARTS: parts });
      expect(result).toEqual({ status: 0, stderr: '' });
    }
    const merge = jobContainer('docs/kubernetes/expansim-merge.yaml');
    expect(runShell(merge.container, { PARTS: parts })).toEqual({ status: 0, stderr: '' });
    const single = spawnSync(process.execPath, ['bin/expansim.js', 'run', shardEnv.SCENARIO!, '--trials', '900', '--json', '--no-charts', '--out', join(parts, 'single')], { encoding: 'utf8' });
    expect(readFileSync(join(parts, 'final/summary.json'), 'utf8')).toBe(single.stdout);
  });

  it('the portfolio Indexed Job and merge Job commands shard the bundled book and merge into the unsharded portfolio.json', () => {
    const parts = mkdtempSync(join(tmpdir(), 'expansim-k8s-portfolio-'));
    const shards = jobContainer('docs/kubernetes/expansim-portfolio-shards.yaml');
    const shardEnv = Object.fromEntries(shards.container.env.map((e) => [e.name, e.value]));
    expect(shards.completions).toBe(Number(shardEnv.SHARDS));
    for (let index = 0; index < 2; index++) {
      const result = runShell(shards.container, { JOB_COMPLETION_INDEX: String(index), TRIALS: '2', SHARDS: '2', PARTS: parts });
      expect(result).toEqual({ status: 0, stderr: '' });
    }
    const merge = jobContainer('docs/kubernetes/expansim-portfolio-merge.yaml');
    expect(runShell(merge.container, { PARTS: parts })).toEqual({ status: 0, stderr: '' });
    const single = spawnSync(process.execPath, ['bin/expansim.js', 'portfolio', shardEnv.BOOK!, '--accounts', shardEnv.ACCOUNTS!, '--trials', '2', '--json', '--no-charts', '--out', join(parts, 'single')], { encoding: 'utf8' });
    expect(readFileSync(join(parts, 'final/portfolio.json'), 'utf8')).toBe(single.stdout);
  });
});
