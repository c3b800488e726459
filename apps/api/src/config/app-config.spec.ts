import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u@localhost/db', REDIS_URL: 'redis://localhost:6379' };

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig({ ...base, PORT: '8080', DEMO_CONTENT: 'true' });
    expect(config.PORT).toBe(8080);
    expect(config.DEMO_CONTENT).toBe(true);
    expect(config.QUEUE_PREFIX).toBe('hocso');
    expect(config.RUN_MIGRATIONS).toBe(true);
  });

  it('names a missing variable in one line', () => {
    expect(() => loadConfig({ REDIS_URL: base.REDIS_URL })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: base.REDIS_URL })).toThrow(/^Invalid configuration: DATABASE_URL is required/);
  });

  it('names a malformed variable', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ ...base, REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must be a redis:\/\//);
    expect(() => loadConfig({ ...base, QUEUE_DASHBOARD_PASSWORD: 'short' })).toThrow(/QUEUE_DASHBOARD_PASSWORD must be at least 12/);
  });
});
