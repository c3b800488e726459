/**
 * Vietnamese phone numbers, normalised to E.164 (+84 followed by the national significant number).
 *
 * Accepted as typed by people: 0912 345 678, 0912.345.678, 091-234-5678, (+84) 912 345 678,
 * 84912345678, 0084912345678, +84912345678, and 912345678 (the leading 0 forgotten).
 * Valid numbers: mobiles (9 digits after the 0, first digits 3x, 5x, 7x, 8x, 9x as allotted to the
 * networks since 2018) and landlines (10 digits after the 0, starting with 2: 02x area codes).
 */
export class InvalidPhoneError extends Error {}

const MOBILE = /^(3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$/;
const LANDLINE = /^2\d{9}$/;

export function normaliseVietnamesePhone(input: string): string {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  if (compact === '') throw new InvalidPhoneError('Enter a phone number');
  if (!/^\+?\d+$/.test(compact)) {
    throw new InvalidPhoneError('A phone number may contain only digits, and a + at the start (spaces, dots and dashes are ignored)');
  }
  let national: string;
  if (compact.startsWith('+')) {
    if (!compact.startsWith('+84')) throw new InvalidPhoneError('Only Vietnamese phone numbers (+84) are accepted; you can use an email address instead');
    national = compact.slice(3);
  } else if (compact.startsWith('0084')) {
    national = compact.slice(4);
  } else if (compact.startsWith('0')) {
    national = compact.slice(1);
  } else if (compact.startsWith('84') && compact.length >= 11) {
    national = compact.slice(2);
  } else {
    national = compact;
  }
  // "+84 0912…" and "84 0912…": people often keep the trunk 0 after the country code.
  if (national.startsWith('0') && national.length >= 10) national = national.slice(1);
  if (MOBILE.test(national) || LANDLINE.test(national)) return `+84${national}`;
  throw new InvalidPhoneError('This is not a valid Vietnamese phone number: a mobile number has 10 digits and starts with 03, 05, 07, 08 or 09 (e.g. 0912 345 678)');
}

/** The ways a person may write their own number (for refusing it as a password). */
export function phoneSpellings(e164: string): string[] {
  const national = e164.replace(/^\+84/, '');
  return [e164, `84${national}`, `0${national}`, national];
}
