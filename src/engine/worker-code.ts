/**
 * The worker threads' code: trial-worker.ts and everything it imports,
 * bundled once per process by esbuild (the compiler tsx itself runs on) into
 * one plain CommonJS script. Workers then start without a TypeScript loader —
 * about 30 MB less memory each and a quicker start — and still run exactly
 * the source the main thread runs. The prebuilt command (bin/build-dist.js)
 * writes the same bundle, built from the same sources, beside itself and
 * defines EXPANSIM_PREBUILT_TRIAL_WORKER as its path from this file, so it
 * starts workers without esbuild.
 */
import { readFileSync } from 'node:fs';
import { bundleWorkerCode } from './bundle-worker-code.ts';

declare const EXPANSIM_PREBUILT_TRIAL_WORKER: string | undefined;

let bundled: string | undefined;

/** The worker's source, for `new Worker(code, { eval: true })`. */
export function trialWorkerCode(): string {
  bundled ??=
    typeof EXPANSIM_PREBUILT_TRIAL_WORKER === 'string'
      ? readFileSync(new URL(EXPANSIM_PREBUILT_TRIAL_WORKER, import.meta.url), 'utf8')
      : bundleWorkerCode(new URL('./trial-worker.ts', import.meta.url));
  return bundled;
}
