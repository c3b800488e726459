import { InvalidPhoneError, normaliseVietnamesePhone, phoneSpellings } from './phone';

describe('normaliseVietnamesePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['091-234-5678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['(+84) 912 345 678', '+84912345678'],
    ['0084912345678', '+84912345678'],
    ['+84 0912 345 678', '+84912345678'],
    ['912345678', '+84912345678'],
    ['0386123456', '+84386123456'],
    ['0587654321', '+84587654321'],
    ['0701234567', '+84701234567'],
    ['0812345678', '+84812345678'],
    ['0243 826 1234', '+842438261234'],
    ['  0979999999 ', '+84979999999'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseVietnamesePhone(input)).toBe(expected);
  });

  it.each([
    ['', /Enter a phone number/],
    ['09123456', /not a valid Vietnamese phone number/], // too short
    ['091234567890', /not a valid Vietnamese phone number/], // too long
    ['0112345678', /not a valid Vietnamese phone number/], // no network starts with 01 any more
    ['0412345678', /not a valid Vietnamese phone number/],
    ['+14155550123', /Only Vietnamese phone numbers/],
    ['0912abc678', /only digits/],
    ['09+12345678', /only digits/],
  ])('refuses %j with a clear message', (input, message) => {
    expect(() => normaliseVietnamesePhone(input)).toThrow(InvalidPhoneError);
    expect(() => normaliseVietnamesePhone(input)).toThrow(message);
  });

  it('lists the spellings of a number', () => {
    expect(phoneSpellings('+84912345678')).toEqual(['+84912345678', '84912345678', '0912345678', '912345678']);
  });
});
