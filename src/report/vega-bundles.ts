/**
 * The browser builds of vega, vega-lite and vega-embed, read from
 * node_modules so the report can inline them and open offline. Their
 * source-map comments are dropped (a browser would try to fetch the maps).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFolder } from './package-folder.ts';

export interface VegaBundles {
  /** Script texts in load order: vega, vega-lite, vega-embed. */
  scripts: { name: string; version: string; text: string }[];
}

function readBundle(name: string, file: string): VegaBundles['scripts'][number] {
  const folder = packageFolder(name);
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
  const text = readFileSync(join(folder, 'build', file), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  return { name, version, text };
}

let cached: VegaBundles | undefined;

/** The three UMD bundles (about 830 kB together); read once per process. */
export function readVegaBundles(): VegaBundles {
  cached ??= {
    scripts: [readBundle('vega', 'vega.min.js'), readBundle('vega-lite', 'vega-lite.min.js'), readBundle('vega-embed', 'vega-embed.min.js')],
  };
  return cached;
}
