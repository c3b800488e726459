import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../../apps/api/src/bootstrap/create-app';
import { createWorker } from '../../apps/api/src/bootstrap/create-worker';
import { type AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import { testEnv } from './env';

/** The configuration of the run's real database and Redis, with per-test overrides. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testEnv.databaseUrl(),
    REDIS_URL: testEnv.redisUrl(),
    QUEUE_PREFIX: testEnv.queuePrefix(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    RUN_MIGRATIONS: 'false', // the global setup migrated the run's database
    TRUST_PROXY: '1', // tests play the proxy: each test client may give its own X-Forwarded-For
    // The periodic certificate sweep would issue certificates for completions other test files write into
    // the shared database; tests that need it call CertificatesService.sweep() or set it.
    CERT_SWEEP_MINUTES: '0',
    ...overrides,
  });
}

export interface RunningApi {
  app: NestFastifyApplication;
  /** Base URL of the server listening on a free loopback port. */
  url: string;
  close(): Promise<void>;
}

/** The real HTTP API (Fastify, PostgreSQL, Redis), listening on a free port. */
export async function startApi(overrides: Record<string, string> = {}): Promise<RunningApi> {
  const app = await createHttpApp(testConfig(overrides));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** The real worker (BullMQ processors) in this process. */
export function startWorker(overrides: Record<string, string> = {}): Promise<INestApplicationContext> {
  return createWorker(testConfig(overrides));
}

/** Polls until the check returns a value other than undefined (for effects of jobs). */
export async function waitFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
