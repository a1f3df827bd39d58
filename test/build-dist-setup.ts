/**
 * vitest's global setup: the subprocess tests run bin/expansim.js, which runs
 * the prebuilt dist/ bundle. Rebuilding it here once, when a source changed,
 * spares each of them the rebuild (bin/expansim.js would do it too).
 */
import { buildDist } from '../bin/build-dist.js';
import { freshDist } from '../bin/fresh-dist.js';

export default async function setup(): Promise<void> {
  if (freshDist() === undefined) await buildDist();
}
