/**
 * Progress-events benchmark: POST /api/v1/progress/events on the real hocso API (apps/api/dist, one
 * process, started with the production Node flags of scripts/lib/api-node-flags.ts), driven by
 * autocannon with 200 concurrent connections (default), each request signed in as one of N learners
 * (session cookie + CSRF header) enrolled in a course with a one-hour video, and carrying K fresh
 * `video_watched` events. First, on the same PostgreSQL, a raw baseline: pgbench with one INSERT … ON
 * CONFLICT DO UPDATE per transaction on a table shaped like lesson_progress (uuid keys, a multirange
 * union, a position), with as many clients as the server's max_connections leaves free (at most the
 * connections asked for).
 *
 * Two measurements per batch size K:
 *   - saturation: each connection sends its next request as soon as the last one is answered (closed
 *     loop), so events/s is the most the API stores; latency there is connections ÷ throughput.
 *   - at the baseline's rate: the same connections send, in all, the events/s pgbench reached (an open
 *     loop of baseline ÷ K requests/s): the latency and memory of the API carrying the load the raw
 *     database carried.
 *
 *   npx tsx bench/progress.bench.ts [--duration=10] [--connections=200] [--warmup=2] [--events=1,2,10] [--learners=2000]
 *
 * Needs `npm run build` first (the API runs from apps/api/dist) and pgbench (PostgreSQL's client tools).
 * Prints events/s, requests/s, p50/p90/p99 latency and the API's peak RSS, then the baseline's figures.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import pg from 'pg';
import { API_NODE_FLAGS } from '../scripts/lib/api-node-flags';
import { provideInfra, type Infra } from '../scripts/lib/infra';
import { openLoop, OpenLoopConnections } from './lib/open-loop';
import { cpuSecondsOf, cpuSecondsOfCommand, freePort, loadLine, machineLine, peakRssBytes, readSettings, repoRoot, resetPeakRss, startNode, stopAllChildren, waitFor } from './lib/harness';

const root = repoRoot(__dirname);
interface Build {
  label: string;
  /** The folder holding the API's compiled main.js. */
  dist: string;
}
/**
 * BENCH_API_DIST=[label=]folder[,[label=]folder…]: other builds of the API (folders holding main.js, e.g. a copy
 * of an earlier build), measured in turn in the same run to compare before/after under the same load.
 */
const builds: Build[] = (process.env.BENCH_API_DIST ?? join(root, 'apps/api/dist/apps/api/src'))
  .split(',')
  .filter(Boolean)
  .map((entry, i) => {
    const eq = entry.indexOf('=');
    return eq > 0 ? { label: entry.slice(0, eq), dist: entry.slice(eq + 1) } : { label: `build ${i + 1}`, dist: entry };
  });
const BENCH_PORTS = { postgres: 54349, redis: 63792 };
const VIDEO_SECONDS = 3600;
/** The API runs with NODE_ENV=production: secure cookies, hence the __Host- prefix (see identity/cookies.ts). */
const SESSION_COOKIE_NAME = '__Host-hocso_session';

