/**
 * A calibration → the scenario file it stands for: the whole scenario, every
 * value written out, with a comment on each value calibration looked at
 * (`# fitted from N deals, ± SE` or `# not in the data: base value (why)`),
 * and a header saying how the values were read. Parses with parseScenario to
 * the calibrated scenario.
 */
import { Document, isMap, isPair, isScalar, type Node, type Pair } from 'yaml';
import type { Calibration } from './calibrate-scenario.ts';
import type { FittedValue } from './fitted-value.ts';
import { formatMonth } from './parse-deal-fields.ts';
import { sanitizeDisplayStrings, sanitizeDisplayText } from '../scenario/sanitize-display-text.ts';

export interface FormatOptions {
  /** Path of the JSON Schema for the editor modeline (omitted when absent). */
  schemaPath?: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const digits2 = (value: number) => String(Number(value.toPrecision(2)));

function inlineComment(value: FittedValue): string {
  if (value.fitted) return ` fitted from ${count(value.deals)} deal${value.deals === 1 ? '' : 's'}, ± ${digits2(value.se ?? 0)}`;
  if (value.reason?.startsWith('not fitted')) return ` ${value.reason}`;
  return ` not in the data: base value (${value.reason ?? 'not fitted'})`;
}

function findPair(doc: Document, path: readonly string[]): Pair<Node, Node> | undefined {
  let node: unknown = doc.contents;
  let pair: Pair<Node, Node> | undefined;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key) as Pair<Node, Node> | undefined;
    if (!pair) return undefined;
    node = pair.value;
  }
  return pair;
}

const SECTION_NOTES: Record<string, string> = {
  'account.barriers': ' not fitted: a deal history does not show the barriers; base values (they shape how the data were read)',
  resources: ' not fitted: base values',
  strategies: ' not fitted: base values',
  model: ' The model. Values marked "fitted" come from the deal history; every unmarked coefficient is the base\n scenario\'s (a deal history does not show it).',
};

/** In the header of every scenario calibrate writes, so calibrate may overwrite its own. */
export const CALIBRATED_MARK = 'Calibrated by `expansim calibrate`';

function header(calibration: Calibration, options: FormatOptions): string {
  const { window, strategy } = calibration;
  const fittedCount = calibration.values.filter((value) => value.fitted).length;
  const lines = [
    ...(options.schemaPath ? [` yaml-language-server: $schema=${options.schemaPath}`] : []),
    ` ${CALIBRATED_MARK} from ${calibration.source}: ${count(calibration.deals)} deals in ${calibration.accounts} account${calibration.accounts === 1 ? '' : 's'},`,
    ` ${formatMonth(window.first)} to ${formatMonth(window.last)} (${window.months} months), on the base scenario "${calibration.base.name}".`,
    ` ${fittedCount} values are fitted from the deals; each says so, with the deals it rests on and its`,
    ' standard error (sampling error only, given the base scenario\'s other values). A value the data',
    ' could not speak to says "not in the data: base value" and why. How the values were read:',
    '   arrivals: value the vendor saw per account-month ÷ visibility at the base barriers gives each',
    '     stream\'s and type\'s spend → wallet median, wallet shares of the streams in the data, mix;',
    '   deal sizes: lognormal, v̄ = exp(mean ln V + σ²/2), one σ for all streams and types;',
    '   discounts: d0 = mean discount − θ·PUR at the base\'s θ and PUR; noise within each account;',
    `   win probabilities: p0 = the data's win rate ÷ the average win factor (entry, image, match,`,
    `     walls, executives, pull-through) of the base scenario's accounts under ${strategy.toUpperCase()} over`,
    `     ${window.months} months, fitted jointly with the cycles so that open deals count as censored.`,
    ' See the README, "Calibration from deal history".',
  ];
  return lines.join('\n');
}

/**
 * Writes the calibrated scenario as commented YAML. Its text (names, the
 * description, comments) comes partly from the user's files (the CSV's path,
 * the base scenario), so no control character or bidi override is left in it.
 */
export function formatCalibratedScenario(calibration: Calibration, options: FormatOptions = {}): string {
  const doc = new Document(sanitizeDisplayStrings(calibration.scenario));
  doc.commentBefore = sanitizeDisplayText(header(calibration, options));
  for (const [path, note] of Object.entries(SECTION_NOTES)) {
    const pair = findPair(doc, path.split('.'));
    if (pair) (pair.key as Node).commentBefore = note;
  }
  for (const value of calibration.values) {
    const pair = findPair(doc, value.path.split('.'));
    if (!pair || !isScalar(pair.value)) throw new Error(`formatCalibratedScenario: ${value.path} is not a value of the scenario`);
    pair.value.comment = sanitizeDisplayText(inlineComment(value));
    if (value.detail) (pair.key as Node).commentBefore = sanitizeDisplayText(` ${value.detail}`);
  }
  const warnings = calibration.warnings.map((warning) => ` ⚠ ${warning}`);
  if (warnings.length > 0) doc.comment = sanitizeDisplayText([' Warnings from calibration:', ...warnings].join('\n'));
  return doc.toString({ lineWidth: 0 });
}
