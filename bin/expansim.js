#!/usr/bin/env node
// expansim's command. It runs the prebuilt bundle in dist/ (bin/build-dist.js,
// built by `npm install`), after checking that it was built from the sources
// as they are now; a stale or missing bundle is rebuilt first, and if that
// fails (a syntax error, a read-only install) the sources run through tsx.
// EXPANSIM_TSX=1 always runs the sources through tsx.
// Ctrl-C or SIGTERM while the bundle or the sources load is recorded here,
// before anything else, and main() honours it once it takes over.
const early = { signal: undefined, stop() {} };
const record = (signal) => {
  early.signal ??= signal;
};
process.on('SIGINT', record);
process.on('SIGTERM', record);
early.stop = () => {
  process.off('SIGINT', record);
  process.off('SIGTERM', record);
};
// The first of the phases EXPANSIM_TRACE=phases shows (see src/cli/phase-checkpoint.ts),
// then which code runs: `load prebuilt` or `load sources`.
const tracing = process.env.EXPANSIM_TRACE === 'phases';
if (tracing) process.stderr.write('expansim: phase start\n');

// Modules load inside the functions below, never by a static import, so the handlers above come first.
async function prebuiltMain() {
  if (process.env.EXPANSIM_TSX === '1') return undefined;
  // Node 22.1 and newer keep the compiled code of bin's own modules; the bundle has its own cache on every version (load-bundle.js).
  (await import('node:module')).default.enableCompileCache?.();
  const { freshDist } = await import('./fresh-dist.js');
  let bundle = freshDist();
  if (bundle === undefined) {
    try {
      bundle = await (await import('./build-dist.js')).buildDist();
    } catch (error) {
      if (process.env.EXPANSIM_DEBUG) process.stderr.write(`expansim: could not rebuild dist/, running the sources through tsx: ${error?.message}\n`);
      return undefined;
    }
  }
  if (process.env.EXPANSIM_DEBUG) process.setSourceMapsEnabled(true);
  // Undefined when a concurrent rebuild removed this bundle between the check and the load.
  const loaded = (await import('./load-bundle.js')).loadBundle(bundle);
  if (loaded === undefined) return undefined;
  codeCache = loaded.cacheUsed ? 'used' : 'none';
  saveCodeCache = loaded.saveCache;
  return loaded.exports.main;
}

async function sourceMain() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

let saveCodeCache = () => false;
let codeCache;
let main = await prebuiltMain();
if (tracing) process.stderr.write(`expansim: phase load ${main ? 'prebuilt' : 'sources'}\n${codeCache ? `expansim: code cache ${codeCache}\n` : ''}`);
main ??= await sourceMain();
process.exitCode = await main(process.argv.slice(2), undefined, early);
// After the command, so the cache holds the code it compiled (bin/load-bundle.js).
if (process.exitCode === 0) saveCodeCache((await import('./command-kind.js')).commandKind(process.argv.slice(2)));
// The command is done and nothing of it is left running: exit now, once the output has gone out
// (writes still queued on a pipe, as on macOS), instead of letting Node free the heap first (about 20 ms).
const queued = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
await Promise.all(queued.map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit();
