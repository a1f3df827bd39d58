/**
 * A worker entry and everything it imports, bundled once per process by
 * esbuild (the compiler tsx runs on) into one CommonJS script for
 * `new Worker(code, { eval: true })`: workers start without a TypeScript
 * loader and run exactly the source the main thread runs.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type BuildSync = (options: Record<string, unknown>) => { outputFiles: { text: string }[] };

const bundled = new Map<string, string>();

/** The bundled source of the worker entry at `entry` (a file URL). */
export function bundleWorkerCode(entry: URL): string {
  const path = fileURLToPath(entry);
  let code = bundled.get(path);
  if (code === undefined) {
    const { buildSync } = createRequire(import.meta.url)('esbuild') as { buildSync: BuildSync };
    code = buildSync({ entryPoints: [path], bundle: true, format: 'cjs', platform: 'node', target: 'node20', write: false, logLevel: 'silent' }).outputFiles[0]!.text;
    bundled.set(path, code);
  }
  return code;
}
