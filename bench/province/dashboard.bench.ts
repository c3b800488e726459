/**
 * Reports at province scale (issue 9): on the generated province (bench/province/generate.ts; made
 * here when missing, which takes a while), times the reports rollup of the compiled API — the full
 * build (`ReportsRollupService.recompute()`) and an incremental refresh (`refresh()`) after a day's
 * worth of new rows — then starts the real API on that database and drives the dashboard endpoints
 * with autocannon as the province official and as the commune officials, printing p50/p95/p99 per
 * endpoint and whether p95 < 200 ms; finally compares the API's figures with the same figures counted
 * straight from the raw tables for a few units.
 *
 *   npx tsx bench/province/dashboard.bench.ts [--learners=1000000] [--duration=10] [--connections=20] [--warmup=2] [--only=dashboard,ranking]
 *   npm run bench -- province --learners=100000
 *
 * Needs `npm run build` first (the API and the rollup run from apps/api/dist). The province's database
 * is kept afterwards (re-generating it takes many minutes); `--drop-after` removes it.
 * BENCH_API_CPU_PROF=<dir> writes a CPU profile of the API.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import pg from 'pg';
import ts from 'typescript';
import { provideInfra, type Infra } from '../../scripts/lib/infra';
import { freePort, machineLine, peakRssBytes, readSettings, repoRoot, startNode, stopAllChildren, waitFor } from '../lib/harness';
import { fmt, generateProvince, secs, sizeFromFlags } from './generate';
import { databaseNameOf, PROVINCE_CODE } from './model';

const root = repoRoot(__dirname);
const apiDist = join(root, 'apps/api/dist/apps/api/src');
const runnerOut = join(root, 'bench/dist/province');
const BENCH_PORTS = { postgres: 54349, redis: 63792 };
/** The API runs with NODE_ENV=production: secure cookies, hence the __Host- prefix (see identity/cookies.ts). */
const SESSION_COOKIE_NAME = '__Host-hocso_session';
const P95_TARGET_MS = 200;
const BASE = '/api/v1/reports';

interface Session {
  userId: string;
  token: string;
  csrf: string;
}

interface Official extends Session {
  unitId: string;
  code: string;
}

interface Scenario {
  name: string;
  as: string;
  /** The i-th request: its path and whose session sends it. */
  request(i: number): { path: string; session: Session };
}

interface Measured {
  scenario: Scenario;
  connections: number;
  requestsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  count: number;
}

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.slice(2).find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const load = () => loadavg().map((n) => n.toFixed(1)).join(' / ');

