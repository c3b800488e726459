import { nationalIdHmac } from './national-id';

describe('nationalIdHmac', () => {
  const key = 'k'.repeat(32);
  it('is a 64-digit hex HMAC that does not contain the number', () => {
    const hmac = nationalIdHmac(key, '001099012345');
    expect(hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(hmac).not.toContain('001099012345');
  });
  it('ignores spaces, dots and dashes and accepts a numeric claim', () => {
    expect(nationalIdHmac(key, '001 099-012.345')).toBe(nationalIdHmac(key, '001099012345'));
    expect(nationalIdHmac(key, 79012345)).toBe(nationalIdHmac(key, '79012345'));
  });
  it('depends on the key', () => {
    expect(nationalIdHmac(key, '001099012345')).not.toBe(nationalIdHmac('x'.repeat(32), '001099012345'));
  });
});