interface Figures {
  name: string;
  eventsPerSec: number;
  requestsPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  non2xx: number;
  peakRssMb?: number;
  note?: string;
}

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.slice(2).find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const base = readSettings();
  const connections = (flag('connections') ?? process.env.BENCH_CONNECTIONS) !== undefined ? base.connections : 200;
  const settings = { ...base, connections };
  const batchSizes = (flag('events') ?? '1,2,10').split(',').map(Number).filter((n) => n >= 1 && n <= 200);
  const learners = Number(flag('learners') ?? 2000);
  const unbuilt = builds.find((b) => !existsSync(join(b.dist, 'main.js')));
  if (unbuilt) {
    console.error(`The API is not built (${unbuilt.dist}): run \`npm run build\` first.`);
    process.exitCode = 1;
    return;
  }

  const id = randomBytes(4).toString('hex');
  const database = `hocso_bench_${id}`;
  const queuePrefix = `hocso_bench_${id}`;
  const logDir = mkdtempSync(join(tmpdir(), 'hocso-pgbench-'));
  let infra: Infra | undefined;
  let created = false;
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await stopAllChildren();
    rmSync(logDir, { recursive: true, force: true });
    if (!infra) return;
    if (created) {
      const admin = new pg.Client({ connectionString: infra.postgresAdminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => admin.end());
    }
    const redis = new Redis(infra.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    await infra.stop();
  };
  const onSignal = () => {
    console.error('\nInterrupted: stopping the API and removing the benchmark database…');
    void cleanUp().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    infra = await provideInfra(join(root, '.data/bench'), BENCH_PORTS);
    const admin = new pg.Client({ connectionString: infra.postgresAdminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`).finally(() => admin.end());
    created = true;
    const databaseUrl = infra.databaseUrl(database);

    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ['WEB_DIST', 'QUEUE_DASHBOARD_PASSWORD', 'DEMO_CONTENT', 'PUBLIC_URL']) delete env[key];
    Object.assign(env, { NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL: infra.redisUrl, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'warn', RUN_MIGRATIONS: 'true', HOST: '127.0.0.1' });
    // Production mode wants certificate signing keys: a throw-away one for this run.
    env.CERT_SIGNING_KEYS ??= JSON.stringify([{ id: `bench-${id}`, seed: randomBytes(32).toString('hex') }]);
    const nodeFlags = [
      // BENCH_API_NODE_FLAGS replaces the production flags (e.g. to compare heap settings; "none" for none).
      ...(process.env.BENCH_API_NODE_FLAGS === undefined ? API_NODE_FLAGS : process.env.BENCH_API_NODE_FLAGS.split(' ').filter((f) => f && f !== 'none')),
      ...(process.env.BENCH_API_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_CPU_PROF}`] : []),
      ...(process.env.BENCH_API_HEAP_PROF ? ['--heap-prof', `--heap-prof-dir=${process.env.BENCH_API_HEAP_PROF}`] : []),
    ];
    const startApi = async (build: Build) => {
      const port = await freePort();
      const child = startNode('api', [...nodeFlags, join(build.dist, 'main.js')], { cwd: root, env: { ...env, PORT: String(port) } });
      await waitFor(`http://127.0.0.1:${port}/api/health/ready`, child, (status) => status === 200, 'the API to be ready', 120_000);
      return { port, child };
    };
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    console.log(`progress benchmark: ${infra.notes.join('; ')}; database ${database}`);
    console.log(`${machineLine()}; ${loadLine()} at the start`);
    const { rows: [{ max_connections: maxConnections }] } = await db.query<{ max_connections: string }>(`SHOW max_connections`);
    console.log(
      `POST /api/v1/progress/events: ${learners} learners, ${settings.connections} connections, batches of ${batchSizes.join(', ')} video_watched events, ` +
        `${settings.warmupSec} s warm-up, ${settings.durationSec} s measured; API flags ${nodeFlags.join(' ') || 'none'}; autocannon and PostgreSQL on the same CPUs.` +
        (builds.length > 1 ? ` API builds, in turn: ${builds.map((b) => `${b.label} (${b.dist})`).join(', ')}.` : '') +
        '\n',
    );

    // The raw baseline first, before the API starts (so its pool holds no connections), and its rate is the load of the second measurement.
    const { rows: [{ used }] } = await db.query<{ used: number }>(`SELECT count(*)::int AS used FROM pg_stat_activity`);
    const clients = Math.max(1, Math.min(settings.connections, Number(maxConnections) - used - 5));
    const baseline: Figures = {
      ...(await pgbenchBaseline(db, databaseUrl, clients, settings.durationSec, settings.warmupSec, logDir)),
      note: `pgbench -c ${clients} (max_connections ${maxConnections}, ${used} in use)`,
    };
    process.stdout.write(`  ${baseline.name}: ${baseline.eventsPerSec.toFixed(0)} upserts/s, p99 ${baseline.p99.toFixed(1)} ms\n`);
    // Its dirty pages and WAL would otherwise be written out (a checkpoint, autovacuum) while the API is measured.
    await db.query(`DROP TABLE bench_upsert`);
    await db.query(`CHECKPOINT`);

    let api = await startApi(builds[0]!);
    // Learners with sessions, enrolled in a course with a one-hour video lesson.
    const people = await seed(db, learners);
    const results: Figures[] = [];
    const verdicts: string[] = [];
    for (const [index, build] of builds.entries()) {
      if (index > 0) api = await startApi(build);
      const label = builds.length > 1 ? ` [${build.label}]` : '';
      for (const size of batchSizes) {
        await settle(db);
        if (settings.warmupSec > 0) await drive(api.port, people.sessions, people.lessonId, size, settings.connections, settings.warmupSec);
        const measure = async (kind: string, requestRate?: number, reuse?: OpenLoopConnections): Promise<Figures> => {
          const peakReset = resetPeakRss(api.child.pid);
          const before = await countEvents(db);
          const xactsBefore = await transactionsOf(db, database);
          const cpuBefore = cpuSecondsOf(api.child.pid);
          const pgCpuBefore = cpuSecondsOfCommand('postgres');
          const clientBefore = process.cpuUsage();
          const loadBefore = loadavg()[0]!;
          const load = await drive(api.port, people.sessions, people.lessonId, size, settings.connections, settings.durationSec, requestRate, reuse);
          const cpuAfter = cpuSecondsOf(api.child.pid);
          const pgCpuAfter = cpuSecondsOfCommand('postgres');
          const client = process.cpuUsage(clientBefore);
          const written = (await countEvents(db)) - before;
          await new Promise((r) => setTimeout(r, 1100)); // backends publish their statistics at most once a second
          const xacts = (await transactionsOf(db, database)) - xactsBefore;
          const rss = peakRssBytes(api.child.pid);
          const requests = load.requestsPerSec * load.elapsedSec;
          const apiCpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
          const pgCpu = pgCpuBefore !== undefined && pgCpuAfter !== undefined ? pgCpuAfter - pgCpuBefore : undefined;
          const figures: Figures = {
            name: `hocso API${label}, ${size} event${size === 1 ? '' : 's'}/request, ${kind}`,
            eventsPerSec: written / load.elapsedSec,
            requestsPerSec: load.requestsPerSec,
            p50: load.p50,
            p90: load.p90,
            p99: load.p99,
            errors: load.errors,
            non2xx: load.non2xx,
            ...(rss !== undefined ? { peakRssMb: rss / 1024 / 1024 } : {}),
            note:
              `${written} events stored; ` +
              (apiCpu !== undefined ? `API CPU ${((apiCpu * 1000) / Math.max(1, requests)).toFixed(2)} ms/request (${((apiCpu / load.elapsedSec) * 100).toFixed(0)}% of a core); ` : '') +
              (pgCpu !== undefined ? `PostgreSQL CPU ${((pgCpu * 1000) / Math.max(1, requests)).toFixed(2)} ms/request (${((pgCpu / load.elapsedSec) * 100).toFixed(0)}%); ` : '') +
              `client CPU ${(((client.user + client.system) / 1e6 / load.elapsedSec) * 100).toFixed(0)}% of a core; ` +
              `${(xacts / Math.max(1, requests)).toFixed(2)} PostgreSQL transactions/request; load ${loadBefore.toFixed(1)}→${loadavg()[0]!.toFixed(1)}` +
              (peakReset ? '' : '; peak RSS since the API started'),
          };
          process.stdout.write(`  ${figures.name}: ${figures.eventsPerSec.toFixed(0)} events/s, p99 ${load.p99} ms, peak RSS ${figures.peakRssMb?.toFixed(0) ?? '?'} MB\n`);
          results.push(figures);
          return figures;
        };
        const saturated = await measure('saturation');
        // What saturation left behind in PostgreSQL (dead row versions, dirty pages, WAL) is cleaned up first, as after the
        // baseline; then the same warm-up at the new rate (its first seconds carry the API's garbage of saturation), on
        // the connections the measurement then uses, as a browser keeps its connection open.
        await settle(db);
        const connections = new OpenLoopConnections('127.0.0.1', api.port, settings.connections);
        if (settings.warmupSec > 0) await drive(api.port, people.sessions, people.lessonId, size, settings.connections, settings.warmupSec, baseline.eventsPerSec / size, connections);
        const atRate = await measure(`at the baseline's ${baseline.eventsPerSec.toFixed(0)} events/s`, baseline.eventsPerSec / size, connections);
        connections.close();
        const clean = (f: Figures) => f.errors === 0 && f.non2xx === 0;
        const peak = Math.max(saturated.peakRssMb ?? Infinity, atRate.peakRssMb ?? Infinity);
        const met =
          saturated.eventsPerSec >= baseline.eventsPerSec && atRate.eventsPerSec >= 0.98 * baseline.eventsPerSec && atRate.p99 < 100 && peak < 300 && clean(saturated) && clean(atRate);
        verdicts.push(
          `hocso API${label}, ${size} event${size === 1 ? '' : 's'}/request: at most ${saturated.eventsPerSec.toFixed(0)} events/s ` +
            `(${((saturated.eventsPerSec / baseline.eventsPerSec) * 100).toFixed(0)}% of the baseline's rate); at the baseline's rate ${atRate.eventsPerSec.toFixed(0)} events/s stored, ` +
            `p99 ${atRate.p99} ms; peak RSS ${peak.toFixed(0)} MB (targets: ≥ 100%, p99 < 100 ms, < 300 MB): ${met ? 'met' : 'not met'}.`,
        );
      }
      if (process.env.BENCH_VERBOSE) console.log(`last output of the API:\n${api.child.output()}`);
      await api.child.stop();
    }
    await db.end();

    console.log('');
    printFigures([...results, baseline]);
    console.log(`\n${loadLine()} at the end.`);
    for (const line of verdicts) console.log(line);
  } finally {
    await cleanUp();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

interface Session {
  token: string;
  csrf: string;
  /** The learner's own playhead, so successive events are consecutive stretches. */
  position: number;
}

async function seed(db: pg.Client, learners: number): Promise<{ lessonId: string; sessions: Session[] }> {
  const [{ id: courseId }] = (await db.query<{ id: string }>(`INSERT INTO courses (slug) VALUES ('bench-progress') RETURNING id`)).rows;
  const [{ id: versionId }] = (
    await db.query<{ id: string }>(
      `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, target_groups, level, estimated_minutes, published_at)
       VALUES ($1, 1, 'published', 'vi', 'Khoá học đo tải', 's', '{citizens}', 'basic', 60, now()) RETURNING id`,
      [courseId],
    )
  ).rows;
  const [{ id: moduleId }] = (await db.query<{ id: string }>(`INSERT INTO course_modules (version_id, position, title) VALUES ($1, 1, 'M') RETURNING id`, [versionId])).rows;
  const [{ id: lessonId }] = (
    await db.query<{ id: string }>(`INSERT INTO lessons (module_id, position, kind, title, estimated_minutes) VALUES ($1, 1, 'video', 'Video một giờ', 60) RETURNING id`, [moduleId])
  ).rows;
  const sessions: Session[] = Array.from({ length: learners }, () => ({ token: randomBytes(32).toString('base64url'), csrf: randomBytes(32).toString('base64url'), position: 0 }));
  const chunk = 1000;
  for (let i = 0; i < sessions.length; i += chunk) {
    const part = sessions.slice(i, i + chunk);
    await db.query(
      `WITH u AS (
         INSERT INTO users (display_name) SELECT 'Học viên ' || g FROM generate_series(1, $1::int) g RETURNING id
       ), numbered AS (SELECT id, row_number() OVER () AS n FROM u),
       s AS (
         INSERT INTO sessions (token_hash, user_id, csrf_token, last_seen_at, expires_at)
         SELECT t.hash, numbered.id, t.csrf, now(), now() + interval '1 day'
           FROM numbered JOIN unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(hash, csrf, n) ON t.n = numbered.n
       )
       INSERT INTO enrolments (user_id, course_id, version_id) SELECT id, $4, $5 FROM numbered`,
      [part.length, part.map((s) => createHash('sha256').update(s.token).digest('hex')), part.map((s) => s.csrf), courseId, versionId],
    );
  }
  // Statistics, as a database in use has them: without, the planner takes the fresh tables for empty and
  // joins sessions to users by scanning (8 ms per session lookup instead of < 1) until autovacuum's first ANALYZE.
  await db.query(`ANALYZE`);
  return { lessonId, sessions };
}

/**
 * Before each measurement: the dead row versions and dirty pages of the one before (a saturation run updates the
 * same 2,000 lesson_progress rows ~100,000 times) are vacuumed and written out now, instead of by autovacuum and a
 * checkpoint in the middle of the next measurement, which would then measure its predecessor's aftermath.
 */
async function settle(db: pg.Client): Promise<void> {
  await db.query(`VACUUM (ANALYZE) lesson_progress, progress_events, sessions`);
  await db.query(`CHECKPOINT`);
}

/** Committed + rolled-back transactions of the benchmark database so far (every autocommitted statement is one). */
async function transactionsOf(db: pg.Client, database: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = $1`, [database]);
  return Number(rows[0]?.n ?? 0);
}

async function countEvents(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM progress_events`);
  return rows[0]!.n;
}

