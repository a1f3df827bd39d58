/**
 * `npm run notebooks`: executes every notebook in notebooks/ headless with
 * the Deno Jupyter kernel and writes the executed notebook and an HTML copy
 * of each into output/notebooks/ (or --output-dir DIR). Fails if a cell
 * throws or if a cell that shows something came back without its output.
 *
 * Deno (about 90 MB) is fetched on demand from npm into
 * node_modules/.cache/expansim-notebooks/, not by every `npm install`; set
 * DENO=/path/to/deno to use another. Jupyter's nbconvert comes from Debian
 * (`apt-get install jupyter-nbconvert`) and is run as `/usr/bin/python3 -m
 * jupyter` (JUPYTER_PYTHON overrides the interpreter), because another
 * python3 may come first on PATH. The kernel is registered in a project-local
 * JUPYTER_PATH, so nothing is installed into the user's Jupyter.
 *
 * Exit codes: 0 all ran, 1 a notebook failed, 3 Jupyter or Deno cannot be had.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { localLinks, selfContainedHtml } from './self-contained-html.ts';

/**
 * The Deno release the notebooks run on. 2.8.0 to 2.9.6 (the newest tried) send a cell's
 * outputs after reporting it finished, so headless runs lose them at random; 2.7.14 does not.
 */
export const DENO_VERSION = '2.7.14';
export const EXIT_PREREQUISITES = 3;
/** Seconds one cell may run. */
const CELL_TIMEOUT = 600;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'expansim-notebooks');
const PYTHON = process.env.JUPYTER_PYTHON ?? '/usr/bin/python3';

class Prerequisite extends Error {}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: options.cwd ?? ROOT, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`, error: result.error };
}

function checkJupyter(): void {
  const check = run(PYTHON, ['-m', 'jupyter', 'nbconvert', '--version']);
  if (!check.ok) {
    throw new Prerequisite(
      `Jupyter's nbconvert is not available to ${PYTHON} (${check.error?.message ?? check.output.trim().split('\n').pop()}).\n` +
        '  On Debian or Ubuntu: sudo apt-get install -y --no-install-recommends jupyter-nbconvert\n' +
        '  (it brings python3-nbconvert, python3-nbclient and python3-jupyter-client); or point JUPYTER_PYTHON at a Python that has nbconvert.',
    );
  }
}

/** The deno binary: $DENO, else the pinned release from npm, fetched once into the cache. */
function denoBinary(): string {
  if (process.env.DENO) return process.env.DENO;
  const prefix = join(CACHE, `deno-${DENO_VERSION}`);
  const binary = join(prefix, 'node_modules', 'deno', process.platform === 'win32' ? 'deno.exe' : 'deno');
  const launcher = join(prefix, 'node_modules', 'deno', 'bin.cjs');
  if (!existsSync(binary)) {
    process.stderr.write(`Fetching deno@${DENO_VERSION} from npm into ${prefix} (about 90 MB, once)…\n`);
    mkdirSync(prefix, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = run(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `deno@${DENO_VERSION}`]);
    if (!install.ok) throw new Prerequisite(`could not install deno@${DENO_VERSION} from npm:\n${install.output.trim()}`);
    // The package puts its binary in place on first use when its install script did not run.
    if (!existsSync(binary) && existsSync(launcher)) run(process.execPath, [launcher, '--version']);
  }
  if (!existsSync(binary)) throw new Prerequisite(`deno@${DENO_VERSION} installed but ${binary} is missing`);
  return binary;
}

