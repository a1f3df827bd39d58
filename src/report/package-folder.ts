/**
 * Where an installed npm package lives, found through Node's own lookup
 * paths (some packages' `exports` hide their package.json and build files
 * from `require.resolve`).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export function packageFolder(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const candidate = join(base, name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`package ${name} is not installed; run npm install`);
}
