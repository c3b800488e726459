import { COMMON_PASSWORD_COUNT, normalisePassword, passwordProblem, passwordSkeleton } from './password-policy';

describe('password policy', () => {
  it('ships a list of a few hundred common passwords', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(300);
  });

  it.each(['123456789', 'matkhau123', 'anhyeuem', 'iloveyou', 'IloveYou', 'ANHYEUEM', 'Mật Khẩu 123', 'anh yêu em', 'password', 'qwertyuiop', '66668888', 'Việt Nam 123'])(
    'refuses the common password %j (case, spaces and diacritics ignored)',
    (password) => {
      expect(passwordProblem(password)).toMatch(/most common/);
    },
  );

  it('refuses a single repeated character', () => {
    expect(passwordProblem('zzzzzzzzzz')).toMatch(/most common/);
  });

  it('refuses fewer than 8 and more than 256 characters, counting Vietnamese letters once', () => {
    expect(passwordProblem('ngắn7ch')).toMatch(/at least 8/);
    // Typed with combining marks (more code units than letters): counted as the letters seen.
    expect(passwordProblem('ngắn7ch'.normalize('NFD'))).toMatch(/at least 8/);
    expect(passwordProblem('bà ngoại ơi'.normalize('NFD'))).toBeNull();
    expect(passwordProblem('x'.repeat(257) + 'y')).toMatch(/at most 256/);
  });

  it('accepts long passphrases with no composition rules, up to 256 characters', () => {
    expect(passwordProblem('con mèo nhà bà tư ăn cá kho')).toBeNull();
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('abcdefgh-lowercase-only')).toBeNull();
    expect(passwordProblem(`${'long passphrase '.repeat(16)}`.slice(0, 256))).toBeNull();
  });

  it('refuses the person own phone number or email, in any spelling', () => {
    const own = ['+84912345678', '84912345678', '0912345678', '912345678', 'ba.tu@example.vn'];
    expect(passwordProblem('0912345678', own)).toMatch(/phone number or email/);
    expect(passwordProblem('0912 345 678', own)).toMatch(/phone number or email/);
    expect(passwordProblem('BA.TU@example.vn', own)).toMatch(/phone number or email/);
    expect(passwordProblem('ba.tu@example', own)).toBeNull();
    expect(passwordProblem('0912345679', own)).toBeNull();
  });

  it('compares in NFC and skeletons without diacritics', () => {
    expect(normalisePassword('ệ'.normalize('NFD'))).toBe('ệ');
    expect(passwordSkeleton('Đường Phố')).toBe('duongpho');
  });
});
