import { randomBytes } from 'node:crypto';
import { CODE_ALPHABET, isCode, newCode, normaliseCode, signCheckInToken, verifyCheckInToken } from './codes';
import { csvCell, toCsv } from './csv-export';
import { splitIntoSlides, textOf } from './slides';

describe('join and claim codes', () => {
  it('use only unambiguous characters and normalise what people type', () => {
    for (let i = 0; i < 200; i++) {
      const code = newCode(6);
      expect(isCode(code, 6)).toBe(true);
      expect(code).not.toMatch(/[01OIL]/);
    }
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(normaliseCode(' k7m-x3q ')).toBe('K7MX3Q');
    expect(isCode('K7MX3O', 6)).toBe(false);
    expect(isCode('K7MX3', 6)).toBe(false);
  });
});

describe('check-in tokens', () => {
  const secret = randomBytes(32);
  const session = '3f0c2a4e-8d53-4d5f-9a3e-2b1f1c6e9a10';
  const later = new Date(Date.now() + 600_000);

  it('verify for their session until they expire', () => {
    const token = signCheckInToken(secret, session, later);
    expect(token).toMatch(/^[0-9a-z]+_[A-Za-z0-9_-]{22}$/);
    expect(verifyCheckInToken(secret, session, token)).toBe('valid');
    expect(verifyCheckInToken(secret, session, token, new Date(later.getTime() + 1000))).toBe('expired');
  });

  it('refuse another session, another secret, a changed expiry or signature, and junk', () => {
    const token = signCheckInToken(secret, session, later);
    expect(verifyCheckInToken(secret, '00000000-0000-4000-8000-000000000000', token)).toBe('invalid');
    expect(verifyCheckInToken(randomBytes(32), session, token)).toBe('invalid');
    const [exp, mac] = token.split('_') as [string, string];
    const longer = (parseInt(exp, 36) + 3600).toString(36);
    expect(verifyCheckInToken(secret, session, `${longer}_${mac}`)).toBe('invalid');
    expect(verifyCheckInToken(secret, session, `${exp}_${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`)).toBe('invalid');
    for (const junk of ['', '_', 'abc', '_abc', 'ZZ_abc', `${exp}_`]) expect(verifyCheckInToken(secret, session, junk)).toBe('invalid');
  });
});

describe('slides', () => {
  it('split a lesson body at h2/h3 headings, the text before them under the lesson title', () => {
    expect(splitIntoSlides('Bài 1', '<p>Mở đầu</p><h2 id="a">Một &amp; hai</h2><p>A</p><h3>Ba</h3><p>B</p>')).toEqual([
      { title: 'Bài 1', html: '<p>Mở đầu</p>' },
      { title: 'Một & hai', html: '<p>A</p>' },
      { title: 'Ba', html: '<p>B</p>' },
    ]);
  });

  it('start with the first heading when nothing comes before it, and give one title slide for an empty body', () => {
    expect(splitIntoSlides('Bài 1', '<h2>Một</h2><p>A</p>')).toEqual([{ title: 'Một', html: '<p>A</p>' }]);
    expect(splitIntoSlides('Bài video', null)).toEqual([{ title: 'Bài video', html: '' }]);
    expect(splitIntoSlides('Bài', '<h4>Nhỏ</h4><p>x</p>')).toEqual([{ title: 'Bài', html: '<h4>Nhỏ</h4><p>x</p>' }]);
  });

  it('take heading text without tags', () => {
    expect(textOf('<strong>Đậm</strong>&nbsp; và <em>nghiêng</em>')).toBe('Đậm và nghiêng');
  });
});

describe('CSV export', () => {
  it('defuses cells a spreadsheet would run as formulas and quotes per RFC 4180', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+84912')).toBe("'+84912");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=HYPERLINK("http://x","a")')).toBe(`"'=HYPERLINK(""http://x"",""a"")"`);
    expect(csvCell('Lò, Mai')).toBe('"Lò, Mai"');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
    expect(toCsv([['a', 1], ['b', null]])).toBe('\uFEFFa,1\r\nb,\r\n');
  });
});
