import i18next from 'i18next';
import { ApiError } from '../../api/errors';
import accountEn from '../../i18n/locales/account.en.json';
import accountVi from '../../i18n/locales/account.vi.json';
import en from '../../i18n/locales/en.json';
import vi from '../../i18n/locales/vi.json';
import { describeAccountError, looksLikeEmail, looksLikePhone, parseBirthYear, passwordError } from './apiErrors';

async function translator(lng: 'vi' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { vi: { translation: { ...vi, ...accountVi } }, en: { translation: { ...en, ...accountEn } } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const refused = (status: number, details?: { field: string; message: string }[], retryAfter?: number) =>
  new ApiError(status, { statusCode: status, error: 'x', message: 'x', requestId: 'r', path: '/p', ...(details ? { details } : {}) }, 'r', retryAfter);

describe('describeAccountError', () => {
  it('puts the API refusals on their fields, in the UI language, by field and reason', async () => {
    const t = await translator('vi');
    const error = refused(400, [
      { field: 'identifier', message: 'This is not a valid Vietnamese phone number' },
      { field: 'password', message: 'This password is one of the most common and easy to guess; choose another' },
      { field: 'birthYear', message: 'birthYear must not be in the future' },
    ]);
    expect(describeAccountError(t, error, 'phone')).toEqual({
      fields: {
        identifier: 'Hãy nhập số điện thoại đúng, ví dụ 0912 345 678',
        password: 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ vài từ viết liền nhau',
        birthYear: `Năm sinh phải từ 1900 đến ${new Date().getFullYear()}`,
      },
      form: undefined,
    });
    const own = refused(400, [{ field: 'password', message: 'The password must not be your phone number or email address' }]);
    expect(describeAccountError(t, own).fields.password).toBe('Mật khẩu không được là số điện thoại hoặc email của bạn');
  });

  it('says something useful for unknown fields, rate limits, expired sessions and network failures', async () => {
    const t = await translator('en');
    expect(describeAccountError(t, refused(400, [{ field: 'role', message: 'property role should not exist' }]))).toEqual({
      fields: {},
      form: 'The request was not valid. Please reload the page and try again.',
    });
    expect(describeAccountError(t, refused(429, undefined, 840)).form).toBe('Too many attempts. Please wait 14 minutes and try again.');
    expect(describeAccountError(t, refused(429)).form).toBe('Too many attempts. Please wait a while and try again.');
    expect(describeAccountError(t, refused(401)).form).toBe('You have been signed out. Please sign in again and retry.');
    expect(describeAccountError(t, new TypeError('Failed to fetch')).form).toBe('Could not reach the server. Please check your connection and try again.');
  });
});

describe('checks before sending', () => {
  it('accepts the usual spellings of phone numbers and emails, loosely', () => {
    for (const phone of ['0912 345 678', '0912.345.678', '+84 912 345 678', '(+84) 912345678', '0243 123 4567']) expect(looksLikePhone(phone)).toBe(true);
    for (const bad of ['12345', 'abc', '0912 345 678 999 999']) expect(looksLikePhone(bad)).toBe(false);
    expect(looksLikeEmail('ba.tu@gmail.com')).toBe(true);
    expect(looksLikeEmail('ba.tu@gmail')).toBe(false);
  });

  it('counts a password in characters (Vietnamese letters once) and reads a year of birth', async () => {
    const t = await translator('vi');
    expect(passwordError(t, '')).toBe('Hãy nhập mật khẩu');
    expect(passwordError(t, 'mẹ ơi ạ')).toBe('Mật khẩu cần ít nhất 8 ký tự');
    expect(passwordError(t, 'mẹ ơi ạ!')).toBeUndefined();
    expect(parseBirthYear(t, '')).toEqual({ year: null });
    expect(parseBirthYear(t, ' 1956 ')).toEqual({ year: 1956 });
    expect(parseBirthYear(t, '56').error).toBe('Hãy nhập năm sinh bằng 4 chữ số, ví dụ 1960');
    expect(parseBirthYear(t, '1850').error).toMatch(/^Năm sinh phải từ 1900 đến \d{4}$/);
  });
});
