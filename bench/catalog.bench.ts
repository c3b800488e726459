/**
 * Catalog listing benchmark: GET /api/v1/courses?lang=vi on
 *   nest-fastify         the real hocso API (apps/api/dist, Fastify adapter, as in production)
 *   nest-express         the same NestJS application on the Express adapter (bench/servers/nest-express.ts)
 *   bare-fastify-sql     plain Fastify + pg, the same SQL, no NestJS/TypeORM (bench/servers/bare-fastify.ts)
 *   bare-fastify-static  plain Fastify serving the API's JSON from memory (no database)
 * each in its own `node` process, one after the other, and prints requests/s, latency percentiles
 * and the peak memory (RSS) of each server.
 *
 *   npx tsx bench/catalog.bench.ts [--duration=10] [--connections=50] [--warmup=2] [--only=nest-fastify,nest-express]
 *
 * Needs `npm run build` first. PostgreSQL and Redis are found as `npm start` finds them
 * (scripts/lib/infra.ts); the benchmark uses a database and a queue prefix of its own and removes both.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Redis from 'ioredis';
import pg from 'pg';
import ts from 'typescript';
import { provideInfra, type Infra } from '../scripts/lib/infra';
import {
  freePort,
  machineLine,
  medianRun,
  peakRssBytes,
  printTable,
  readSettings,
  repoRoot,
  runLoad,
  startNode,
  stopAllChildren,
  waitFor,
  type LoadResult,
  type Row,
} from './lib/harness';

const root = repoRoot(__dirname);
const apiDist = join(root, 'apps/api/dist/apps/api/src');
const serversOut = join(root, 'bench/dist/servers');
const PATH = '/api/v1/courses?lang=vi';
const MIN_COURSES = 5;
/** Ports of an embedded PostgreSQL / child redis-server, only when no local one is found. */
const BENCH_PORTS = { postgres: 54349, redis: 63792 };

interface Server {
  name: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

/** bench/servers/*.ts → bench/dist/servers/*.js (CommonJS), so that they run on plain `node`. */
function compileServers(): void {
  mkdirSync(serversOut, { recursive: true });
  const sources = join(root, 'bench/servers');
  for (const file of readdirSync(sources).filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(sources, file), 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023, esModuleInterop: true },
    });
    writeFileSync(join(serversOut, file.replace(/\.ts$/, '.js')), outputText);
  }
}