interface Load {
  requestsPerSec: number;
  elapsedSec: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * Drives the endpoint for `durationSec`: each request is the next learner with `size` consecutive 5-second
 * stretches and fresh ids. Without `requestRate`, autocannon, every connection sending again as soon as it is
 * answered (saturation); with it, an open loop at that many requests/s in all (see lib/open-loop.ts).
 */
async function drive(
  port: number,
  sessions: Session[],
  lessonId: string,
  size: number,
  connections: number,
  durationSec: number,
  requestRate?: number,
  reuse?: OpenLoopConnections,
): Promise<Load> {
  let next = 0;
  const nextRequest = () => {
    const s = sessions[next++ % sessions.length]!;
    const events = [];
    for (let i = 0; i < size; i++) {
      if (s.position + 5 > VIDEO_SECONDS) s.position = 0;
      events.push({ id: randomUUID(), lessonId, type: 'video_watched', from: s.position, to: s.position + 5, position: s.position + 5, at: new Date().toISOString() });
      s.position += 5;
    }
    return {
      headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE_NAME}=${s.token}`, 'x-csrf-token': s.csrf },
      body: JSON.stringify({ events }),
    };
  };
  const path = '/api/v1/progress/events';
  if (requestRate !== undefined) {
    const result = await openLoop({ port, connections, reuse, ratePerSec: requestRate, durationSec, next: () => ({ method: 'POST', path, ...nextRequest() }) });
    return result;
  }
  const started = Date.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections,
    duration: durationSec,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const r = nextRequest();
          return { ...request, headers: { ...request.headers, ...r.headers }, body: r.body };
        },
      },
    ],
  });
  const elapsedSec = (Date.now() - started) / 1000;
  return {
    requestsPerSec: result.requests.mean,
    elapsedSec: Math.min(elapsedSec, durationSec + 1),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** pgbench, one upsert per transaction on a lesson_progress-like table; latency percentiles from its per-transaction log. */
async function pgbenchBaseline(db: pg.Client, databaseUrl: string, clients: number, durationSec: number, warmupSec: number, logDir: string): Promise<Figures> {
  await db.query(`CREATE TABLE bench_upsert (
    user_id uuid NOT NULL, course_id uuid NOT NULL, lesson_key uuid NOT NULL,
    watched int4multirange NOT NULL DEFAULT '{}', watched_seconds integer NOT NULL DEFAULT 0,
    position_seconds double precision NOT NULL DEFAULT 0, position_at timestamptz, updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, course_id, lesson_key))`);
  const script = join(logDir, 'upsert.sql');
  writeFileSync(
    script,
    [
      '\\set u random(1, 2000)',
      '\\set p random(0, 3590)',
      `INSERT INTO bench_upsert AS b (user_id, course_id, lesson_key, watched, watched_seconds, position_seconds, position_at, updated_at)
 VALUES (md5(:u::text)::uuid, md5('course')::uuid, md5('lesson')::uuid, int4multirange(int4range(:p, :p + 5)), 5, :p + 5, now(), now())
 ON CONFLICT (user_id, course_id, lesson_key) DO UPDATE SET watched = b.watched + EXCLUDED.watched,
   watched_seconds = (SELECT COALESCE(sum(upper(r) - lower(r)), 0)::int FROM unnest(b.watched + EXCLUDED.watched) AS r),
   position_seconds = EXCLUDED.position_seconds, position_at = EXCLUDED.position_at, updated_at = now();`.replace(/\n/g, ' '),
      '',
    ].join('\n'),
  );
  const url = new URL(databaseUrl);
  const args = (seconds: number, log: boolean) => [
    '-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script,
    ...(log ? ['-l', `--log-prefix=${join(logDir, 'tx')}`] : []),
    '-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres'), url.pathname.slice(1),
  ];
  const env = { ...process.env, ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}) };
  if (warmupSec > 0) await run('pgbench', args(Math.max(1, Math.round(warmupSec)), false), env);
  const out = await run('pgbench', args(Math.max(1, Math.round(durationSec)), true), env);
  if (process.env.BENCH_VERBOSE) console.log(out);
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
  const latencies: number[] = [];
  for (const file of readdirSync(logDir).filter((f) => f.startsWith('tx'))) {
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
      const parts = line.split(' ');
      if (parts.length >= 3) latencies.push(Number(parts[2]) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? NaN;
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  return { name: 'pgbench upsert baseline', eventsPerSec: tps, requestsPerSec: tps, p50: pct(50), p90: pct(90), p99: pct(99), errors: failed, non2xx: 0 };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}:\n${out}`))));
  });
}

function printFigures(rows: Figures[]): void {
  const header = ['run', 'events/s', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'errors', 'non-2xx', 'peak RSS MB', 'note'];
  const body = rows.map((r) => [
    r.name,
    r.eventsPerSec.toFixed(0),
    r.requestsPerSec.toFixed(0),
    r.p50.toFixed(1),
    r.p90.toFixed(1),
    r.p99.toFixed(1),
    String(r.errors),
    String(r.non2xx),
    r.peakRssMb === undefined ? '-' : r.peakRssMb.toFixed(0),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i === 0 || i === widths.length - 1 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const row of body) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
