import { checkHeader, CsvSyntaxError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain rows with their line numbers, LF or CRLF, skipping blank lines and a byte-order mark', () => {
    expect(parseCsv('\uFEFFcode,name\r\n12,Tỉnh Lai Châu\r\n\r\n  \n03387,Phường Tân Phong\n')).toEqual([
      { line: 1, fields: ['code', 'name'] },
      { line: 2, fields: ['12', 'Tỉnh Lai Châu'] },
      { line: 5, fields: ['03387', 'Phường Tân Phong'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks; the next record keeps its real line number', () => {
    const records = parseCsv('a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,""');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
      { line: 5, fields: ['last', ''] },
    ]);
    expect(() => parseCsv('a\n"x"y\n')).toThrow(CsvSyntaxError);
  });

  it('keeps empty fields and a last line without a line end', () => {
    expect(parseCsv('a,b,c\n1,,\n,2,""')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '', ''] },
      { line: 3, fields: ['', '2', ''] },
    ]);
  });

  it('names the line of an unterminated quote or a stray quote', () => {
    expect(() => parseCsv('a\nb\n"open\n\n')).toThrow('line 3: a quoted field is not closed');
    expect(() => parseCsv('a\nb"c\n')).toThrow('line 2: a double quote inside an unquoted field');
  });

  it('checks the header case-insensitively, spaces ignored', () => {
    expect(checkHeader(parseCsv(' Code ,NAME\n'), ['code', 'name'])).toBeUndefined();
    expect(checkHeader(parseCsv('code;name\n'), ['code', 'name'])).toEqual({ line: 1, message: 'the header must be code,name (found code;name)' });
    expect(checkHeader([], ['code'])?.message).toContain('the file is empty');
  });
});
