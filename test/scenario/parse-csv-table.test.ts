/** The one CSV reader: quoting, BOM, line endings, delimiters, and the line of every row and bad row. */
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/scenario/parse-csv-table.ts';

describe('parseCsvTable', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and counts lines', () => {
    const table = parseCsvTable('# a comment\n\na,b,c\n1,"x, ""y""",3\n"multi\nline",2,3\r\n\n4,5,6\n');
    expect(table.comments).toEqual(['a comment']);
    expect(table.header).toEqual({ line: 3, fields: ['a', 'b', 'c'] });
    expect(table.rows).toEqual([
      { line: 4, fields: ['1', 'x, "y"', '3'] },
      { line: 5, fields: ['multi\nline', '2', '3'] },
      { line: 8, fields: ['4', '5', '6'] },
    ]);
  });

  it('detects semicolon and tab delimiters from the header', () => {
    expect(parseCsvTable('a;b\n1,5;2\n').rows[0]!.fields).toEqual(['1,5', '2']);
    expect(parseCsvTable('a\tb\n1\t2\n').delimiter).toBe('\t');
  });
});

describe('parseCsvTable on awkward files', () => {
  it('drops a byte-order mark and reads CRLF, LF and CR line endings alike', () => {
    const table = parseCsvTable('\uFEFFname,team\r\nAcme,Red\r\n"Big\r\nCo",Blue\rSmall,Green\n');
    expect(table.header).toEqual({ line: 1, fields: ['name', 'team'] });
    expect(table.rows).toEqual([
      { line: 2, fields: ['Acme', 'Red'] },
      { line: 3, fields: ['Big\nCo', 'Blue'] },
      { line: 5, fields: ['Small', 'Green'] },
    ]);
  });

  it('reports a quote never closed with their lines, keeping the rows before', () => {
    expect(parseCsvTable('a,b\n1,2\n3,"4\n5,6\n')).toMatchObject({
      rows: [{ line: 2, fields: ['1', '2'] }],
      problems: [{ line: 3, message: 'a quoted field is never closed (a missing ")' }],
    });
    expect(parseCsvTable('a,b\n1,2\n"x"y,"open\nstill open\n').problems).toEqual([{ line: 3, message: 'a quoted field is never closed (a missing ")' }]);
  });

  it('keeps a quote inside an unquoted field, and reads a file of comments only as empty', () => {
    expect(parseCsvTable('a,b\n5" disk,2\n').rows).toEqual([{ line: 2, fields: ['5" disk', '2'] }]);
    expect(parseCsvTable('# only a comment\n\n')).toEqual({ header: null, rows: [], delimiter: ',', comments: ['only a comment'], problems: [] });
  });
});
