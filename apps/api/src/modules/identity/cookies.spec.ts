import { cookieName, parseCookies, serializeCookie } from './cookies';

describe('cookies', () => {
  it('parses a Cookie header, first value of a name winning', () => {
    const cookies = parseCookies('a=1; hocso_session=abc%2Fd; a=2; broken; b="q"');
    expect([...cookies]).toEqual([['a', '1'], ['hocso_session', 'abc/d'], ['b', 'q']]);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('serialises HttpOnly cookies with SameSite, Max-Age and Secure', () => {
    expect(serializeCookie('s', 'v/1', { secure: true, sameSite: 'Lax', maxAgeSeconds: 60 })).toBe('s=v%2F1; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure');
    expect(serializeCookie('s', '', { secure: false, sameSite: 'Lax', maxAgeSeconds: 0 })).toBe(
      's=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    );
  });

  it('uses the __Host- prefix for secure cookies', () => {
    expect(cookieName('hocso_session', true)).toBe('__Host-hocso_session');
    expect(cookieName('hocso_session', false)).toBe('hocso_session');
  });
});
