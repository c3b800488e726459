import { csvField, escapeFormula, suppressCount, toCsv } from './cells';

describe('report cells', () => {
  it('escapes every value a spreadsheet would take for a formula', () => {
    for (const v of ['=1+2', '+84912', '-5', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")']) expect(escapeFormula(v)).toBe(`'${v}`);
    for (const v of ['Xã Bình Lư', '12', '', ' =x', "'already"]) expect(escapeFormula(v)).toBe(v);
  });

  it('suppresses counts from 1 to 4 only', () => {
    expect([0, 1, 2, 3, 4, 5, 17].map(suppressCount)).toEqual([0, '<5', '<5', '<5', '<5', 5, 17]);
  });

  it('writes CSV fields quoted when needed and escaped when they are text', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(toCsv([['x', 1], ['@y', '<5']])).toBe("\ufeffx,1\r\n'@y,<5\r\n");
  });
});
