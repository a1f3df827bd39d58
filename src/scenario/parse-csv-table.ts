/**
 * CSV text → rows of fields, each with the line it starts on: the one CSV
 * reader of the input stages (calibrate's deal histories, a book's accounts),
 * on csv-parse (RFC 4180 quoting, BOM, CRLF or LF). Lines starting with `#`
 * before the header are comments; blank lines are skipped. The delimiter is a
 * comma, or a semicolon or tab when the header has more of those
 * (spreadsheets in some locales write `;`).
 */
import { parse, type CsvError } from 'csv-parse/sync';

export interface CsvRow {
  /** 1-based line of the file the row starts on. */
  line: number;
  fields: string[];
}

/** A row the parser could not read (a quote never closed). */
export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvTable {
  header: CsvRow | null;
  rows: CsvRow[];
  delimiter: string;
  /** Text of the leading `#` comment lines, without the `#`. */
  comments: string[];
  /** Rows left out because they are not valid CSV, in line order. */
  problems: CsvProblem[];
}

function detectDelimiter(headerLine: string): string {
  const count = (char: string) => headerLine.split(char).length - 1;
  return [',', ';', '\t'].reduce((best, char) => (count(char) > count(best) ? char : best), ',');
}

const lineBreaks = (text: string) => text.split('\n').length - 1;

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': return 'a quoted field is never closed (a missing ")';
    default: return `is not valid CSV (${error.message.split(':')[0]})`;
  }
}

/**
 * Splits CSV text into rows.
 *
 * @example parseCsvTable('a,b\n1,"x, y"\n').rows // => [{ line: 2, fields: ['1', 'x, y'] }]
 */
export function parseCsvTable(text: string): CsvTable {
  // One line ending throughout: csv-parse counts lines by the first ending it meets.
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const comments: string[] = [];
  const lines = source.split('\n');
  let first = 0;
  while (first < lines.length && (lines[first]!.startsWith('#') || lines[first]!.trim() === '')) {
    if (lines[first]!.startsWith('#')) comments.push(lines[first]!.slice(1).trim());
    first++;
  }
  const delimiter = detectDelimiter(lines[first] ?? '');
  const problems: CsvProblem[] = [];
  const records = (
    first >= lines.length
      ? []
      : parse(source, {
          delimiter,
          raw: true,
          from_line: first + 1,
          info: true,
          record_delimiter: '\n',
          relax_column_count: true,
          relax_quotes: true,
          skip_empty_lines: true,
          skip_records_with_error: true,
          on_skip: (error, raw) => {
            if (!error) return;
            const content = (raw ?? '').replace(/^\n+/, '').replace(/\n$/, '');
            problems.push({ line: Number(error.lines) - lineBreaks(content), message: describeCsvError(error) });
          },
        })) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const rows = records
    .filter(({ record }) => record.length > 1 || record[0]!.trim() !== '')
    .map(({ record, info }) => ({ line: info.lines - record.reduce((sum, field) => sum + lineBreaks(field), 0), fields: record }));
  const [header, ...body] = rows;
  return { header: header ?? null, rows: body, delimiter, comments, problems };
}
