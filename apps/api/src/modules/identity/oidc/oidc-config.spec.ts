import { loadConfig } from '../../../config/app-config';

const base = { DATABASE_URL: 'postgres://u@localhost/db', REDIS_URL: 'redis://localhost:6379' };

describe('OIDC configuration', () => {
  it('is off by default, with default claim names and scopes', () => {
    const config = loadConfig(base);
    expect(config.OIDC_ISSUER).toBeUndefined();
    expect(config.OIDC_NATIONAL_ID_CLAIM).toBe('national_id');
    expect(config.OIDC_SCOPES).toBe('openid profile');
  });

  it('needs the client id, secret and HMAC key when the issuer is set', () => {
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://id.example.vn' })).toThrow(/OIDC_CLIENT_ID is required.*OIDC_CLIENT_SECRET is required.*NATIONAL_ID_HMAC_KEY is required/);
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://id.example.vn', OIDC_CLIENT_ID: 'hocso', OIDC_CLIENT_SECRET: 's', NATIONAL_ID_HMAC_KEY: 'short' })).toThrow(
      /NATIONAL_ID_HMAC_KEY must be at least 32 characters/,
    );
    const config = loadConfig({ ...base, OIDC_ISSUER: 'https://id.example.vn', OIDC_CLIENT_ID: 'hocso', OIDC_CLIENT_SECRET: 's', NATIONAL_ID_HMAC_KEY: 'k'.repeat(32) });
    expect(config.OIDC_CLIENT_ID).toBe('hocso');
  });

  it('refuses a malformed issuer and scopes without openid', () => {
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'id.example.vn' })).toThrow(/OIDC_ISSUER must be an absolute http\(s\) URL/);
    expect(() => loadConfig({ ...base, OIDC_SCOPES: 'profile' })).toThrow(/OIDC_SCOPES must include openid/);
  });
});
