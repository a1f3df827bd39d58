/** Runs the CLI as a subprocess for the robustness tests. */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve('bin/expansim.js');
export const SCENARIOS = resolve('scenarios');

export function expansim(args: string[], cwd: string, options: SpawnSyncOptions = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', ...options, env: { ...process.env, EXPANSIM_DEBUG: '', ...options.env } });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export function startExpansim(args: string[], cwd: string, env: Record<string, string> = {}) {
  return spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, EXPANSIM_DEBUG: '', ...env } });
}

export function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'expansim-robust-'));
}
