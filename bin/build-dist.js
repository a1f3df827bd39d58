// Builds the prebuilt command: src/cli/main.ts and everything it imports
// bundled by esbuild into dist/expansim-<key>.mjs (the small npm packages
// inlined too: one file to compile instead of a few hundred to resolve; the
// chart, deck and native ones stay external and load when first used),
// dist/trial-worker-<key>.cjs, the worker threads' bundle, and
// dist/build-stamp.json naming that file and every source it was built
// from (path, size, mtime, sha1), so bin/expansim.js can tell a stale build
// from a fresh one without esbuild. `npm install` runs it (the `prepare`
// script); bin/expansim.js and the test suite's global setup rebuild when a
// source changed. Run directly: `node bin/build-dist.js`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildKernelOrExplain, kernelInputs } from './build-kernel.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const STAMP = join(DIST, 'build-stamp.json');
const MAIN_ENTRY = join(ROOT, 'src', 'cli', 'main.ts');
const WORKER_ENTRY = join(ROOT, 'src', 'engine', 'trial-worker.ts');
// Inputs esbuild does not list but the build depends on. npm rewrites
// node_modules/.package-lock.json on every install, so it stands for the
// inlined packages' files.
const CONFIG_INPUTS = ['bin/build-dist.js', 'bin/build-kernel.js', 'tsconfig.json', 'package.json', 'node_modules/.package-lock.json'];
// Loaded on first use (charts, deck, PNG) or only outside the prebuilt path (esbuild, tsx); native or large.
const EXTERNAL_PACKAGES = ['vega', 'vega-lite', 'pptxgenjs', 'jszip', '@resvg/resvg-js', 'esbuild', 'tsx', 'playwright-core', 'dejavu-fonts-ttf'];
// The inlined CommonJS packages (commander, cli-progress, seedrandom) call require() for Node's built-ins.
const REQUIRE_SHIM = "import { createRequire as expansimCreateRequire } from 'node:module'; const require = expansimCreateRequire(import.meta.url);";

/** The worker threads' bundle, built exactly as src/engine/worker-code.ts builds it at run time. */
export const TRIAL_WORKER_OPTIONS = {
  entryPoints: [WORKER_ENTRY],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  write: false,
  logLevel: 'silent',
  metafile: true,
  absWorkingDir: ROOT,
};

/**
 * In a bundle every module shares one `import.meta.url` (the bundle's), so
 * a source's `new URL('../../package.json', import.meta.url)` would miss.
 * Each source's `import.meta.url` becomes its own file's URL, reached from
 * the bundle by a relative path (the folder can move; dist/ sits beside src/).
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta')) return { contents: source, loader: 'ts' };
      if (/import\.meta(?!\.url)/.test(source)) {
        throw new Error(`${relative(ROOT, args.path)}: only import.meta.url is supported in a prebuilt bundle`);
      }
      const fromDist = relative(DIST, args.path).split(sep).join('/');
      const contents = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`);
      return { contents, loader: 'ts' };
    });
  },
};

function sha1(file) {
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/** An input's size, mtime and sha1; a configuration file that does not exist is recorded as missing. */
function describeInput(path) {
  const file = join(ROOT, path);
  if (CONFIG_INPUTS.includes(path) && !existsSync(file)) return { path, missing: true };
  const { size, mtimeMs } = statSync(file);
  return { path, size, mtimeMs, sha1: sha1(file) };
}

function inputsOf(...metafiles) {
  const paths = new Set([...CONFIG_INPUTS, ...kernelInputs()]);
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const path = relative(ROOT, join(ROOT, input)).split(sep).join('/');
      if (!path.includes('node_modules/')) paths.add(path);
    }
  }
  return [...paths].sort().map(describeInput);
}

/** Writes a file under a unique temporary name, then renames it into place, so a reader never sees half of it. */
function writeAtomically(file, contents) {
  const staged = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  writeFileSync(staged, contents);
  renameSync(staged, file);
}

/** Removes older bundles; a process still importing one falls back to tsx (see bin/expansim.js). */
function removeOtherBundles(keep) {
  for (const name of readdirSync(DIST)) {
    if (/^(expansim-[0-9a-f]+\.mjs(\.map)?|trial-worker-[0-9a-f]+\.cjs)$/.test(name) && !keep.some((file) => name.startsWith(file))) rmSync(join(DIST, name), { force: true });
  }
}

function keyOf(inputs) {
  return createHash('sha1').update(inputs.map((input) => `${input.path}\0${input.sha1 ?? 'missing'}`).join('\n')).digest('hex').slice(0, 16);
}

/** Builds dist/ from the sources; resolves with the bundle's path. */
export async function buildDist() {
  const esbuild = await import('esbuild');
  const worker = await esbuild.build(TRIAL_WORKER_OPTIONS);
  const workerCode = worker.outputFiles[0]?.text;
  if (workerCode === undefined) throw new Error('esbuild wrote no trial worker bundle');
  mkdirSync(DIST, { recursive: true });
  // Read by src/engine/worker-code.ts when the first worker starts, relative to its own (rewritten) import.meta.url.
  const workerFile = `trial-worker-${keyOf(inputsOf(worker.metafile))}.cjs`;
  writeAtomically(join(DIST, workerFile), workerCode);
  const placeholder = join(DIST, 'expansim.mjs');
  const main = await esbuild.build({
    entryPoints: [MAIN_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL_PACKAGES,
    banner: { js: REQUIRE_SHIM },
    outfile: placeholder,
    sourcemap: 'external',
    write: false,
    logLevel: 'silent',
    metafile: true,
    define: { EXPANSIM_PREBUILT_TRIAL_WORKER: JSON.stringify(`../../dist/${workerFile}`) },
    plugins: [ownImportMetaUrl],
  });
  const inputs = inputsOf(main.metafile, worker.metafile);
  const bundle = `expansim-${keyOf(inputs)}.mjs`;
  for (const output of main.outputFiles) {
    const name = output.path.endsWith('.map') ? `${bundle}.map` : bundle;
    const text = output.text.replace('sourceMappingURL=expansim.mjs.map', `sourceMappingURL=${bundle}.map`);
    writeAtomically(join(DIST, name), name === bundle ? text : output.text);
  }
  const kernel = await buildKernelOrExplain();
  writeAtomically(STAMP, `${JSON.stringify({ bundle, worker: workerFile, kernel, inputs })}\n`);
  removeOtherBundles([bundle, workerFile]);
  return join(DIST, bundle);
}

const isEntry = process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isEntry) {
  const bundle = await buildDist();
  process.stdout.write(`expansim: built ${relative(ROOT, bundle)} (${(statSync(bundle).size / 1024).toFixed(0)} kB)\n`);
}
