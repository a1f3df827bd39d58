/**
 * A chart's speaker notes, read from its spec so they work for any chart:
 * the finding and subtitle, how to read it, and the rows of data it draws
 * (every distinct inline data set, helper rows of one field left out), up to
 * a limit, with where to find the rest.
 */
import type { ReportChart } from './report-page.ts';

const MAX_ROWS = 40;

function lines(text: unknown): string[] {
  if (typeof text === 'string') return [text];
  return Array.isArray(text) ? text.filter((t): t is string => typeof t === 'string') : [];
}

/** Every `data.values` array in the spec, in document order. */
function dataSets(spec: unknown, found: Record<string, unknown>[][] = []): Record<string, unknown>[][] {
  if (Array.isArray(spec)) spec.forEach((item) => dataSets(item, found));
  else if (spec !== null && typeof spec === 'object') {
    for (const [key, value] of Object.entries(spec)) {
      const values = key === 'data' ? (value as { values?: unknown }).values : undefined;
      if (Array.isArray(values)) found.push(values.filter((row): row is Record<string, unknown> => row !== null && typeof row === 'object'));
      else dataSets(value, found);
    }
  }
  return found;
}

function cell(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function chartNotes(chart: ReportChart): string {
  const spec = chart.spec as { title?: { text?: unknown; subtitle?: unknown } };
  const out = [...lines(spec.title?.text), ...lines(spec.title?.subtitle)];
  out.push('', `How to read it: ${chart.reading}`);
  const seen = new Set<string>();
  let shown = 0;
  let left = 0;
  for (const rows of dataSets(chart.spec)) {
    const key = JSON.stringify(rows);
    const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    if (seen.has(key) || fields.length < 2) continue;
    seen.add(key);
    const room = MAX_ROWS - shown;
    if (room <= 0) {
      left += rows.length;
      continue;
    }
    out.push('', fields.join(' | '), ...rows.slice(0, room).map((row) => fields.map((f) => cell(row[f])).join(' | ')));
    shown += Math.min(room, rows.length);
    left += Math.max(0, rows.length - room);
  }
  if (left > 0) out.push('', `${left.toLocaleString('en-US')} more rows in charts/${chart.name}.vl.json.`);
  return out.join('\n');
}
