// Compiles the WebAssembly kernel (src/kernel, AssemblyScript) to
// dist/kernel-<key>.wasm, the key a hash of its sources computed as
// src/engine/kernel-file.ts computes it, so the engine loads only a kernel
// built from the sources beside it. Called by bin/build-dist.js; a failure
// leaves the engine on its JavaScript reference.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = join(ROOT, 'src', 'kernel');
const DIST = join(ROOT, 'dist');
/** Also in the kernel's key (src/engine/kernel-file.ts holds the same list). */
export const KERNEL_COMPILE_OPTIONS = ['-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd'];

/** The kernel's sources (paths from the repository root), for the build stamp. */
export function kernelInputs() {
  return readdirSync(SOURCES).filter((name) => name.endsWith('.ts') || name === 'tsconfig.json').sort().map((name) => `src/kernel/${name}`);
}

export function kernelKey(sources = SOURCES) {
  const hash = createHash('sha1');
  hash.update(`${KERNEL_COMPILE_OPTIONS.join(' ')}\0`);
  for (const name of readdirSync(sources).filter((file) => file.endsWith('.ts')).sort()) hash.update(`${name}\0`).update(readFileSync(join(sources, name))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Compiles the kernel unless dist/ holds it already; resolves with its file name. */
export async function buildKernel() {
  mkdirSync(DIST, { recursive: true });
  const name = `kernel-${kernelKey()}.wasm`;
  const file = join(DIST, name);
  if (!existsSync(file)) {
    const { default: asc } = await import('assemblyscript/asc');
    const outputs = {};
    const stderr = [];
    const { error } = await asc.main([join(SOURCES, 'index.ts'), ...KERNEL_COMPILE_OPTIONS, '--outFile', 'kernel.wasm'], {
      writeFile: (path, contents) => (outputs[path] = contents),
      stdout: { write: () => true },
      stderr: { write: (text) => stderr.push(String(text)) },
    });
    const wasm = outputs['kernel.wasm'];
    if (error || wasm === undefined) throw new Error(`the kernel did not compile: ${error?.message ?? 'no output'}\n${stderr.join('')}`);
    const staged = `${file}.${process.pid}.partial`;
    writeFileSync(staged, wasm);
    renameSync(staged, file);
  }
  for (const other of readdirSync(DIST)) if (/^kernel-[0-9a-f]+\.wasm$/.test(other) && other !== name) rmSync(join(DIST, other), { force: true });
  return name;
}

/** buildKernel, or null with a warning on stderr: without a kernel the engine runs its JavaScript reference. */
export async function buildKernelOrExplain() {
  try {
    return await buildKernel();
  } catch (error) {
    process.stderr.write(`expansim: the WebAssembly kernel was not built, so runs use the JavaScript engine: ${error.message}\n`);
    return null;
  }
}
