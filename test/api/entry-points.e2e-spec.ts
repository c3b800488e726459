import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testEnv } from '../support/env';

const dist = join(__dirname, '../../apps/api/dist/apps/api/src');
const mainJs = join(dist, 'main.js');
const workerJs = join(dist, 'worker.js');

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(script: string, env: Record<string, string>): Running {
  const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exit };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const baseEnv = () => ({
  DATABASE_URL: testEnv.databaseUrl(),
  REDIS_URL: testEnv.redisUrl(),
  QUEUE_PREFIX: testEnv.queuePrefix(),
  LOG_LEVEL: 'info',
});

// The compiled entry points, exactly as `npm start` and the Docker images run them.
describe('API and worker processes', () => {
  beforeAll(() => {
    if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: npm test builds the API first (npm run build -w apps/api)`);
  });

  it('stops at boot with one line naming a bad variable', async () => {
    const api = run(mainJs, { ...baseEnv(), PORT: 'eighty' });
    expect((await api.exit).code).toBe(1);
    expect(api.output().trim()).toBe('Invalid configuration: PORT must be a whole number');

    const worker = run(workerJs, { REDIS_URL: testEnv.redisUrl() });
    expect((await worker.exit).code).toBe(1);
    expect(worker.output().trim()).toMatch(/^Invalid configuration: DATABASE_URL is required/);
  });

  it('logs JSON lines with the request id, and shuts down gracefully on SIGTERM', async () => {
    const port = String(40_000 + Math.floor(Math.random() * 20_000));
    const api = run(mainJs, { ...baseEnv(), PORT: port });
    await until(async () => (await fetch(`http://127.0.0.1:${port}/api/health/ready`).catch(() => undefined))?.status === 200, 'the API to be ready');

    await fetch(`http://127.0.0.1:${port}/api/v1/courses?limit=1`, { headers: { 'x-request-id': 'entry-point-test-1' } });
    await until(() => api.output().split('entry-point-test-1').length > 2, 'the request log lines');
    const lines = api.output().split('\n').filter((l) => l.includes('entry-point-test-1'));
    const entries = lines.map((l) => JSON.parse(l) as { reqId?: string; level?: number; msg?: string });
    expect(entries.map((e) => e.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    expect(entries.every((e) => e.reqId === 'entry-point-test-1' && typeof e.level === 'number')).toBe(true);

    api.child.kill('SIGTERM');
    const started = Date.now();
    expect(await api.exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(api.output()).toMatch(/shutting down \(SIGTERM\)[\s\S]*stopped cleanly \(SIGTERM\)/);
  });

  it('runs the worker until SIGTERM, then closes its connections and exits', async () => {
    const worker = run(workerJs, baseEnv());
    await until(() => worker.output().includes('hocso worker started'), 'the worker to start');
    worker.child.kill('SIGTERM');
    expect(await worker.exit).toEqual({ code: 0, signal: null });
    expect(worker.output()).toMatch(/stopped cleanly \(SIGTERM\)/);
  });
});
