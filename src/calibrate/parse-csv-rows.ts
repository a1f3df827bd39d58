/**
 * CSV text → rows of fields, each with the line it starts on (RFC 4180:
 * quoted fields may hold the delimiter, doubled quotes and line breaks).
 * Lines starting with `#` before the header are comments; blank lines are
 * skipped. The delimiter is a comma, or a semicolon or tab when the header
 * has more of those (spreadsheets in some locales write `;`).
 */

export interface CsvRow {
  /** 1-based line of the file the row starts on. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  header: CsvRow | null;
  rows: CsvRow[];
  delimiter: string;
  /** Text of the leading `#` comment lines, without the `#`. */
  comments: string[];
  /** Set when a quoted field is never closed: the line it opens on. */
  unclosedQuoteLine?: number;
}

function detectDelimiter(headerLine: string): string {
  const count = (char: string) => headerLine.split(char).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, char) => (count(char) > count(best) ? char : best), ',');
}

/**
 * Splits CSV text into rows.
 *
 * @example parseCsvRows('a,b\n1,"x, y"\n').rows // => [{ line: 2, fields: ['1', 'x, y'] }]
 */
export function parseCsvRows(text: string): CsvTable {
  const source = text.replace(/^\uFEFF/, '');
  const comments: string[] = [];
  let position = 0;
  let line = 1;
  // Leading comment and blank lines.
  while (position < source.length) {
    const end = source.indexOf('\n', position);
    const stop = end < 0 ? source.length : end;
    const content = source.slice(position, stop).replace(/\r$/, '');
    if (content.startsWith('#')) comments.push(content.slice(1).trim());
    else if (content.trim() !== '') break;
    position = stop + 1;
    line++;
  }
  const firstLineEnd = source.indexOf('\n', position);
  const delimiter = detectDelimiter(source.slice(position, firstLineEnd < 0 ? source.length : firstLineEnd));

  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let rowLine = line;
  let quoted = false;
  let quoteLine = 0;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = position; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += char;
    }
  }
  if (field !== '' || fields.length > 0) endRow();
  const [header, ...body] = rows;
  return { header: header ?? null, rows: body, delimiter, comments, ...(quoted ? { unclosedQuoteLine: quoteLine } : {}) };
}
