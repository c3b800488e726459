import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEMO_COURSES } from '../../apps/api/src/modules/content/demo-courses';
import { canConnectPostgres, canConnectRedis } from '../../scripts/lib/infra';

const root = join(__dirname, '../..');

/**
 * `npm start` on a machine with no PostgreSQL and no Redis running (the local ports are pointed at
 * closed ones): it must start an embedded PostgreSQL and a redis-server child, serve the web app and
 * the demo courses on one URL, and stop all of it on Ctrl-C.
 */
describe('npm start with nothing installed but Node', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hocso-start-'));
  let postgresDir: string | undefined; // may sit outside dataDir when running as root
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    if (postgresDir) rmSync(dirname(postgresDir), { recursive: true, force: true });
  });

  it('runs API, worker, web, embedded PostgreSQL and Redis, then stops them on Ctrl-C', async () => {
    if (!existsSync(join(root, 'apps/api/dist/apps/api/src/main.js'))) throw new Error('build first (npm test does)');
    const base = 20_000 + Math.floor(Math.random() * 10_000);
    const ports = { api: base, pg: base + 1, redis: base + 2 };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOCSO_DATA_DIR: dataDir,
      HOCSO_LOCAL_POSTGRES_URL: 'postgres://postgres@127.0.0.1:1/postgres',
      HOCSO_LOCAL_REDIS_URL: 'redis://127.0.0.1:1',
      HOCSO_EMBEDDED_PG_PORT: String(ports.pg),
      HOCSO_CHILD_REDIS_PORT: String(ports.redis),
      PORT: String(ports.api),
      QUEUE_PREFIX: `hocso-start-test-${base}`,
    };
    // As package.json's "start" runs it: one node process with the tsx loader (tsx's own CLI would
    // stand between the signal and the script, and SIGKILL it if it is slow to answer).
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: root, env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!output.includes('hocso is running')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      postgresDir = /PostgreSQL: embedded, data in (\S+\/postgres), port/.exec(output)?.[1];
      expect(postgresDir).toBeDefined();
      expect(output).toContain('Redis: redis-server child process');

      const url = `http://127.0.0.1:${ports.api}`;
      let total = 0;
      const demoCourses = DEMO_COURSES.length;
      for (let i = 0; i < 60 && total < demoCourses; i++) {
        total = ((await (await fetch(`${url}/api/v1/courses`)).json()) as { total: number }).total;
        if (total < demoCourses) await new Promise((r) => setTimeout(r, 250));
      }
      expect(total).toBe(demoCourses); // the demo courses, imported by the worker
      const page = await fetch(`${url}/`);
      expect(await page.text()).toContain('<div id="root"');

      // The demo administrator printed at start can sign in once the worker has made the account.
      const demoPassword = /Demo accounts \(password (\S+)\)/.exec(output)?.[1];
      expect(demoPassword).toBeDefined();
      let roles: string[] = [];
      // Spaced attempts: failed sign-ins count toward the per-account limit (10 per 15 minutes).
      for (let i = 0; i < 9 && roles.length === 0; i++) {
        const res = await fetch(`${url}/api/v1/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ identifier: '0900000001', password: demoPassword }),
        });
        if (res.status === 200) roles = ((await res.json()) as { roles: { role: string }[] }).roles.map((r) => r.role);
        else await new Promise((r) => setTimeout(r, 2000));
      }
      expect(roles).toContain('administrator');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exit).toBe(0);
    expect(output).toContain('Stopping hocso');
    expect(await canConnectPostgres(`postgres://postgres:hocso-local@127.0.0.1:${ports.pg}/postgres`, 500)).toBe(false);
    expect(await canConnectRedis(`redis://127.0.0.1:${ports.redis}`, 500)).toBe(false);
  }, 150_000);
});
