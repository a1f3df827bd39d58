// Whether dist/ (see bin/build-dist.js) was built from the sources as they
// are now: every input the stamp lists still has its size and either its
// mtime or, when only the mtime moved (a checkout, a touch), its sha1; an
// input recorded as missing still is.
// Plain JavaScript without esbuild, so the check costs a few milliseconds.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// `folder` ends with a separator: the stamp's paths are appended to it rather than join()ed, because
// path.join's normalization, run cold for every one of some 260 inputs, was two thirds of the check's CPU time.
function unchanged(folder, input) {
  const file = folder + input.path;
  if (input.missing) return !existsSync(file);
  const { size, mtimeMs } = statSync(file);
  if (size !== input.size) return false;
  return mtimeMs === input.mtimeMs || createHash('sha1').update(readFileSync(file)).digest('hex') === input.sha1;
}

/** The path of the prebuilt bundle if it is up to date with the sources under `root`, else undefined. */
export function freshDist(root = ROOT) {
  try {
    const folder = root.endsWith(sep) || root.endsWith('/') ? root : `${root}${sep}`;
    const { bundle, kernel, inputs } = JSON.parse(readFileSync(join(root, 'dist', 'build-stamp.json'), 'utf8'));
    // A kernel the build made (null: it could not, and the engine runs its reference) must still be there.
    if (typeof kernel === 'string' && !existsSync(join(root, 'dist', kernel))) return undefined;
    return inputs.every((input) => unchanged(folder, input)) ? join(root, 'dist', bundle) : undefined;
  } catch {
    return undefined;
  }
}
