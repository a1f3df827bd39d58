// Builds the prebuilt command: src/cli/main.ts and everything it imports
// bundled by esbuild into dist/expansim-<key>.cjs, a CommonJS script so that
// bin/load-bundle.js can keep V8's compiled code of it (the small npm packages
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
// What the sources' `import.meta.url` is rewritten against: the bundle's own URL (it has no import.meta).
const BUNDLE_URL = 'expansimBundleUrl';
// A CommonJS script has no import(), so the sources' `import('vega')` of an external package becomes a call of
// the import function bin/load-bundle.js hands the bundle (an ES module's, so the package loads as from any module).
const BUNDLE_IMPORT = 'expansimImport';
// "use strict" first, as in the ES module the sources are: esbuild's own directive comes after the banner.
const BUNDLE_URL_BANNER = `'use strict'; const ${BUNDLE_URL} = require('node:url').pathToFileURL(__filename).href;`;

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
function withOwnImportMetaUrl(source, path) {
  if (!source.includes('import.meta')) return source;
  if (/import\.meta(?!\.url)/.test(source)) {
    throw new Error(`${relative(ROOT, path)}: only import.meta.url is supported in a prebuilt bundle`);
  }
  const fromDist = relative(DIST, path).split(sep).join('/');
  return source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromDist)}, ${BUNDLE_URL}).href`);
}

/** `import('<external package>')` as a call of the loader's import function (type positions, `typeof import(…)`, are left alone). */
export function withLoaderImports(source) {
  return source.replace(/(?<!typeof\s*)\bimport\((['"])([^'"]+)\1\)/g, (call, quote, specifier) =>
    EXTERNAL_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`)) ? `${BUNDLE_IMPORT}(${quote}${specifier}${quote})` : call,
  );
}

const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return { contents: withLoaderImports(withOwnImportMetaUrl(source, args.path)), loader: 'ts' };
    });
  },
};

/**
 * The bundle in ASCII: esbuild escapes non-ASCII text in strings but not in
 * regular expressions. An escape means the same character there too, and an
 * ASCII file is decoded as latin1 at start, without UTF-8's checks.
 */
export function asAscii(text) {
  // `\é` (an identity escape) would become `\\u00e9`, a backslash and text: refuse it rather than change its meaning.
  const escaped = /\\[^\x00-\x7f]/.exec(text);
  if (escaped) throw new Error(`the prebuilt bundle escapes a non-ASCII character (${escaped[0]}): write it as \\u… in src/`);
  return text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The bundle must not keep an import() of a package: a CommonJS script cannot run it. */
export function checkNoDynamicImport(text) {
  const left = /\bimport\(\s*["'`][^"'`]/.exec(text);
  if (left) throw new Error(`the prebuilt bundle still calls ${left[0]}…: import external packages in src/ as import('<name>') with a literal name`);
}

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
    if (/^(expansim-[0-9a-f]+\.(mjs|cjs)(\.map|\..+\.v8-cache)?|trial-worker-[0-9a-f]+\.cjs)$/.test(name) && !keep.some((file) => name.startsWith(file))) rmSync(join(DIST, name), { force: true });
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
  const placeholder = join(DIST, 'expansim.cjs');
  const main = await esbuild.build({
    entryPoints: [MAIN_ENTRY],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL_PACKAGES,
    banner: { js: BUNDLE_URL_BANNER },
    // Whitespace and syntax only: the names stay, so a stack trace still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    outfile: placeholder,
    sourcemap: 'external',
    write: false,
    logLevel: 'silent',
    metafile: true,
    define: { EXPANSIM_PREBUILT_TRIAL_WORKER: JSON.stringify(`../../dist/${workerFile}`) },
    plugins: [ownImportMetaUrl],
  });
  const inputs = inputsOf(main.metafile, worker.metafile);
  const bundle = `expansim-${keyOf(inputs)}.cjs`;
  for (const output of main.outputFiles) {
    if (!output.path.endsWith('.map')) checkNoDynamicImport(output.text);
    const name = output.path.endsWith('.map') ? `${bundle}.map` : bundle;
    const text = output.text.replace('sourceMappingURL=expansim.cjs.map', `sourceMappingURL=${bundle}.map`);
    writeAtomically(join(DIST, name), name === bundle ? asAscii(text) : output.text);
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
