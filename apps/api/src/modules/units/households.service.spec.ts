import { newJoinCode, normalizeJoinCode } from './households.service';

describe('household join codes', () => {
  it('are 8 characters without look-alikes (0/O, 1/I/L)', () => {
    const codes = Array.from({ length: 500 }, newJoinCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are read in any case, with spaces and dashes', () => {
    expect(normalizeJoinCode(' k7mx-3qhp ')).toBe('K7MX3QHP');
    expect(normalizeJoinCode('K7MX 3QHP')).toBe('K7MX3QHP');
  });
});
