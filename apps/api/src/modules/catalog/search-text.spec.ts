import { FOLD_FROM, FOLD_TO, foldText, searchWords } from './search-text';

/** What PostgreSQL's translate() does with the table, in JavaScript. */
function translate(text: string): string {
  return [...text].map((ch) => {
    const i = FOLD_FROM.indexOf(ch);
    return i >= 0 ? FOLD_TO[i] : ch;
  }).join('');
}

describe('accent-insensitive search folding', () => {
  it('folds every Vietnamese letter to its base letter', () => {
    expect(foldText('Sử dụng điện thoại an toàn ĐƯỢC')).toBe('su dung dien thoai an toan duoc');
    expect(foldText('ẮẰẲẴẶ ỐỒỔỖỘ ỨỪỬỮỰ ýỳỷỹỵ')).toBe('aaaaa ooooo uuuuu yyyyy');
  });
  it('gives the same result as the SQL translate() table (which PostgreSQL applies to course texts)', () => {
    for (const text of ['Dịch vụ công trực tuyến', 'AN TOÀN TRÊN MẠNG', 'Thanh toán điện tử']) {
      expect(translate(text.normalize('NFC'))).toBe(foldText(text));
    }
    expect(FOLD_FROM.length).toBe(FOLD_TO.length);
  });
  it('splits a query into folded words', () => {
    expect(searchWords('  An toàn,  mạng ')).toEqual(['an', 'toan', 'mang']);
    expect(searchWords(undefined)).toEqual([]);
  });
});