async function main(): Promise<void> {
  // --connections takes a list here: each endpoint is measured alone (1: one official's latency) and under concurrency.
  const settings = readSettings(process.argv.slice(2).filter((a) => !a.startsWith('--connections=')), { ...process.env, BENCH_CONNECTIONS: undefined });
  const connectionList = (flag('connections') ?? process.env.BENCH_CONNECTIONS ?? '1,20').split(',').map(Number);
  if (connectionList.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--connections must be a list of positive integers, e.g. 1,20');
  const size = sizeFromFlags();
  const database = flag('database') ?? databaseNameOf(size);
  const missing = ['main.js', 'app.module.js', 'modules/reports/rollup.service.js'].filter((f) => !existsSync(join(apiDist, f)));
  if (missing.length > 0) {
    console.error(`The API is not built (missing ${missing.map((f) => `apps/api/dist/apps/api/src/${f}`).join(', ')}): run \`npm run build\` first.`);
    process.exitCode = 1;
    return;
  }
  compileRunner();

  const id = randomBytes(4).toString('hex');
  const queuePrefix = `hocso_bench_${id}`;
  let infra: Infra | undefined;
  let db: pg.Client | undefined;
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await stopAllChildren();
    if (db) {
      await db.query(`DELETE FROM sessions WHERE user_id IN (SELECT user_id FROM role_assignments WHERE role = 'official') AND csrf_token LIKE 'bench-%'`).catch(() => undefined);
      await db.end().catch(() => undefined);
    }
    if (!infra) return;
    if (process.argv.includes('--drop-after')) {
      const admin = new pg.Client({ connectionString: infra.postgresAdminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => admin.end());
      console.log(`dropped ${database}`);
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
    console.error('\nInterrupted: stopping the API (the province database is kept)…');
    void cleanUp().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    infra = await provideInfra(join(root, '.data/bench'), BENCH_PORTS);
    console.log(`province dashboard benchmark: ${infra.notes.join('; ')}; database ${database}`);
    console.log(`${machineLine()}; load average ${load()} at start`);
    const admin = new pg.Client({ connectionString: infra.postgresAdminUrl });
    await admin.connect();
    try {
      if (!(await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database])).rowCount) await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    const databaseUrl = infra.databaseUrl(database);

    // 1. The province (generated now if missing or unfinished; resumes an interrupted generation).
    const province = await generateProvince(databaseUrl, size, { jobs: Number(flag('jobs') ?? 2), log: (line) => console.log(`  ${line}`) });
    console.log(
      `province: ${fmt(province.units)} units, ${fmt(province.learners)} learners, ${fmt(province.households)} households, ${fmt(province.enrolments)} enrolments, ` +
        `${fmt(province.lessonProgress)} lesson_progress rows, ${fmt(province.events)} progress events, ${fmt(province.completions)} completions, ` +
        `${fmt(province.certificates)} certificates; data up to ${province.endDay}; generated in ${province.seconds.toFixed(0)} s` +
        (province.generatedNow ? ' (now)' : ' (earlier run)'),
    );
    db = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-province-dashboard' });
    await db.connect();
    await db.query(`SET jit = off`);

    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ['WEB_DIST', 'QUEUE_DASHBOARD_PASSWORD', 'DEMO_CONTENT', 'PUBLIC_URL']) delete env[key];
    Object.assign(env, { NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL: infra.redisUrl, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'warn', RUN_MIGRATIONS: 'true', HOST: '127.0.0.1' });
    env.CERT_SIGNING_KEYS ??= JSON.stringify([{ id: `bench-${id}`, seed: randomBytes(32).toString('hex') }]);

    // 2. The rollup: full build, then an incremental refresh after a day's worth of new rows, then one with nothing new.
    console.log(`\nrollup (ReportsRollupService of apps/api/dist, one process; load average ${load()}):`);
    const full = await runRollup('recompute', env);
    console.log(`  full build (recompute()):             ${secs(full.ms).padStart(9)}  ${JSON.stringify(full.result)}`);
    const added = await addIncrement(db);
    const incremental = await runRollup('refresh', env);
    console.log(`  incremental refresh (refresh()):      ${secs(incremental.ms).padStart(9)}  after ${added}; ${JSON.stringify(incremental.result)}`);
    const idle = await runRollup('refresh', env);
    console.log(`  refresh with nothing new:             ${secs(idle.ms).padStart(9)}  ${JSON.stringify(idle.result)}`);
    const sizes = (await db.query<{ t: string; n: string }>(
      `SELECT relname AS t, n_live_tup AS n FROM pg_stat_user_tables WHERE relname LIKE 'report\\_%' ORDER BY relname`,
    )).rows;
    console.log(`  rollup rows (estimates): ${sizes.map((s) => `${s.t} ${fmt(Number(s.n))}`).join(', ')}`);

    // 3. The API, officials' sessions, targets.
    const port = await freePort();
    // BENCH_API_CPU_PROF=<dir>: a CPU profile of the API over the whole load (open it in Chrome DevTools).
    const nodeFlags = process.env.BENCH_API_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_CPU_PROF}`] : [];
    const api = startNode('api', [...nodeFlags, join(apiDist, 'main.js')], { cwd: root, env: { ...env, PORT: String(port) } });
    await waitFor(`http://127.0.0.1:${port}/api/health/ready`, api, (status) => status === 200, 'the API to be ready', 180_000);
    const { provinceOfficial, communeOfficials, provinceId, year, villages } = await officials(db);
    await setTargets(port, provinceOfficial, communeOfficials, year);
    // Scope: a commune official gets 404 for another commune's figures.
    const [a, b] = communeOfficials;
    const foreign = await fetch(`http://127.0.0.1:${port}${BASE}/units/${b!.unitId}/figures?period=${year}`, { headers: headers(a!) });
    console.log(`\nscope check: commune official of ${a!.code} asking for ${b!.code}: HTTP ${foreign.status} (expected 404)`);

    // 4. Load, one endpoint at a time.
    const communes = communeOfficials;
    const groups = ['', '&targetGroup=citizens', '', '&targetGroup=students', '', '&targetGroup=workers', '&targetGroup=officials'];
    const quarters = ['Q1', 'Q2', 'Q3', 'Q4'];
    const every: Scenario[] = [
      { name: 'dashboard (province)', as: 'province', request: (i) => ({ path: `/units/${provinceId}/dashboard?year=${year}${groups[i % groups.length]}`, session: provinceOfficial }) },
      { name: 'ranking of communes', as: 'province', request: (i) => ({ path: `/units/${provinceId}/ranking?period=${year}${groups[i % groups.length]}`, session: provinceOfficial }) },
      { name: 'ranking of villages', as: 'province', request: (i) => ({ path: `/units/${provinceId}/ranking?period=${year}&level=village${groups[i % groups.length]}`, session: provinceOfficial }) },
      { name: 'children (province → communes)', as: 'province', request: (i) => ({ path: `/units/${provinceId}/children?period=${year}&sort=coverage${groups[i % groups.length]}`, session: provinceOfficial }) },
      { name: 'drill-down: commune dashboard', as: 'province', request: (i) => ({ path: `/units/${communes[i % communes.length]!.unitId}/dashboard?year=${year}`, session: provinceOfficial }) },
      { name: 'drill-down: village figures', as: 'province', request: (i) => ({ path: `/units/${villages[i % villages.length]}/figures?period=${year}`, session: provinceOfficial }) },
      { name: 'trend (province, 12 months)', as: 'province', request: (i) => ({ path: `/units/${provinceId}/trend?${groups[i % groups.length]!.slice(1)}`, session: provinceOfficial }) },
      { name: 'figures (province, quarter)', as: 'province', request: (i) => ({ path: `/units/${provinceId}/figures?period=${year}-${quarters[i % 4]}`, session: provinceOfficial }) },
      { name: 'dashboard (own commune)', as: 'commune', request: (i) => ({ path: `/units/${communes[i % communes.length]!.unitId}/dashboard?year=${year}`, session: communes[i % communes.length]! }) },
      { name: 'children (commune → villages)', as: 'commune', request: (i) => ({ path: `/units/${communes[i % communes.length]!.unitId}/children?period=${year}`, session: communes[i % communes.length]! }) },
      { name: 'trend (own commune)', as: 'commune', request: (i) => ({ path: `/units/${communes[i % communes.length]!.unitId}/trend`, session: communes[i % communes.length]! }) },
    ];
    const scenarios = every.filter((s) => !settings.only || settings.only.some((o) => s.name.includes(o)));

    console.log(
      `\nGET ${BASE}/…: ${connectionList.join(' and ')} connection(s), ${settings.warmupSec} s warm-up and ${settings.durationSec} s per endpoint; ` +
        `autocannon, the API (one process) and PostgreSQL share the CPUs. Load average ${load()}.`,
    );
    const results: Measured[] = [];
    for (const connections of connectionList) for (const scenario of scenarios) {
      // Every URL must answer 200 before it is measured.
      for (let i = 0; i < 3; i++) {
        const { path, session } = scenario.request(i);
        const response = await fetch(`http://127.0.0.1:${port}${BASE}${path}`, { headers: headers(session) });
        if (response.status !== 200) throw new Error(`${scenario.name}: GET ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
        await response.arrayBuffer().catch(() => undefined);
      }
      if (settings.warmupSec > 0) await drive(port, scenario, connections, settings.warmupSec);
      const measured = await drive(port, scenario, connections, settings.durationSec);
      results.push(measured);
      console.log(`  ${scenario.name.padEnd(32)} ${String(connections).padStart(3)} conn.: p95 ${measured.p95.toFixed(0).padStart(5)} ms, ${measured.requestsPerSec.toFixed(1)} req/s (load average ${load()})`);
    }
    const rss = peakRssBytes(api.pid);
    console.log(`\nload average at the end of the load: ${load()}; API peak RSS ${rss ? (rss / 1024 / 1024).toFixed(0) : '?'} MB\n`);
    printResults(results);

    // 5. Sanity: the API's figures against the raw tables, for the province, the largest commune and one of its villages.
    await sanity(db, port, provinceOfficial, year);
    await api.stop();
  } finally {
    await cleanUp();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** bench/province/rollup-runner.ts → bench/dist/province/rollup-runner.js (CommonJS, plain node). */
function compileRunner(): void {
  mkdirSync(runnerOut, { recursive: true });
  const source = readFileSync(join(root, 'bench/province/rollup-runner.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: 'rollup-runner.ts',
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023, esModuleInterop: true },
  });
  writeFileSync(join(runnerOut, 'rollup-runner.js'), outputText);
}

function runRollup(command: 'recompute' | 'refresh', env: NodeJS.ProcessEnv): Promise<{ ms: number; result: unknown }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(runnerOut, 'rollup-runner.js'), apiDist, command], { cwd: root, env: { ...env, RUN_MIGRATIONS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code === 0 && line) resolve(JSON.parse(line) as { ms: number; result: unknown });
      else reject(new Error(`rollup ${command} failed (exit ${code}):\n${err || out}`));
    });
  });
}

/**
 * A day's worth of new rows, dated now: 200 people register (and enrol), 2,000 learners send 5 events
 * each, 100 enrolments are completed with their course certificate.
 */
async function addIncrement(db: pg.Client): Promise<string> {
  await db.query('BEGIN');
  try {
    const { rowCount: users } = await db.query(`
      INSERT INTO users (display_name, unit_id, target_group, birth_year, created_at, updated_at)
      SELECT 'Học viên mới (bench)', v.unit_id, (ARRAY['citizens', 'students', 'workers', 'officials'])[1 + g % 4], 1960 + g % 50, now(), now()
        FROM generate_series(1, 200) g JOIN bench.villages v ON v.v = 1 + (g * 7) % (SELECT count(*) FROM bench.villages)`);
    await db.query(`
      INSERT INTO enrolments (user_id, course_id, version_id, enrolled_at)
      SELECT u.id, c.course_id, c.version_id, now() FROM users u, bench.courses c WHERE u.display_name = 'Học viên mới (bench)' AND c.course_no = 0
      ON CONFLICT DO NOTHING`);
    const { rowCount: events } = await db.query(`
      INSERT INTO progress_events (user_id, client_event_id, course_id, lesson_id, lesson_key, type, occurred_at, received_at)
      SELECT e.user_id, gen_random_uuid(), e.course_id, l.lesson_id, l.lesson_key, 'lesson_opened', now() - interval '1 minute' * k, now()
        FROM (SELECT user_id, course_id FROM enrolments TABLESAMPLE SYSTEM (1) LIMIT 2000) e
        JOIN bench.courses c ON c.course_id = e.course_id JOIN bench.lessons l ON l.course_no = c.course_no AND l.ord = 0
        CROSS JOIN generate_series(1, 5) k`);
    const { rows: done } = await db.query<{ user_id: string; course_id: string; version_id: string }>(`
      UPDATE enrolments SET completed_at = now()
       WHERE id IN (SELECT id FROM enrolments TABLESAMPLE SYSTEM (1) WHERE completed_at IS NULL LIMIT 100)
      RETURNING user_id, course_id, version_id`);
    await db.query(
      `INSERT INTO course_completions (user_id, course_id, version_id, completed_at, notified_at)
       SELECT * , now(), now() FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) ON CONFLICT DO NOTHING`,
      [done.map((d) => d.user_id), done.map((d) => d.course_id), done.map((d) => d.version_id)],
    );
    await db.query(
      `INSERT INTO certificates (id, serial, user_id, achievement_kind, achievement_ref, achievement_name, recipient_name, issued_at, status_index, key_id, credential, pdf_key)
       SELECT gen_random_uuid(), 'HS-' || extract(year FROM now())::int || '-Z' || lpad(upper(to_hex(s)), 8, '0'), t.user_id, 'course', t.course_id::text,
              '{"vi": "bench"}', 'Học viên (bench)', now(), s, 'bench-province', '{"bench": true}', 'certificates/bench.pdf'
         FROM (SELECT d.*, (SELECT COALESCE(max(status_index), 0) FROM certificates) + row_number() OVER () AS s
                 FROM unnest($1::uuid[], $2::uuid[]) AS d(user_id, course_id)) t
       ON CONFLICT DO NOTHING`,
      [done.map((d) => d.user_id), done.map((d) => d.course_id)],
    );
    await db.query('COMMIT');
    return `${users} registrations, ${events} events, ${done.length} completions with certificates`;
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/** Sessions (written straight into the sessions table) for the province official and every commune official. */
async function officials(db: pg.Client): Promise<{ provinceOfficial: Official; communeOfficials: Official[]; provinceId: string; year: number; villages: string[] }> {
  const { rows } = await db.query<{ user_id: string; unit_id: string; code: string; level: string }>(
    `SELECT r.user_id, r.unit_id, u.code, u.level FROM role_assignments r JOIN administrative_units u ON u.id = r.unit_id WHERE r.role = 'official' ORDER BY u.code`,
  );
  const make = (r: (typeof rows)[number]): Official => ({ userId: r.user_id, unitId: r.unit_id, code: r.code, token: randomBytes(32).toString('base64url'), csrf: `bench-${randomBytes(24).toString('base64url')}` });
  const all = rows.map(make);
  for (const o of all) {
    await db.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, last_seen_at, expires_at) VALUES ($1, $2, $3, now(), now() + interval '1 day')`, [
      createHash('sha256').update(o.token).digest('hex'),
      o.userId,
      o.csrf,
    ]);
  }
  const provinceOfficial = all.find((o) => o.code === PROVINCE_CODE);
  if (!provinceOfficial) throw new Error('no official of the province: was the province generated?');
  const { rows: [{ year }] } = await db.query<{ year: number }>(`SELECT extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year`);
  const { rows: villages } = await db.query<{ id: string }>(`SELECT unit_id AS id FROM bench.villages ORDER BY v`);
  return { provinceOfficial, communeOfficials: all.filter((o) => o.code !== PROVINCE_CODE), provinceId: provinceOfficial.unitId, year, villages: villages.map((v) => v.id) };
}

