import fc from 'fast-check';
import { gradeItem, normaliseText, shuffle, stripVietnameseAccents } from './graders';

describe('stripVietnameseAccents / normaliseText', () => {
  it('removes tones and marks, and turns đ into d', () => {
    expect(stripVietnameseAccents('Hà Nội')).toBe('Ha Noi');
    expect(stripVietnameseAccents('Đường Trường Sơn')).toBe('Duong Truong Son');
    expect(stripVietnameseAccents('mật khẩu')).toBe('mat khau');
    expect(stripVietnameseAccents('ưởng ỡ ặ')).toBe('uong o a');
  });
  it('folds case and whitespace; accents only when asked', () => {
    expect(normaliseText('  Mật   KHẨU ')).toBe('mật khẩu');
    expect(normaliseText('  Mật   KHẨU ', { accentInsensitive: true })).toBe('mat khau');
    expect(normaliseText('Mật', { caseSensitive: true })).toBe('Mật');
  });
  it('treats NFC and NFD spellings alike', () => {
    const nfd = 'Việt Nam'.normalize('NFD');
    expect(normaliseText(nfd)).toBe(normaliseText('Việt Nam'));
  });
  it('property: stripping is idempotent and leaves only ASCII for Vietnamese letters', () => {
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ĐÂĂÊÔƠƯ';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 30 }), (chars) => {
        const once = stripVietnameseAccents(chars.join(''));
        expect(stripVietnameseAccents(once)).toBe(once);
        expect(/^[\x20-\x7e]*$/.test(once)).toBe(true);
      }),
    );
  });
});

describe('gradeItem', () => {
  it('single choice', () => {
    const key = { correctOptionIds: ['b'] };
    expect(gradeItem('single_choice', key, { optionIds: ['b'] })).toEqual({ score: 1, correct: true, needsReview: false });
    expect(gradeItem('single_choice', key, { optionIds: ['a'] }).correct).toBe(false);
    expect(gradeItem('single_choice', key, { optionIds: ['a', 'b'] }).correct).toBe(false);
    expect(gradeItem('single_choice', key, null).correct).toBe(false);
  });
  it('multiple choice: exactly the right set', () => {
    const key = { correctOptionIds: ['a', 'c'] };
    expect(gradeItem('multiple_choice', key, { optionIds: ['c', 'a'] }).correct).toBe(true);
    expect(gradeItem('multiple_choice', key, { optionIds: ['a'] }).correct).toBe(false);
    expect(gradeItem('multiple_choice', key, { optionIds: ['a', 'c', 'b'] }).correct).toBe(false);
    expect(gradeItem('multiple_choice', key, { optionIds: ['a', 'a'] }).correct).toBe(false);
  });
  it('true/false', () => {
    expect(gradeItem('true_false', { correctBoolean: false }, { booleanValue: false }).correct).toBe(true);
    expect(gradeItem('true_false', { correctBoolean: false }, { booleanValue: true }).correct).toBe(false);
    expect(gradeItem('true_false', { correctBoolean: false }, {}).correct).toBe(false);
  });
  it('ordering', () => {
    expect(gradeItem('ordering', { order: ['x', 'y', 'z'] }, { order: ['x', 'y', 'z'] }).correct).toBe(true);
    expect(gradeItem('ordering', { order: ['x', 'y', 'z'] }, { order: ['y', 'x', 'z'] }).correct).toBe(false);
    expect(gradeItem('ordering', { order: ['x', 'y', 'z'] }, { order: ['x', 'y'] }).correct).toBe(false);
  });
  it('matching', () => {
    const key = { pairs: { a: '1', b: '2' } };
    expect(gradeItem('matching', key, { pairs: [{ optionId: 'b', targetId: '2' }, { optionId: 'a', targetId: '1' }] }).correct).toBe(true);
    expect(gradeItem('matching', key, { pairs: [{ optionId: 'a', targetId: '2' }, { optionId: 'b', targetId: '1' }] }).correct).toBe(false);
    expect(gradeItem('matching', key, { pairs: [{ optionId: 'a', targetId: '1' }] }).correct).toBe(false);
  });
  it('short text, accent-insensitive only where the author allows it', () => {
    const strict = { acceptedAnswers: ['Mật khẩu'] };
    const loose = { acceptedAnswers: ['Mật khẩu'], accentInsensitive: true };
    expect(gradeItem('short_text', strict, { text: '  mật   KHẨU ' }).correct).toBe(true);
    expect(gradeItem('short_text', strict, { text: 'mat khau' }).correct).toBe(false);
    expect(gradeItem('short_text', loose, { text: 'mat khau' }).correct).toBe(true);
    expect(gradeItem('short_text', { acceptedAnswers: ['Đà Nẵng'], accentInsensitive: true }, { text: 'da nang' }).correct).toBe(true);
    expect(gradeItem('short_text', loose, { text: 'mật mã' }).correct).toBe(false);
    expect(gradeItem('short_text', loose, { text: '' }).correct).toBe(false);
  });
  it('numeric with tolerance', () => {
    expect(gradeItem('numeric', { numericValue: 10, tolerance: 0.5 }, { numberValue: 10.4 }).correct).toBe(true);
    expect(gradeItem('numeric', { numericValue: 10, tolerance: 0.5 }, { numberValue: 10.6 }).correct).toBe(false);
    expect(gradeItem('numeric', { numericValue: 0.3 }, { numberValue: 0.1 + 0.2 }).correct).toBe(true);
  });
  it('free text goes to a person; an empty one scores 0', () => {
    expect(gradeItem('free_text', {}, { text: 'Tôi sẽ gọi lại ngân hàng' })).toEqual({ score: 0, correct: null, needsReview: true });
    expect(gradeItem('free_text', {}, { text: '  ' })).toEqual({ score: 0, correct: false, needsReview: false });
  });
  it('property: any accent-stripped, re-cased, re-spaced answer passes when accent-insensitive', () => {
    const words = fc.array(fc.constantFrom('Hà', 'Nội', 'mật', 'khẩu', 'điện', 'thoại', 'Đường', 'an', 'toàn'), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(words, fc.boolean(), (ws, upper) => {
        const answer = ws.join(' ');
        let typed = stripVietnameseAccents(ws.join('   '));
        typed = upper ? typed.toUpperCase() : typed;
        expect(gradeItem('short_text', { acceptedAnswers: [answer], accentInsensitive: true }, { text: ` ${typed} ` }).correct).toBe(true);
      }),
    );
  });
  it('property: a score is always 0 or 1 for automatic kinds and a wrong set never passes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 }), fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd')), (key, given) => {
        const g = gradeItem('multiple_choice', { correctOptionIds: key }, { optionIds: given });
        expect([0, 1]).toContain(g.score);
        expect(g.correct).toBe(new Set(key).size === new Set(given).size && key.every((k) => given.includes(k)));
      }),
    );
  });
});

describe('shuffle', () => {
  it('property: a permutation of its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (xs) => {
        expect([...shuffle(xs)].sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });
});
