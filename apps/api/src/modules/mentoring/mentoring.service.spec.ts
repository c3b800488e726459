import { plainNote, secondsUntilNextVietnamDay } from './mentoring.service';

describe('plainNote', () => {
  it('keeps plain text, folds white space, drops control and direction characters', () => {
    expect(plainNote('  Cố lên\u0000 bà\n\nnhé  ')).toBe('Cố lên bà nhé');
    expect(plainNote('a\u202eb\u200bc')).toBe('a b c');
    expect(plainNote('<b>x</b>')).toBe('<b>x</b>'); // shown as text, never as HTML
    expect(plainNote('   ')).toBeNull();
    expect(plainNote(undefined)).toBeNull();
  });
});

describe('secondsUntilNextVietnamDay', () => {
  it('counts to midnight in UTC+7', () => {
    expect(secondsUntilNextVietnamDay(new Date('2026-12-02T16:59:00Z'))).toBe(60); // 23:59 in Hà Nội
    expect(secondsUntilNextVietnamDay(new Date('2026-12-02T17:00:00Z'))).toBe(86_400); // midnight
    expect(secondsUntilNextVietnamDay(new Date('2026-12-02T05:00:00Z'))).toBe(12 * 3600); // noon
  });
});