function headers(session: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { accept: 'application/json', cookie: `${SESSION_COOKIE_NAME}=${session.token}`, ...extra };
}

/** Targets for the year (CSV import by the province official): 70% coverage for the province, 40–80% per commune, a confirmed count for citizens. */
async function setTargets(port: number, official: Official, communes: Official[], year: number): Promise<void> {
  const lines = ['unit_code,target_group,year,metric,value', `${PROVINCE_CODE},all,${year},coverage_percent,70`, `${PROVINCE_CODE},citizens,${year},confirmed_count,250000`];
  communes.forEach((c, i) => {
    lines.push(`${c.code},all,${year},coverage_percent,${40 + ((i * 7) % 41)}`);
    lines.push(`${c.code},citizens,${year},registered_count,${2000 + ((i * 131) % 8000)}`);
  });
  const response = await fetch(`http://127.0.0.1:${port}${BASE}/targets/import`, {
    method: 'POST',
    headers: headers(official, { 'content-type': 'text/csv', 'x-csrf-token': official.csrf }),
    body: `${lines.join('\n')}\n`,
  });
  if (!response.ok) throw new Error(`target import answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  console.log(`targets: ${lines.length - 1} rows imported (${await response.text()})`);
}

/** autocannon on one scenario; latencies of every response kept, so that p95 is exact (autocannon's own table has no p95). */
function drive(port: number, scenario: Scenario, connections: number, durationSec: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    let next = 0;
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: durationSec,
        pipelining: 1,
        timeout: 10,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              const { path, session } = scenario.request(next++);
              return { ...request, path: `${BASE}${path}`, headers: { ...request.headers, ...headers(session) } };
            },
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        latencies.sort((x, y) => x - y);
        const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((latencies.length * p) / 100) - 1)] ?? NaN;
        resolve({
          scenario,
          connections,
          requestsPerSec: result.requests.mean,
          p50: pct(50),
          p95: pct(95),
          p99: pct(99),
          max: latencies.at(-1) ?? NaN,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          count: latencies.length,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

function printResults(rows: Measured[]): void {
  const header = ['endpoint', 'as official of', 'conn.', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', `p95 < ${P95_TARGET_MS} ms`];
  const body = rows.map((r) => [
    r.scenario.name,
    r.scenario.as,
    String(r.connections),
    r.requestsPerSec.toFixed(1),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.max.toFixed(0),
    String(r.errors),
    String(r.non2xx),
    r.errors + r.non2xx > 0 ? 'no (errors)' : r.p95 < P95_TARGET_MS ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const left = (i: number) => i <= 1 || i === header.length - 1;
  const line = (cells: string[]) => `| ${cells.map((c, i) => (left(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (left(i) ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const row of body) console.log(line(row));
  const failing = rows.filter((r) => !(r.p95 < P95_TARGET_MS) || r.errors + r.non2xx > 0);
  console.log(
    failing.length === 0
      ? `\nEvery endpoint: p95 < ${P95_TARGET_MS} ms.`
      : `\np95 ≥ ${P95_TARGET_MS} ms (or errors): ${failing.map((r) => `${r.scenario.name} (${r.connections} conn.)`).join(', ')}.`,
  );
}

interface RawFigures {
  registered: number;
  enrolled: number;
  completed: number;
  certified: number;
  confirmed: number;
  householdsCovered: number;
  active30d: number;
}

/** The figures of reports-api.md's definitions, counted from the raw tables for a unit's subtree (cumulative at the period end). */
async function rawFigures(db: pg.Client, path: string, periodEnd: string, asOf: string): Promise<RawFigures> {
  const tz = `'Asia/Ho_Chi_Minh'`;
  const { rows: [r] } = await db.query<Record<keyof RawFigures, string>>(
    `WITH people AS (SELECT u.id FROM users u JOIN administrative_units au ON au.id = u.unit_id WHERE au.path LIKE $1 || '%')
     SELECT
       (SELECT count(*) FROM users u JOIN administrative_units au ON au.id = u.unit_id WHERE au.path LIKE $1 || '%' AND (u.created_at AT TIME ZONE ${tz})::date <= $2) AS registered,
       (SELECT count(DISTINCT e.user_id) FROM enrolments e JOIN people p ON p.id = e.user_id WHERE (e.enrolled_at AT TIME ZONE ${tz})::date <= $2) AS enrolled,
       (SELECT count(DISTINCT c.user_id) FROM course_completions c JOIN people p ON p.id = c.user_id WHERE (c.completed_at AT TIME ZONE ${tz})::date <= $2) AS completed,
       (SELECT count(DISTINCT c.user_id) FROM certificates c JOIN people p ON p.id = c.user_id WHERE c.revoked_at IS NULL AND (c.issued_at AT TIME ZONE ${tz})::date <= $2) AS certified,
       (SELECT count(DISTINCT c.user_id) FROM certificates c JOIN people p ON p.id = c.user_id
         WHERE c.revoked_at IS NULL AND c.achievement_kind = 'universalisation' AND (c.issued_at AT TIME ZONE ${tz})::date <= $2) AS confirmed,
       (SELECT count(DISTINCT h.id) FROM households h JOIN administrative_units au ON au.id = h.unit_id
          JOIN household_members m ON m.household_id = h.id JOIN enrolments e ON e.user_id = m.user_id
         WHERE au.path LIKE $1 || '%' AND (e.enrolled_at AT TIME ZONE ${tz})::date <= $2) AS "householdsCovered",
       (SELECT count(DISTINCT pe.user_id) FROM progress_events pe JOIN people p ON p.id = pe.user_id
         WHERE (least(pe.occurred_at, pe.received_at) AT TIME ZONE ${tz})::date BETWEEN $3::date - 29 AND $3::date) AS active30d`,
    [path, periodEnd, asOf],
  );
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)])) as unknown as RawFigures;
}

async function sanity(db: pg.Client, port: number, official: Official, year: number): Promise<void> {
  const { rows: units } = await db.query<{ id: string; code: string; path: string; level: string }>(
    `(SELECT id, code, path, level FROM administrative_units WHERE code = '${PROVINCE_CODE}')
     UNION ALL (SELECT au.id, au.code, au.path, au.level FROM administrative_units au JOIN bench.communes c ON c.unit_id = au.id ORDER BY c.weight DESC LIMIT 1)
     UNION ALL (SELECT au.id, au.code, au.path, au.level FROM administrative_units au JOIN bench.villages v ON v.unit_id = au.id ORDER BY v.weight DESC LIMIT 1)`,
  );
  console.log(`\nsanity: figures of the API (rollups) against the raw tables, period ${year} (cumulative at its end; active in the 30 days to today):`);
  const keys: (keyof RawFigures)[] = ['registered', 'enrolled', 'completed', 'certified', 'confirmed', 'householdsCovered', 'active30d'];
  const header = ['unit', 'source', ...keys, 'ms'];
  const rows: string[][] = [];
  let mismatches = 0;
  for (const unit of units) {
    const t0 = Date.now();
    const response = await fetch(`http://127.0.0.1:${port}${BASE}/units/${unit.id}/figures?period=${year}`, { headers: headers(official) });
    const body = (await response.json()) as { figures: RawFigures & { activeAsOf: string }; period: { to: string } };
    const apiMs = Date.now() - t0;
    const t1 = Date.now();
    const raw = await rawFigures(db, unit.path, body.period.to, body.figures.activeAsOf);
    const rawMs = Date.now() - t1;
    rows.push([`${unit.code} (${unit.level})`, 'API', ...keys.map((k) => fmt(body.figures[k])), String(apiMs)]);
    rows.push(['', 'raw SQL', ...keys.map((k) => (raw[k] === body.figures[k] ? fmt(raw[k]) : `${fmt(raw[k])} ≠`)), String(rawMs)]);
    mismatches += keys.filter((k) => raw[k] !== body.figures[k]).length;
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i <= 1 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
  console.log(mismatches === 0 ? 'The rollups agree with the raw data.' : `${mismatches} figure(s) differ (≠): see above.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
