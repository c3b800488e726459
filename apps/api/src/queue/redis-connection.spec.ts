import { redisOptionsFromUrl } from './redis-connection';

describe('redisOptionsFromUrl', () => {
  it('reads host, port, credentials and database', () => {
    expect(redisOptionsFromUrl('redis://user:p%40ss@cache.local:6380/3')).toMatchObject({
      host: 'cache.local', port: 6380, username: 'user', password: 'p@ss', db: 3, tls: undefined,
    });
  });
  it('defaults the port and database, and turns on TLS for rediss', () => {
    expect(redisOptionsFromUrl('rediss://cache.local')).toMatchObject({ port: 6379, db: 0, tls: {} });
  });
});
