/**
 * Baselines for the catalog benchmark: a plain Fastify server answering GET /api/v1/courses with
 * the same JSON as the hocso API, without NestJS, TypeORM, validation or DI. Imports nothing from
 * the API but its catalog query and row mapping (catalog.query.ts, free of both). Two modes (BARE_MODE):
 *   sql     one pg Pool running the API's own catalog SQL;
 *   static  the API's JSON, captured once by the benchmark (STATIC_JSON_FILE), served from memory:
 *           the ceiling of Node + Fastify on this machine, with no database at all.
 * Environment: BARE_MODE, PORT, HOST, DATABASE_URL (sql), STATIC_JSON_FILE (static).
 * bench/catalog.bench.ts compiles this file to bench/dist/servers/ and runs it with plain `node`.
 */
import Fastify from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';

/** The repository root (this file runs from bench/servers or bench/dist/servers). */
function repoRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hocso') return dir;
  }
  throw new Error(`no hocso package.json above ${__dirname}`);
}

// The API's own query and row mapping (a module free of NestJS and TypeORM), from its build.
const { CATALOG_SQL, toCourseSummary } = createRequire(__filename)(
  join(repoRoot(), 'apps/api/dist/apps/api/src/modules/catalog/catalog.query.js'),
) as typeof import('../../apps/api/src/modules/catalog/catalog.query');

async function main(): Promise<void> {
  const mode = process.env.BARE_MODE ?? 'sql';
  const app = Fastify({ logger: false });

  if (mode === 'static') {
    const file = process.env.STATIC_JSON_FILE;
    if (!file) throw new Error('STATIC_JSON_FILE is required in static mode');
    const body = readFileSync(file, 'utf8');
    app.get('/api/v1/courses', (_request, reply) => {
      void reply.header('content-type', 'application/json; charset=utf-8').send(body);
    });
  } else if (mode === 'sql') {
    // The same pool size as the API's TypeORM data source (extra.max = 20).
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20, application_name: 'hocso-bench-bare' });
    app.addHook('onClose', () => pool.end());
    app.get<{ Querystring: { lang?: string; targetGroup?: string; limit?: string; offset?: string } }>('/api/v1/courses', async (request) => {
      const lang = request.query.lang === 'en' ? 'en' : 'vi';
      const limit = Math.min(Math.max(Number(request.query.limit ?? 50) || 50, 1), 100);
      const offset = Math.max(Number(request.query.offset ?? 0) || 0, 0);
      const { rows } = await pool.query<import('../../apps/api/src/modules/catalog/catalog.query').CatalogRow>(CATALOG_SQL, [lang, request.query.targetGroup ?? null, limit, offset]);
      return { total: rows[0]?.total ?? 0, items: rows.map(toCourseSummary) };
    });
  } else {
    throw new Error(`BARE_MODE must be sql or static, got "${mode}"`);
  }

  const close = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  await app.listen({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '127.0.0.1' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
