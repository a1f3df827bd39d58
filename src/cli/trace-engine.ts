/**
 * Under EXPANSIM_TRACE=phases, which engine plays the trials and why: the
 * WebAssembly kernel, or the JavaScript reference (EXPANSIM_ENGINE=js, or
 * no kernel built from today's sources, or one that did not load).
 */
import { kernelAvailability } from '../engine/wasm-kernel.ts';
import type { CliIo } from './cli-io.ts';

export function traceEngine(io: Pick<CliIo, 'err'>, env: NodeJS.ProcessEnv = process.env): void {
  if (env.EXPANSIM_TRACE !== 'phases') return;
  const { module, reason } = kernelAvailability(env);
  io.err(`expansim: engine ${module === undefined ? 'javascript' : 'webassembly'} (${reason})\n`);
}
