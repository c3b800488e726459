import request from 'supertest';
import { testEnv } from '../support/env';
import { startApi, type RunningApi } from '../support/app';
import { hostPort, TcpProxy, viaProxy } from '../support/tcp-proxy';

describe('liveness and readiness', () => {
  let api: RunningApi;
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;

  beforeAll(async () => {
    const pg = hostPort(testEnv.databaseUrl(), 5432);
    const redis = hostPort(testEnv.redisUrl(), 6379);
    pgProxy = await new TcpProxy(pg.host, pg.port).start();
    redisProxy = await new TcpProxy(redis.host, redis.port).start();
    api = await startApi({ DATABASE_URL: viaProxy(testEnv.databaseUrl(), pgProxy), REDIS_URL: viaProxy(testEnv.redisUrl(), redisProxy) });
  });
  afterAll(async () => {
    await pgProxy.restore().catch(() => undefined);
    await redisProxy.restore().catch(() => undefined);
    await api.close();
    await pgProxy.cut();
    await redisProxy.cut();
  });

  it('is live and ready when PostgreSQL and Redis answer', async () => {
    await request(api.url).get('/api/health/live').expect(200, { status: 'ok' });
    const res = await request(api.url).get('/api/health/ready').expect(200);
    expect(res.body).toMatchObject({ status: 'ready', checks: { database: { status: 'up' }, redis: { status: 'up' } } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is not ready, with the reason, when Redis is down; ready again when it returns', async () => {
    await redisProxy.cut();
    const res = await request(api.url).get('/api/health/ready').expect(503);
    expect(res.body.status).toBe('not_ready');
    expect(res.body.checks.database.status).toBe('up');
    expect(res.body.checks.redis).toMatchObject({ status: 'down', reason: expect.stringMatching(/^Redis is not reachable: /) });
    await request(api.url).get('/api/health/live').expect(200);

    await redisProxy.restore();
    await waitUntilReady(api.url);
  });

  it('is not ready, with the reason, when PostgreSQL is down', async () => {
    await pgProxy.cut();
    const res = await request(api.url).get('/api/health/ready').expect(503);
    expect(res.body.checks.database).toMatchObject({ status: 'down', reason: expect.stringMatching(/^PostgreSQL is not reachable: /) });
    expect(res.body.checks.redis.status).toBe('up');

    await pgProxy.restore();
    await waitUntilReady(api.url);
  });
});

async function waitUntilReady(url: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const res = await request(url).get('/api/health/ready');
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the API did not become ready again');
}
