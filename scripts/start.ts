/**
 * `npm start`: runs hocso with demo content on one URL — API (serving the built web app), worker,
 * and PostgreSQL/Redis found or started by scripts/lib/infra.ts. Ctrl-C stops everything cleanly.
 * Expects `npm run build` to have run (npm start does it first).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { API_NODE_FLAGS } from './lib/api-node-flags';
import { ensureDatabase, InfraError, provideInfra, START_PORTS, type Infra } from './lib/infra';
import { startChild, stopChild, waitForHttp, type Child } from './lib/processes';

const root = resolve(__dirname, '..');
const dataDir = process.env.HOCSO_DATA_DIR ?? join(root, '.data');
const apiMain = join(root, 'apps/api/dist/apps/api/src/main.js');
const workerMain = join(root, 'apps/api/dist/apps/api/src/worker.js');
const webDist = join(root, 'apps/web/dist');

/** A generated secret kept under .data/ so it stays the same between runs. */
function localSecret(name: string, given: string | undefined, bytes = 12): string {
  if (given) return given;
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(bytes).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** This installation's certificate signing key: one Ed25519 seed made at the first start, kept in .data/. */
function localSigningKeys(): string {
  if (process.env.CERT_SIGNING_KEYS) return process.env.CERT_SIGNING_KEYS;
  return JSON.stringify([{ id: 'local-1', seed: localSecret('certificate-signing-seed', undefined, 32) }]);
}

async function main(): Promise<void> {
  for (const [what, file] of [['API', apiMain], ['web app', join(webDist, 'index.html')]] as const) {
    if (!existsSync(file)) throw new InfraError(`The ${what} is not built (${file} is missing): run \`npm run build\` or use \`npm start\`.`);
  }
  const infra: Infra = await provideInfra(dataDir, START_PORTS);
  const children: Child[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping hocso…');
    await Promise.all(children.map((c) => stopChild(c)));
    await infra.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      await ensureDatabase(infra.postgresAdminUrl, 'hocso');
      databaseUrl = infra.databaseUrl('hocso');
    }
    const port = process.env.PORT ?? '3000';
    const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
    const password = localSecret('queue-dashboard-password', process.env.QUEUE_DASHBOARD_PASSWORD);
    const demoPassword = localSecret('demo-accounts-password', process.env.DEMO_ACCOUNTS_PASSWORD);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'production',
      DATABASE_URL: databaseUrl,
      REDIS_URL: infra.redisUrl,
      PORT: port,
      PUBLIC_URL: publicUrl,
      WEB_DIST: process.env.WEB_DIST ?? webDist,
      DEMO_CONTENT: process.env.DEMO_CONTENT ?? 'true',
      QUEUE_DASHBOARD_PASSWORD: password,
      DEMO_ACCOUNTS_PASSWORD: demoPassword,
      CERT_SIGNING_KEYS: localSigningKeys(),
    };
    for (const note of infra.notes) console.log(`• ${note}`);

    // The worker first: both run pending migrations at boot under an advisory lock.
    children.push(startChild('worker', process.execPath, [workerMain], env));
    children.push(startChild('api', process.execPath, [...API_NODE_FLAGS, apiMain], env));
    for (const child of children) {
      void child.exited.then((code) => {
        if (stopping) return;
        console.error(`\nThe ${child.name} stopped (exit code ${code}).${child.name === 'api' ? ` If port ${port} is taken, run with PORT=<another port>.` : ''}`);
        void stopAll(1);
      });
    }
    await waitForHttp(`http://127.0.0.1:${port}/api/health/ready`, 120_000, () => !stopping);
    console.log(
      [
        '',
        `hocso is running: ${publicUrl}`,
        `  API documentation: ${publicUrl}/api/docs`,
        `  Queue dashboard:   ${publicUrl}/api/admin/queues (user admin, password ${password})`,
        `  Demo accounts (password ${demoPassword}): administrator 0900000001,`,
        '    official of Lai Châu province 0900000002, official of Bình Lư commune 0900000003',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopAll(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof InfraError ? error.message : error);
  process.exit(1);
});
