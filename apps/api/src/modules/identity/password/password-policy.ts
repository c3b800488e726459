import COMMON_PASSWORDS from './common-passwords.json';

/** Length in characters (code points), so that Vietnamese letters count once. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Passwords are compared and hashed in Unicode NFC: phones' keyboards type Vietnamese letters either
 * precomposed or as a letter plus combining marks, and the same password must match either way.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

/**
 * The skeleton used to compare a password with the list of common ones and with the person's own
 * phone number or email: lower case, no Vietnamese diacritics (đ → d), no spaces. "Mật Khẩu 123"
 * and "matkhau123" are the same guess to an attacker.
 */
export function passwordSkeleton(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, '');
}

const COMMON = new Set((COMMON_PASSWORDS as string[]).map(passwordSkeleton));

/** The number of entries of the shipped list of common passwords. */
export const COMMON_PASSWORD_COUNT = COMMON.size;

/**
 * NIST SP 800-63B style rules: at least 8 and at most 256 characters, any characters (long
 * passphrases welcome, no composition rules), not one of the most common passwords, not a single
 * repeated character, and not the person's own phone number or email.
 * Returns the reason a password is refused, or null when it is accepted.
 *
 * @param ownIdentifiers the spellings of the person's phone number and email (see phoneSpellings)
 */
export function passwordProblem(password: string, ownIdentifiers: string[] = []): string | null {
  const length = [...normalisePassword(password)].length;
  if (length < PASSWORD_MIN_LENGTH) return `The password must have at least ${PASSWORD_MIN_LENGTH} characters; a few words in a row are easy to remember`;
  if (length > PASSWORD_MAX_LENGTH) return `The password must have at most ${PASSWORD_MAX_LENGTH} characters`;
  const skeleton = passwordSkeleton(password);
  if (COMMON.has(skeleton) || /^(.)\1*$/u.test(skeleton)) {
    return 'This password is one of the most common and easy to guess; choose another, for example a few words in a row';
  }
  for (const own of ownIdentifiers) {
    const mine = passwordSkeleton(own);
    const local = mine.includes('@') ? mine.slice(0, mine.indexOf('@')) : undefined;
    if (skeleton === mine || (local !== undefined && local.length > 0 && skeleton === local)) {
      return 'The password must not be your phone number or email address';
    }
  }
  return null;
}
