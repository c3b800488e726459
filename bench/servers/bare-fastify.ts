/**
 * Baselines for the catalog benchmark: a plain Fastify server answering GET /api/v1/courses with
 * the same JSON as the hocso API, without NestJS, TypeORM, validation or DI. Imports nothing from
 * the API. Two modes (BARE_MODE):
 *   sql     one pg Pool and the same SQL as apps/api/src/modules/catalog/catalog.service.ts
 *           (keep the two in step when the catalog query changes);
 *   static  the API's JSON, captured once by the benchmark (STATIC_JSON_FILE), served from memory:
 *           the ceiling of Node + Fastify on this machine, with no database at all.
 * Environment: BARE_MODE, PORT, HOST, DATABASE_URL (sql), STATIC_JSON_FILE (static).
 * bench/catalog.bench.ts compiles this file to bench/dist/servers/ and runs it with plain `node`.
 */
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import pg from 'pg';

interface CatalogRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  language: string;
  target_groups: string[];
  level: string;
  estimated_minutes: number;
  lesson_count: number;
  published_at: Date;
  total: number;
}

const CATALOG_SQL = `WITH latest AS (
   SELECT DISTINCT ON (v.course_id) v.*
     FROM course_versions v
    WHERE v.status = 'published'
    ORDER BY v.course_id, v.version_number DESC
 )
 SELECT c.id, c.slug,
        COALESCE(l.translations -> $1 ->> 'title', l.title) AS title,
        COALESCE(l.translations -> $1 ->> 'summary', l.summary) AS summary,
        CASE WHEN l.translations -> $1 ->> 'title' IS NOT NULL THEN $1 ELSE l.language END AS language,
        l.target_groups, l.level, l.estimated_minutes, l.published_at,
        (SELECT count(*)::int FROM lessons le JOIN course_modules m ON m.id = le.module_id WHERE m.version_id = l.id) AS lesson_count,
        count(*) OVER ()::int AS total
   FROM latest l
   JOIN courses c ON c.id = l.course_id
  WHERE ($2::text IS NULL OR $2 = ANY (l.target_groups))
  ORDER BY l.published_at DESC, c.slug
  LIMIT $3 OFFSET $4`;

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
      const { rows } = await pool.query<CatalogRow>(CATALOG_SQL, [lang, request.query.targetGroup ?? null, limit, offset]);
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          slug: r.slug,
          title: r.title,
          summary: r.summary,
          language: r.language,
          targetGroups: r.target_groups,
          level: r.level,
          estimatedMinutes: r.estimated_minutes,
          lessonCount: r.lesson_count,
          publishedAt: r.published_at.toISOString(),
        })),
      };
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