/** Writes the Deno kernelspec into a project-local Jupyter path and returns that path. */
function registerKernel(deno: string): string {
  const jupyterPath = join(CACHE, 'jupyter');
  const folder = join(jupyterPath, 'kernels', 'deno');
  mkdirSync(folder, { recursive: true });
  const spec = { argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'], display_name: 'Deno', language: 'typescript' };
  writeFileSync(join(folder, 'kernel.json'), `${JSON.stringify(spec, null, 2)}\n`);
  return jupyterPath;
}

/** A local file's text, or null when it cannot be read (the HTML copy then goes without it). */
function readLocalAsset(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: { output_type: string; ename?: string; evalue?: string }[];
}

/** Code cells that show something (a chart, a table, a log line) but came back without output. */
export function silentCells(notebookText: string): number[] {
  const cells = (JSON.parse(notebookText) as { cells: Cell[] }).cells;
  // A statement of its own that shows something (not the helpers' definitions, whose bodies only run later).
  const shows = /^\s*(await\s+)?(showChart|showTable|console\.log)\(/m;
  return cells.flatMap((cell, index) => {
    const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
    return cell.cell_type === 'code' && shows.test(source) && (cell.outputs ?? []).length === 0 ? [index + 1] : [];
  });
}

function executeNotebook(file: string, outputDir: string, env: NodeJS.ProcessEnv): string | null {
  const name = basename(file, '.ipynb');
  const started = performance.now();
  const execute = run(PYTHON, [
    '-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute',
    `--ExecutePreprocessor.timeout=${CELL_TIMEOUT}`, '--ExecutePreprocessor.kernel_name=deno',
    '--output-dir', outputDir, '--output', name, file,
  ], { env });
  if (!execute.ok) return `${file} failed:\n${execute.output.trim()}`;
  const executed = join(outputDir, `${name}.ipynb`);
  const silent = silentCells(readFileSync(executed, 'utf8'));
  if (silent.length > 0) return `${file}: cell${silent.length > 1 ? 's' : ''} ${silent.join(', ')} came back without output (the kernel lost it?)`;
  const html = run(PYTHON, ['-m', 'jupyter', 'nbconvert', '--to', 'html', '--output-dir', outputDir, '--output', name, executed], { env });
  if (!html.ok) return `${file}: HTML export failed:\n${html.output.trim()}`;
  const htmlFile = join(outputDir, `${name}.html`);
  const shareable = selfContainedHtml(readFileSync(htmlFile, 'utf8'), readLocalAsset);
  writeFileSync(htmlFile, shareable.html);
  const left = localLinks(shareable.html);
  if (left.length > 0) return `${file}: the HTML copy still links local files: ${left.join(', ')}`;
  process.stdout.write(`✔ ${file} ran in ${((performance.now() - started) / 1000).toFixed(1)} s → ${join(outputDir, `${name}.html`)}\n`);
  return null;
}

/** `[--output-dir DIR] [notebook.ipynb …]`: where to write, and which notebooks (default: all of notebooks/). */
export function notebookArguments(args: readonly string[]): { outputDir: string; notebooks: string[] } | { error: string } {
  const outputFlag = args.indexOf('--output-dir');
  const folder = outputFlag >= 0 ? args[outputFlag + 1] : undefined;
  if (outputFlag >= 0 && (folder === undefined || folder.startsWith('--'))) return { error: '--output-dir needs a folder' };
  const outputDir = resolve(folder ?? join(ROOT, 'output', 'notebooks'));
  const named = args.filter((arg, i) => arg.endsWith('.ipynb') && !(outputFlag >= 0 && i === outputFlag + 1));
  const notebooks = named.length > 0 ? named.map((file) => resolve(file)) : readdirSync(join(ROOT, 'notebooks')).filter((file) => file.endsWith('.ipynb')).sort().map((file) => join(ROOT, 'notebooks', file));
  return { outputDir, notebooks };
}

/** Runs the notebooks named in `args` (default: all of notebooks/); returns the exit code. */
export function runNotebooks(args: readonly string[]): number {
  const parsed = notebookArguments(args);
  if ('error' in parsed) {
    process.stderr.write(`✖ ${parsed.error}\n`);
    return 2;
  }
  const { outputDir, notebooks } = parsed;
  let env: NodeJS.ProcessEnv;
  try {
    checkJupyter();
    const jupyterPath = registerKernel(denoBinary());
    env = { ...process.env, JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(':'), NO_COLOR: '1' };
  } catch (error) {
    if (!(error instanceof Prerequisite)) throw error;
    process.stderr.write(`✖ cannot run the notebooks: ${error.message}\n`);
    return EXIT_PREREQUISITES;
  }
  mkdirSync(outputDir, { recursive: true });
  const failures = notebooks.map((file) => executeNotebook(file, outputDir, env)).filter((failure) => failure !== null);
  for (const failure of failures) process.stderr.write(`✖ ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runNotebooks(process.argv.slice(2));
}
