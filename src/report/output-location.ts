/**
 * Where a run's files go: `output/<scenario name>/` or `--out DIR`. A scenario
 * name becomes a folder name only after sanitising, so no name can reach
 * outside the output folder.
 */
import { join, resolve } from 'node:path';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A safe folder name for a scenario name: letters, digits, `.`, `_` and `-`
 * only (anything else becomes `-`), no leading dots, at most 80 characters.
 *
 * @example outputFolderName('../../etc/passwd') // => 'etc-passwd'
 */
export function outputFolderName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/[.-]+$/, '')
    .slice(0, 80);
  if (cleaned === '' || RESERVED.test(cleaned)) return `scenario-${cleaned || 'unnamed'}`;
  return cleaned;
}

/** The folder a run writes into: `out` when given, else `<outputRoot>/<safe name>`. */
export function runOutputFolder(scenarioName: string, out: string | undefined, outputRoot = 'output'): string {
  return out !== undefined ? resolve(out) : resolve(join(outputRoot, outputFolderName(scenarioName)));
}