async function main(): Promise<void> {
  const settings = readSettings();
  const missing = ['main.js', 'worker.js', 'app.module.js', 'config/app-config.js', 'common/validation.js'].filter((f) => !existsSync(join(apiDist, f)));
  if (missing.length > 0) {
    console.error(`The API is not built (missing ${missing.map((f) => `apps/api/dist/apps/api/src/${f}`).join(', ')}): run \`npm run build\` first.`);
    process.exitCode = 1;
    return;
  }
  compileServers();

  const id = randomBytes(4).toString('hex');
  const database = `hocso_bench_${id}`;
  const queuePrefix = `hocso_bench_${id}`;
  const staticFile = join(tmpdir(), `hocso-bench-catalog-${id}.json`);
  let infra: Infra | undefined;
  let databaseCreated = false;
  let cleaned = false;
  let interrupted = false;

  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await stopAllChildren();
    rmSync(staticFile, { force: true });
    if (infra) {
      if (databaseCreated) {
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
    }
  };
  // `on`, not `once`: a second Ctrl-C (or tsx relaying the first one) must not end the process
  // before the database is dropped.
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    console.error('\nInterrupted: stopping the servers and removing the benchmark database…');
    void cleanUp()
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    infra = await provideInfra(join(root, '.data/bench'), BENCH_PORTS);
    const admin = new pg.Client({ connectionString: infra.postgresAdminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`).finally(() => admin.end());
    databaseCreated = true;

    const baseEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ['WEB_DIST', 'QUEUE_DASHBOARD_PASSWORD', 'DEMO_CONTENT', 'PUBLIC_URL']) delete baseEnv[key];
    Object.assign(baseEnv, {
      NODE_ENV: 'production',
      DATABASE_URL: infra.databaseUrl(database),
      REDIS_URL: infra.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: 'warn',
      RUN_MIGRATIONS: 'true',
      HOST: '127.0.0.1',
    });

    // 1. Schema and demo content: the real API (migrations, enqueues the import) and a worker (runs it).
    console.log(`catalog benchmark: ${infra.notes.join('; ')}; database ${database}`);
    const seedPort = await freePort();
    const seedApi = startNode('seed api', [join(apiDist, 'main.js')], { cwd: root, env: { ...baseEnv, PORT: String(seedPort), DEMO_CONTENT: 'true' } });
    const worker = startNode('seed worker', [join(apiDist, 'worker.js')], { cwd: root, env: baseEnv });
    const referenceText = await waitFor(
      `http://127.0.0.1:${seedPort}${PATH}`,
      seedApi,
      (status, body) => status === 200 && ((JSON.parse(body) as { items?: unknown[] }).items?.length ?? 0) >= MIN_COURSES,
      `${MIN_COURSES} demo courses in the catalog`,
    );
    if (worker.exited()) throw new Error(`the worker exited:\n${worker.output()}`);
    await worker.stop();
    await seedApi.stop();
    const reference: unknown = JSON.parse(referenceText);
    writeFileSync(staticFile, referenceText);
    const courses = (reference as { items: unknown[] }).items.length;

    const servers: Server[] = [
      { name: 'nest-fastify', args: [join(apiDist, 'main.js')] },
      { name: 'nest-express', args: [join(serversOut, 'nest-express.js')] },
      { name: 'bare-fastify-sql', args: [join(serversOut, 'bare-fastify.js')], env: { BARE_MODE: 'sql' } },
      { name: 'bare-fastify-static', args: [join(serversOut, 'bare-fastify.js')], env: { BARE_MODE: 'static', STATIC_JSON_FILE: staticFile } },
    ].filter((s) => !settings.only || settings.only.includes(s.name));
    if (servers.length === 0) throw new Error(`--only names no server; there are: nest-fastify, nest-express, bare-fastify-sql, bare-fastify-static`);

    console.log(machineLine());
    console.log(
      `GET ${PATH} (${courses} courses, ${Buffer.byteLength(referenceText)} bytes of JSON): ${settings.connections} connections, ` +
        `${settings.warmupSec} s warm-up, ${settings.durationSec} s measured per server` +
        `${settings.rounds > 1 ? `, ${settings.rounds} rounds (median round shown, peak RSS the highest)` : ''}; ` +
        'autocannon runs in this process, on the same CPUs.\n',
    );

    // 2. Each server alone: start, check its JSON, warm up, measure, read its peak RSS, stop.
    //    With --rounds=N the servers take turns N times, so that noise from elsewhere on the machine
    //    (and the order) hits them alike; the table keeps each server's median round.
    const runs = new Map<string, { loads: LoadResult[]; peakRss: number[]; same: boolean; error?: string }>(
      servers.map((s) => [s.name, { loads: [], peakRss: [], same: true }]),
    );
    for (let round = 1; round <= settings.rounds && !interrupted; round++) {
      if (settings.rounds > 1) console.log(`round ${round}/${settings.rounds}`);
      for (const server of servers) {
        const record = runs.get(server.name)!;
        if (interrupted) break;
        if (record.error) continue;
        process.stdout.write(`  ${server.name}… `);
        const port = await freePort();
        const child = startNode(server.name, server.args, { cwd: root, env: { ...baseEnv, ...server.env, PORT: String(port) } });
        const url = `http://127.0.0.1:${port}${PATH}`;
        try {
          const body = await waitFor(url, child, (status) => status === 200, `${server.name} to answer`);
          const same = isDeepStrictEqual(JSON.parse(body), reference);
          if (settings.warmupSec > 0) await runLoad(url, { durationSec: settings.warmupSec, connections: settings.connections });
          const load = await runLoad(url, settings);
          const peakRss = peakRssBytes(child.pid);
          if (interrupted) break;
          if (child.exited()) throw new Error(`${server.name} exited during the run:\n${child.output()}`);
          record.loads.push(load);
          if (peakRss !== undefined) record.peakRss.push(peakRss);
          record.same &&= same;
          console.log(`${load.requestsPerSec.toFixed(0)} req/s${same ? '' : " (warning: its JSON differs from the API's)"}`);
        } catch (error) {
          if (interrupted) break;
          const message = error instanceof Error ? error.message : String(error);
          record.error = message.split('\n')[0];
          console.log(`failed\n${message}`);
        } finally {
          await child.stop();
        }
      }
    }
    const rows: Row[] = servers.map((server) => {
      const record = runs.get(server.name)!;
      const load = medianRun(record.loads);
      if (!load) return { server: server.name, note: record.error ?? 'no run' };
      return {
        server: server.name,
        load,
        peakRss: record.peakRss.length > 0 ? Math.max(...record.peakRss) : undefined,
        note: record.same ? undefined : 'JSON differs from the API',
      };
    });

    if (interrupted) return;
    // 3. The table, and what it says about the adapter.
    console.log('');
    printTable(rows);
    const rps = (name: string) => rows.find((r) => r.server === name)?.load?.requestsPerSec;
    const fastify = rps('nest-fastify');
    const express = rps('nest-express');
    const bare = rps('bare-fastify-sql');
    console.log('');
    if (fastify && express) {
      const [winner, loser, a, b] = fastify >= express ? ['Fastify', 'Express', fastify, express] : ['Express', 'Fastify', express, fastify];
      console.log(`NestJS on ${winner} served ${((a / b - 1) * 100).toFixed(0)}% more requests/s than on ${loser}.`);
    }
    if (fastify && bare) console.log(`The hocso API served ${((fastify / bare) * 100).toFixed(0)}% of the requests/s of bare Fastify with the same SQL.`);
    if (rows.some((r) => r.note && r.load)) console.log('Warning: a server answered with JSON different from the API (see above).');
    if (rows.some((r) => !r.load)) process.exitCode = 1;
  } finally {
    // After Ctrl-C, onSignal does the clean-up and exits.
    if (!interrupted) {
      await cleanUp();
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
