/**
 * Where a run's files go: `output/<scenario name>/` or `--out DIR`. A scenario
 * name becomes a folder name only after sanitising, so no name can reach
 * outside the output folder.
 */
import { join, resolve } from 'node:path';

/** Windows device names, also with an extension (`con.txt`) and superscript digits (`COM¹`). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/iu;

/** Room for the folder's staging prefix and suffixes (`.NAME.previous-PID-HEX`, `-sweep`, shard names) within 255 bytes. */
export const MAX_FOLDER_NAME_BYTES = 100;

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** The longest run of whole characters (graphemes) of `text` that fits in `limit` UTF-8 bytes. */
function truncateToBytes(text: string, limit: number): string {
  if (utf8Length(text) <= limit) return text;
  let kept = '';
  for (const { segment } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)) {
    if (utf8Length(kept + segment) > limit) break;
    kept += segment;
  }
  return kept;
}

/**
 * A safe folder name for a scenario name: letters (with their combining
 * marks) and digits of any script, `.`, `_` and `-` (anything else becomes
 * `-`), normalised NFC, no leading dots, at most 100 bytes in UTF-8.
 *
 * @example outputFolderName('../../etc/passwd') // => 'etc-passwd'
 * @example outputFolderName('Продажи 2027') // => 'Продажи-2027'
 */
export function outputFolderName(name: string): string {
  const trim = (text: string) => text.replace(/^[.-]+/u, '').replace(/[.-]+$/u, '');
  const cleaned = trim(
    truncateToBytes(
      trim(
        name
          .normalize('NFC')
          .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
          .replace(/(^|[^\p{L}\p{N}])\p{M}+/gu, '$1')
          .replace(/-{2,}/g, '-'),
      ),
      MAX_FOLDER_NAME_BYTES - 'scenario-'.length,
    ),
  );
  if (cleaned === '' || RESERVED.test(cleaned)) return `scenario-${cleaned || 'unnamed'}`;
  return cleaned;
}

/** The folder a run writes into: `out` when given, else `<outputRoot>/<safe name><suffix>` (the suffix survives any truncation). */
export function runOutputFolder(scenarioName: string, out: string | undefined, outputRoot = 'output', suffix = ''): string {
  return out !== undefined ? resolve(out) : resolve(join(outputRoot, `${outputFolderName(scenarioName)}${suffix}`));
}
