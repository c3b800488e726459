/**
 * Generates a realistic province for the reports benchmark, in its own database
 * (`hocso_bench_province` at the default size), migrated with the project's migrations:
 *
 *   country → 1 province → ~100 communes → ~800 villages (materialised paths as the units module
 *   builds them), unit_populations per village/commune/province × target group × year, 1 million
 *   learners (users with a village and a target group, one shared argon2id password hash),
 *   households, enrolments in the demo courses, ~20 million progress_events and the lesson_progress,
 *   course_completions, certificates (course and universalisation) and national-ID confirmations
 *   they imply; activity spread over the two years before today with seasonality. Plus one official
 *   of the province and one per commune (role_assignments).
 *
 *   npx tsx bench/province/generate.ts [--learners=1000000] [--events=20000000] [--communes=100] [--seed=1] [--jobs=2] [--drop]
 *
 * Set-based SQL (generate_series, INSERT … SELECT) in chunks of villages run by --jobs connections in
 * parallel; each chunk is one transaction that also records itself in bench.chunks, so an interrupted
 * run resumes where it stopped and a finished one is not generated twice. Keys, unique constraints,
 * indexes and foreign keys of the loaded tables are dropped during the load and re-created afterwards
 * from their saved definitions (pg_get_constraintdef / pg_get_indexdef, i.e. exactly as the
 * migrations made them). --drop removes the database first. Helper tables live in the schema `bench`.
 */
import { TARGET_GROUPS } from '@hocso/curriculum';
import { argon2id, hash } from 'argon2';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { runMigrationsLocked } from '../../apps/api/src/database/migrate';
import { provideInfra } from '../../scripts/lib/infra';
import { repoRoot } from '../lib/harness';
import { DEMO_COURSES } from '../../apps/api/src/modules/content/demo-courses';
import {
  BENCH_PASSWORD,
  COMPLETE_P,
  databaseNameOf,
  DEFAULT_SIZE,
  ENROL_P,
  FAMILY_NAMES,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  MONTH_WEIGHTS,
  PLACE_WORDS,
  PROVINCE_CODE,
  sqlTextArray,
  WEEKDAY_WEIGHTS,
  type ProvinceSize,
} from './model';

/** Tables filled in bulk: their keys, indexes and foreign keys are dropped during the load. */
const LOADED_TABLES = [
  'users',
  'households',
  'household_members',
  'enrolments',
  'lesson_progress',
  'progress_events',
  'course_completions',
  'certificates',
  'national_id_confirmations',
];
const TZ = 'Asia/Ho_Chi_Minh';

export interface GenerateOptions {
  jobs: number;
  log: (line: string) => void;
}

export interface ProvinceStats {
  learners: number;
  events: number;
  lessonProgress: number;
  enrolments: number;
  completions: number;
  certificates: number;
  households: number;
  units: number;
  endDay: string;
  /** Seconds the generation took (summed over resumed runs). */
  seconds: number;
  /** Set when this call generated or resumed it; undefined when it was there already. */
  generatedNow?: { seconds: number };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Migrates the database, then generates what is missing. Returns the province's figures. */
export async function generateProvince(databaseUrl: string, size: ProvinceSize, options: GenerateOptions): Promise<ProvinceStats> {
  const started = Date.now();
  const migrations = await new DataSource({ type: 'postgres', url: databaseUrl, migrations: MIGRATIONS, migrationsTableName: 'migrations' }).initialize();
  try {
    await runMigrationsLocked(migrations);
  } finally {
    await migrations.destroy();
  }
  const db = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-province' });
  await db.connect();
  try {
    await db.query(`CREATE SCHEMA IF NOT EXISTS bench`);
    await db.query(`CREATE TABLE IF NOT EXISTS bench.meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
    const meta = await readMeta(db);
    if (meta.size) {
      const same = (['seed', 'learners', 'events', 'communes'] as const).every((k) => meta.size![k] === size[k]);
      if (!same) {
        throw new Error(
          `this database holds a province generated with ${JSON.stringify(meta.size)}, not ${JSON.stringify(size)}: ` +
            'use another size (another database) or --drop',
        );
      }
    }
    if (meta.finishedAt) return { ...(await stats(db)), seconds: meta.seconds ?? 0 };

    if (!meta.preparedAt) {
      const t = Date.now();
      await prepare(db, size, options);
      options.log(`prepared (units, courses, calendar, calibration, keys dropped) in ${secs(Date.now() - t)}`);
    } else {
      options.log('resuming: the province is prepared; generating the chunks not done yet');
    }
    const { endTs, factor } = (await readMeta(db)) as Required<Pick<Meta, 'endTs' | 'factor'>>;
    await loadChunks(databaseUrl, size, endTs, factor, options);
    await finish(db, size, options);
    const seconds = (meta.seconds ?? 0) + (Date.now() - started) / 1000;
    await setMeta(db, { finishedAt: new Date().toISOString(), seconds });
    return { ...(await stats(db)), seconds, generatedNow: { seconds: (Date.now() - started) / 1000 } };
  } finally {
    await db.end();
  }
}

interface Meta {
  size?: ProvinceSize;
  preparedAt?: string;
  finishedAt?: string;
  endTs?: string;
  factor?: number;
  seconds?: number;
}

async function readMeta(db: pg.Client): Promise<Meta> {
  const { rows } = await db.query<{ key: string; value: unknown }>(`SELECT key, value FROM bench.meta`);
  return Object.fromEntries(rows.map((r) => [r.key, r.value])) as Meta;
}

async function setMeta(db: pg.Client | pg.PoolClient, values: Partial<Meta>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await db.query(`INSERT INTO bench.meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [key, JSON.stringify(value)]);
  }
}

async function stats(db: pg.Client): Promise<Omit<ProvinceStats, 'seconds'>> {
  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
  // Estimates for the big tables (exact counts of 20M rows take a while); the chunks' own counts are exact.
  const chunks = (await db.query<{ learners: string; events: string; lp: string; enrolments: string; completions: string; certificates: string; households: string }>(
    `SELECT sum(learners) AS learners, sum(events) AS events, sum(lesson_progress) AS lp, sum(enrolments) AS enrolments,
            sum(completions) AS completions, sum(certificates) AS certificates, sum(households) AS households
       FROM bench.chunks WHERE done_at IS NOT NULL`,
  )).rows[0]!;
  const end = (await db.query<{ end_day: string }>(`SELECT to_char((value #>> '{}')::timestamptz AT TIME ZONE '${TZ}', 'YYYY-MM-DD') AS end_day FROM bench.meta WHERE key = 'endTs'`)).rows[0];
  return {
    learners: Number(chunks.learners),
    events: Number(chunks.events),
    lessonProgress: Number(chunks.lp),
    enrolments: Number(chunks.enrolments),
    completions: Number(chunks.completions),
    certificates: Number(chunks.certificates),
    households: Number(chunks.households),
    units: await count(`SELECT count(*) AS n FROM administrative_units`),
    endDay: end?.end_day ?? '?',
  };
}

/** Units, courses, calendar, helper functions, the chunk plan, the events calibration; then the keys are dropped. */
async function prepare(db: pg.Client, size: ProvinceSize, options: GenerateOptions): Promise<void> {
  const { seed, learners, communes } = size;
  // JIT compiles every generate_series query (its row estimates are huge) for nothing: 5× slower here.
  await db.query(`SET jit = off`);
  let mark = Date.now();
  const step = (what: string) => {
    if (process.env.BENCH_VERBOSE) options.log(`  prepare: ${what} ${Date.now() - mark} ms`);
    mark = Date.now();
  };
  await db.query('BEGIN');
  try {
    await setMeta(db, { size });
    // Data ends at the start of today (Vietnam time): "active in the last 30 days" has something to count.
    const { rows: [{ end_ts: endTs }] } = await db.query<{ end_ts: Date }>(`SELECT (date_trunc('day', now() AT TIME ZONE '${TZ}') AT TIME ZONE '${TZ}') AS end_ts`);
    await setMeta(db, { endTs: endTs.toISOString() });
    await db.query(`
      CREATE OR REPLACE FUNCTION bench.rnd(n bigint, k int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT (hashint8extended(n, k::bigint + ${seed}::bigint * 1000003) & 9007199254740991)::float8 / 9007199254740992.0 $$;
      -- A version-4 uuid (as gen_random_uuid() makes; the API's ParseUUIDPipe accepts no other) from a hash.
      CREATE OR REPLACE FUNCTION bench.uuid_of(kind text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT overlay(overlay(md5('${seed}:' || kind || ':' || n) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$;
      CREATE TABLE bench.communes (c int PRIMARY KEY, unit_id uuid NOT NULL, ward boolean NOT NULL, weight float8 NOT NULL, eng float8 NOT NULL);
      CREATE TABLE bench.villages (v int PRIMARY KEY, c int NOT NULL, k int NOT NULL, unit_id uuid NOT NULL, eng float8 NOT NULL, weight float8 NOT NULL, lo bigint, hi bigint);
      CREATE TABLE bench.calendar (q int PRIMARY KEY, day date NOT NULL);
      CREATE TABLE bench.courses (course_no int PRIMARY KEY, course_id uuid NOT NULL, version_id uuid NOT NULL, nl int NOT NULL, title text NOT NULL, title_en text NOT NULL);
      CREATE TABLE bench.lessons (course_no int NOT NULL, ord int NOT NULL, lesson_id uuid NOT NULL, lesson_key uuid NOT NULL, course_id uuid NOT NULL,
                                  version_id uuid NOT NULL, kind text NOT NULL, minutes int NOT NULL, nl int NOT NULL, PRIMARY KEY (course_no, ord));
      CREATE TABLE bench.chunks (chunk int PRIMARY KEY, v_from int NOT NULL, v_to int NOT NULL, done_at timestamptz, seconds float8,
                                 learners int, households int, enrolments int, lesson_progress int, completions int, certificates int, events bigint);
      CREATE TABLE bench.ddl (ord int PRIMARY KEY, tbl text NOT NULL, name text NOT NULL, kind text NOT NULL, def text NOT NULL);
    `);

    // The tree: country, province, communes (about 12% wards), 5–11 villages each.
    const words = sqlTextArray(PLACE_WORDS);
    const nw = PLACE_WORDS.length;
    await db.query(`
      INSERT INTO administrative_units (id, code, name, level, parent_id, path)
      VALUES (bench.uuid_of('unit', 0), 'VN', 'Việt Nam', 'country', NULL, '/' || bench.uuid_of('unit', 0) || '/');
      INSERT INTO administrative_units (id, code, name, level, parent_id, path)
      SELECT bench.uuid_of('unit', 1), '${PROVINCE_CODE}', 'Tỉnh Sơn Lâm (mô phỏng)', 'province', id, path || bench.uuid_of('unit', 1) || '/'
        FROM administrative_units WHERE code = 'VN';
      INSERT INTO bench.communes (c, unit_id, ward, weight, eng)
      SELECT c, bench.uuid_of('unit', 1000 + c), bench.rnd(c, 101) < 0.12, 0.35 + 2.2 * power(bench.rnd(c, 102), 2), bench.rnd(c, 103)
        FROM generate_series(1, ${communes}) c;
      INSERT INTO administrative_units (id, code, name, level, parent_id, path)
      SELECT co.unit_id, 'X-BP-C' || lpad(co.c::text, 3, '0'),
             CASE WHEN co.ward THEN 'Phường ' ELSE 'Xã ' END || (${words})[1 + floor(bench.rnd(co.c, 106) * ${nw})::int] || ' ' || (${words})[1 + floor(bench.rnd(co.c, 107) * ${nw})::int],
             'commune', p.id, p.path || co.unit_id || '/'
        FROM bench.communes co, administrative_units p WHERE p.code = '${PROVINCE_CODE}';
      INSERT INTO bench.villages (v, c, k, unit_id, eng, weight)
      SELECT row_number() OVER (ORDER BY co.c, k), co.c, k, bench.uuid_of('unit', 100000 + co.c * 100 + k),
             least(1, co.eng * (0.8 + 0.4 * bench.rnd(co.c * 100 + k, 108))), co.weight * (0.5 + bench.rnd(co.c * 100 + k, 104))
        FROM bench.communes co, generate_series(1, 5 + floor(bench.rnd(co.c, 105) * 7)::int) k;
      INSERT INTO administrative_units (id, code, name, level, parent_id, path)
      SELECT v.unit_id, 'X-BP-C' || lpad(v.c::text, 3, '0') || '-' || lpad(v.k::text, 2, '0'),
             CASE WHEN co.ward THEN 'Tổ dân phố số ' || v.k ELSE 'Bản ' || (${words})[1 + floor(bench.rnd(v.v, 109) * ${nw})::int] || ' ' || (${words})[1 + floor(bench.rnd(v.v, 110) * ${nw})::int] END,
             'village', cu.id, cu.path || v.unit_id || '/'
        FROM bench.villages v JOIN bench.communes co ON co.c = v.c JOIN administrative_units cu ON cu.id = co.unit_id;
      -- Learners per village: contiguous ranges of n, proportional to the village's weight.
      WITH w AS (SELECT v, sum(weight) OVER (ORDER BY v) AS upto, sum(weight) OVER () AS total, weight FROM bench.villages)
      UPDATE bench.villages b SET lo = floor(${learners}::float8 * (w.upto - w.weight) / w.total)::bigint, hi = floor(${learners}::float8 * w.upto / w.total)::bigint
        FROM w WHERE w.v = b.v;
      UPDATE bench.villages SET hi = ${learners} WHERE v = (SELECT max(v) FROM bench.villages);
    `);

    step('tree');
    // Registration calendar: 10,000 quantiles of the weighted days of the last two years.
    await db.query(
      `INSERT INTO bench.calendar (q, day)
       WITH d AS (
         SELECT g::date AS day,
                ($1::float8[])[extract(month FROM g)::int] * ($2::float8[])[extract(dow FROM g)::int + 1]
                  * (0.5 + i / 730.0)
                  * CASE WHEN abs(g::date - make_date(extract(year FROM g)::int, 10, 10)) <= 10 THEN 2 ELSE 1 END AS w
           FROM generate_series(($3::timestamptz AT TIME ZONE '${TZ}')::date - 730, ($3::timestamptz AT TIME ZONE '${TZ}')::date - 1, interval '1 day') WITH ORDINALITY AS s(g, i)
       ), c AS MATERIALIZED (SELECT day, COALESCE(sum(w) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(w) OVER () AS lo,
                                    sum(w) OVER (ORDER BY day) / sum(w) OVER () AS hi FROM d)
       SELECT q, min(c.day) FROM generate_series(0, 9999) q JOIN c ON (q + 0.5) / 10000.0 > c.lo AND (q + 0.5) / 10000.0 <= c.hi GROUP BY q`,
      [MONTH_WEIGHTS, WEEKDAY_WEIGHTS, endTs],
    );

    step('calendar');
    // The demo courses, published version 1 (the same titles, modules and lessons as DEMO_CONTENT loads).
    for (const [i, course] of DEMO_COURSES.entries()) {
      const existing = await db.query<{ id: string }>(`SELECT id FROM courses WHERE slug = $1`, [course.slug]);
      if (existing.rows[0]) throw new Error(`course ${course.slug} exists already in a database without a generated province: use --drop`);
      const minutes = course.modules.flatMap((m) => m.lessons).reduce((s, l) => s + l.estimatedMinutes, 0);
      const { rows: [{ id: courseId }] } = await db.query<{ id: string }>(`INSERT INTO courses (slug, created_at) VALUES ($1, $2::timestamptz - interval '800 days') RETURNING id`, [course.slug, endTs]);
      const { rows: [{ id: versionId }] } = await db.query<{ id: string }>(
        `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, translations, target_groups, level, estimated_minutes, published_at)
         VALUES ($1, 1, 'published', $2, $3, $4, $5, $6, $7, $8, $9::timestamptz - interval '760 days') RETURNING id`,
        [courseId, course.language, course.title, course.summary, JSON.stringify(course.translations), course.targetGroups, course.level, minutes, endTs],
      );
      let ord = 0;
      const nl = course.modules.reduce((s, m) => s + m.lessons.length, 0);
      await db.query(`INSERT INTO bench.courses (course_no, course_id, version_id, nl, title, title_en) VALUES ($1, $2, $3, $4, $5, $6)`, [
        i, courseId, versionId, nl, course.title, course.translations.en?.title ?? course.title,
      ]);
      for (const [m, module] of course.modules.entries()) {
        const { rows: [{ id: moduleId }] } = await db.query<{ id: string }>(`INSERT INTO course_modules (version_id, position, title) VALUES ($1, $2, $3) RETURNING id`, [versionId, m + 1, module.title]);
        for (const [l, lesson] of module.lessons.entries()) {
          const { rows: [row] } = await db.query<{ id: string; lesson_key: string }>(
            `INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, lesson_key`,
            [moduleId, l + 1, lesson.kind, lesson.title, lesson.body, lesson.estimatedMinutes],
          );
          await db.query(`INSERT INTO bench.lessons VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [i, ord++, row!.id, row!.lesson_key, courseId, versionId, lesson.kind, lesson.estimatedMinutes, nl]);
        }
      }
    }

    step('courses');
    // Chunks: runs of villages with about learners/48 learners each (at most 200 chunks, as serials use 8 bits for the chunk).
    const perChunk = Math.max(5000, Math.ceil(learners / 48));
    await db.query(
      `INSERT INTO bench.chunks (chunk, v_from, v_to)
       SELECT grp + 1, min(v), max(v) FROM (SELECT v, floor(lo::float8 / $1)::int AS grp FROM bench.villages) x GROUP BY grp`,
      [perChunk],
    );
    const { rows: [{ n: chunkCount }] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench.chunks`);
    if (chunkCount > 200) throw new Error(`too many chunks (${chunkCount})`);

    // Calibration: events per lesson touched, so that the total comes near --events (on a 1-in-25 sample).
    const sample = learners >= 50_000 ? 25 : 1;
    const perLearner = async (factor: number) => {
      await db.query(`${learnerSql(`v.v >= 1`, `n % ${sample} = 0`, endTs.toISOString())} ${lessonSql(endTs.toISOString())}`);
      const { rows: [{ events, learners: n }] } = await db.query<{ events: string; learners: string }>(
        `SELECT (SELECT count(*) FROM lr) AS learners, COALESCE(sum(${eventCountExpr(factor)}), 0) AS events FROM lp`,
      );
      return Number(events) / Math.max(1, Number(n));
    };
    await db.query(`SET LOCAL work_mem = '256MB'`);
    const target = size.events / learners;
    const at1 = await perLearner(1);
    let factor = target / at1;
    const atF = await perLearner(factor);
    factor *= target / atF;
    await setMeta(db, { factor });
    step('calibration');
    options.log(`calibration: ${at1.toFixed(1)} events per learner at factor 1, ${atF.toFixed(1)} at ${(target / at1).toFixed(3)}; factor ${factor.toFixed(3)}`);

    // Save, then drop, the keys, indexes and foreign keys of the loaded tables (and foreign keys into them).
    const tables = LOADED_TABLES.map((t) => `'${t}'`).join(',');
    await db.query(`
      INSERT INTO bench.ddl (ord, tbl, name, kind, def)
      SELECT row_number() OVER (ORDER BY kind, name), tbl, name, kind, def FROM (
        SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, CASE c.contype WHEN 'f' THEN '3 foreign key' ELSE '1 key' END AS kind,
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS def
          FROM pg_constraint c
         WHERE (c.contype IN ('p', 'u') AND c.conrelid::regclass::text IN (${tables}))
            OR (c.contype = 'f' AND (c.conrelid::regclass::text IN (${tables}) OR c.confrelid::regclass::text IN (${tables})))
        UNION ALL
        SELECT i.tablename, i.indexname, '2 index', i.indexdef
          FROM pg_indexes i
         WHERE i.schemaname = 'public' AND i.tablename IN (${tables})
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
      ) x`);
    const { rows: ddl } = await db.query<{ tbl: string; name: string; kind: string }>(`SELECT tbl, name, kind FROM bench.ddl ORDER BY kind DESC, ord`);
    for (const d of ddl) {
      if (d.kind === '2 index') await db.query(`DROP INDEX ${d.name.includes('"') ? d.name : `"${d.name}"`}`);
      else await db.query(`ALTER TABLE ${d.tbl} DROP CONSTRAINT "${d.name}"`);
    }
    step('keys dropped');
    await setMeta(db, { preparedAt: new Date().toISOString() });
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/**
 * The learners of some villages (`villageFilter`) as the temp table lr, their enrolments as en.
 * Every attribute is a function of (seed, n): see model.ts.
 */
export function learnerSql(villageFilter: string, learnerFilter: string, endTs: string): string {
  const pref = Object.fromEntries(
    (['citizens', 'students', 'workers', 'officials'] as const).map((g) => {
      const first = DEMO_COURSES.findIndex((c) => c.targetGroups[0] === g);
      return [g, first >= 0 ? first : DEMO_COURSES.findIndex((c) => c.targetGroups.includes(g))];
    }),
  );
  const nc = DEMO_COURSES.length;
  const fam = sqlTextArray(FAMILY_NAMES);
  const mid = sqlTextArray(MIDDLE_NAMES);
  const giv = sqlTextArray(GIVEN_NAMES);
  return `
    DROP TABLE IF EXISTS lr, en, lp;
    CREATE TEMP TABLE lr AS
    SELECT x.*,
           (${fam})[1 + floor(bench.rnd(n, 5) * ${FAMILY_NAMES.length})::int] AS family,
           (${fam})[1 + floor(bench.rnd(n, 5) * ${FAMILY_NAMES.length})::int] || ' ' || (${mid})[1 + floor(bench.rnd(n, 8) * ${MIDDLE_NAMES.length})::int]
             || ' ' || (${giv})[1 + floor(bench.rnd(n, 9) * ${GIVEN_NAMES.length})::int] AS display_name,
           ((cal.day + interval '7 hours' + interval '1 second' * floor(bench.rnd(n, 4) * 50400)) AT TIME ZONE '${TZ}') AS reg_at
      FROM (
        SELECT n, bench.uuid_of('u', n) AS id, v.v, v.c, v.unit_id, v.eng, v.lo,
               CASE WHEN r < 0.66 THEN 'citizens' WHEN r < 0.86 THEN 'students' WHEN r < 0.93 THEN 'workers' ELSE 'officials' END AS grp
          FROM bench.villages v CROSS JOIN LATERAL generate_series(v.lo, v.hi - 1) n CROSS JOIN LATERAL (SELECT bench.rnd(n, 1) AS r) rr
         WHERE ${villageFilter} AND ${learnerFilter}
      ) x JOIN bench.calendar cal ON cal.q = floor(bench.rnd(n, 3) * 10000)::int;
    CREATE TEMP TABLE en AS
    SELECT y.*, co.course_id, co.version_id, co.nl FROM (
      SELECT lr.n, lr.id AS user_id, lr.grp, j, lr.n * 8 + j AS ek,
             (CASE WHEN bench.rnd(lr.n, 15) < 0.7 THEN CASE lr.grp ${Object.entries(pref).map(([g, i]) => `WHEN '${g}' THEN ${i}`).join(' ')} END
                   ELSE floor(bench.rnd(lr.n, 16) * ${nc})::int END + j) % ${nc} AS course_no,
             lr.reg_at + CASE WHEN j = 0 THEN interval '1 minute' * floor(bench.rnd(lr.n * 8, 17) * CASE WHEN bench.rnd(lr.n * 8, 18) < 0.7 THEN 30 ELSE 4320 END)
                              ELSE interval '1 day' * (j * 45 * bench.rnd(lr.n * 8 + j, 19)) END AS enrolled_at,
             bench.rnd(lr.n * 8 + j, 30) < ${COMPLETE_P('lr.eng')} AS finishes,
             bench.rnd(lr.n * 8 + j, 31) AS r_reach,
             0.02 + 6 * power(bench.rnd(lr.n * 8 + j, 32), 3) AS pace_days
        FROM lr CROSS JOIN LATERAL generate_series(0,
               CASE WHEN bench.rnd(lr.n, 10) < ${ENROL_P('lr.eng')}
                    THEN (bench.rnd(lr.n, 11) < 0.45)::int + (bench.rnd(lr.n, 12) < 0.2)::int + (bench.rnd(lr.n, 13) < 0.08)::int + (bench.rnd(lr.n, 14) < 0.03)::int
                    ELSE -1 END) j
    ) y JOIN bench.courses co ON co.course_no = y.course_no
     WHERE y.enrolled_at < '${endTs}'::timestamptz;`;
}

/** The lessons each enrolment reached (lp), with their completion and progress state. */
export function lessonSql(endTs: string): string {
  return `
    CREATE TEMP TABLE lp AS
    SELECT z.*,
           CASE WHEN z.kind = 'video' THEN CASE WHEN z.completed_at IS NOT NULL THEN 60 ELSE 5 * floor(z.r * 10)::int END ELSE 0 END AS watched_seconds,
           least(COALESCE(z.completed_at, z.opened_at + interval '1 minute' * (1 + 4 * z.r)), '${endTs}'::timestamptz) AS last_at
      FROM (
        SELECT w.*, CASE WHEN w.done_intent AND w.opened_at + w.dur < '${endTs}'::timestamptz THEN w.opened_at + w.dur END AS completed_at
          FROM (
            SELECT en.user_id, en.ek, en.n, en.course_no, en.course_id, en.version_id, l.ord, l.kind, l.lesson_id, l.lesson_key, l.nl,
                   (en.finishes OR l.ord < floor(en.r_reach * l.nl)::int) AS done_intent,
                   en.enrolled_at + interval '1 day' * (en.pace_days * l.ord * (0.6 + 0.8 * bench.rnd(en.ek * 16 + l.ord, 40))) + interval '1 minute' * (l.ord * 3) AS opened_at,
                   bench.rnd(en.ek * 16 + l.ord, 41) AS r,
                   interval '1 minute' * CASE l.kind WHEN 'video' THEN 1.2 + 2 * bench.rnd(en.ek * 16 + l.ord, 42)
                                                    WHEN 'quiz' THEN 3 + 6 * bench.rnd(en.ek * 16 + l.ord, 42)
                                                    ELSE l.minutes * (0.4 + bench.rnd(en.ek * 16 + l.ord, 42)) END AS dur
              FROM en JOIN bench.lessons l ON l.course_no = en.course_no AND (en.finishes OR l.ord <= floor(en.r_reach * l.nl)::int)
          ) w
         WHERE w.opened_at < '${endTs}'::timestamptz
      ) z;`;
}

/** Events of one lp row: the minimum its state needs, the rest scaled by the calibration factor. */
export function eventCountExpr(factor: number): string {
  const base = `CASE kind WHEN 'text' THEN CASE WHEN completed_at IS NOT NULL THEN 3 ELSE 2 END
                         WHEN 'video' THEN CASE WHEN completed_at IS NOT NULL THEN 14 ELSE 1 + watched_seconds / 5 END
                         ELSE 2 END`;
  const min = `CASE kind WHEN 'text' THEN CASE WHEN completed_at IS NOT NULL THEN 3 ELSE 1 END
                        WHEN 'video' THEN CASE WHEN completed_at IS NOT NULL THEN 2 ELSE 1 END
                        ELSE 1 END`;
  return `greatest(${min}, round((${base}) * ${factor} * (0.5 + bench.rnd(ek * 16 + ord, 43))))::int`;
}

async function loadChunks(databaseUrl: string, size: ProvinceSize, endTs: string, factor: number, options: GenerateOptions): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.jobs, application_name: 'bench-province' });
  const passwordHash = await hash(BENCH_PASSWORD, { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  try {
    const { rows: todo } = await pool.query<{ chunk: number; v_from: number; v_to: number }>(`SELECT chunk, v_from, v_to FROM bench.chunks WHERE done_at IS NULL ORDER BY chunk`);
    const { rows: [{ total }] } = await pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM bench.chunks`);
    if (todo.length === 0) return;
    options.log(`${todo.length} of ${total} chunks to generate with ${options.jobs} connection(s)…`);
    const started = Date.now();
    let done = 0;
    let next = 0;
    const worker = async () => {
      const client = await pool.connect();
      try {
        await client.query(`SET synchronous_commit = off; SET work_mem = '128MB'; SET temp_buffers = '512MB'; SET jit = off`);
        for (;;) {
          const job = todo[next++];
          if (!job) return;
          const t = Date.now();
          const counts = await generateChunk(client, job.chunk, job.v_from, job.v_to, passwordHash, endTs, factor);
          done++;
          const elapsed = Date.now() - started;
          const eta = (elapsed / done) * (todo.length - done);
          options.log(
            `  chunk ${String(job.chunk).padStart(3)}/${total}: ${fmt(counts.learners)} learners, ${fmt(counts.events)} events in ${secs(Date.now() - t)} ` +
              `(${done}/${todo.length} done, ${secs(elapsed)} elapsed, ~${Math.round(eta / 1000)} s to go)`,
          );
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: options.jobs }, () => worker()));
  } finally {
    await pool.end();
  }
  void size;
}

interface ChunkCounts {
  learners: number;
  events: number;
}

async function generateChunk(client: pg.PoolClient, chunk: number, vFrom: number, vTo: number, passwordHash: string, endTs: string, factor: number): Promise<ChunkCounts> {
  const t0 = Date.now();
  await client.query('BEGIN');
  try {
    await client.query(`${learnerSql(`v.v BETWEEN ${vFrom} AND ${vTo}`, 'TRUE', endTs)} ${lessonSql(endTs)} ANALYZE lr; ANALYZE en; ANALYZE lp;`);
    const verbose = process.env.BENCH_VERBOSE ? (what: string, t: number) => console.log(`    chunk ${chunk} ${what}: ${Date.now() - t} ms`) : undefined;
    verbose?.('lr, en, lp', t0);
    const q = async (sql: string, params: unknown[] = []) => {
      const t = Date.now();
      const n = (await client.query(sql, params)).rowCount ?? 0;
      verbose?.(sql.trim().slice(0, 40).replace(/\s+/g, ' '), t);
      return n;
    };
    const learners = await q(
      `INSERT INTO users (id, display_name, password_hash, birth_year, unit_id, target_group, created_at, updated_at)
       SELECT id, display_name, $1, CASE grp WHEN 'students' THEN 2006 + floor(bench.rnd(n, 6) * 13)::int WHEN 'workers' THEN 1970 + floor(bench.rnd(n, 6) * 36)::int
                                             WHEN 'officials' THEN 1965 + floor(bench.rnd(n, 6) * 36)::int ELSE 1950 + floor(bench.rnd(n, 6) * 58)::int END,
              unit_id, grp, reg_at, reg_at FROM lr`,
      [passwordHash],
    );
    // Households: blocks of about 3.3 consecutive learners of a village; 80% of learners are in one.
    await client.query(`
      DROP TABLE IF EXISTS hm;
      CREATE TEMP TABLE hm AS
      SELECT n, id AS user_id, v, unit_id, family, display_name, reg_at, floor((n - lo) / 3.3)::int AS k FROM lr WHERE bench.rnd(n, 7) < 0.8;`);
    const households = await q(`
      INSERT INTO households (id, unit_id, name, created_by, created_at, join_code)
      SELECT bench.uuid_of('h', v * 100000 + k), unit_id, 'Hộ ' || (array_agg(display_name ORDER BY n))[1], (array_agg(user_id ORDER BY n))[1], min(reg_at),
             'H' || lpad(upper(to_hex(v * 100000 + k)), 7, '0')
        FROM hm GROUP BY v, k, unit_id`);
    await q(`
      INSERT INTO household_members (user_id, household_id, relation, joined_at)
      SELECT user_id, bench.uuid_of('h', v * 100000 + k),
             CASE WHEN n = min(n) OVER (PARTITION BY v, k) THEN 'Chủ hộ' ELSE (ARRAY['Vợ/chồng', 'Con', 'Con', 'Cha/mẹ', 'Ông/bà', 'Anh/chị/em'])[1 + floor(bench.rnd(n, 71) * 6)::int] END,
             reg_at
        FROM hm`);
    await client.query(`
      DROP TABLE IF EXISTS cc;
      CREATE TEMP TABLE cc AS
      SELECT user_id, ek, n, course_id, version_id, course_no, max(completed_at) AS completed_at FROM lp
       GROUP BY user_id, ek, n, course_id, version_id, course_no HAVING count(completed_at) = max(nl);`);
    const enrolments = await q(`
      INSERT INTO enrolments (id, user_id, course_id, version_id, enrolled_at, completed_at)
      SELECT bench.uuid_of('e', en.ek), en.user_id, en.course_id, en.version_id, en.enrolled_at, cc.completed_at FROM en LEFT JOIN cc ON cc.ek = en.ek`);
    const lessonProgress = await q(`
      INSERT INTO lesson_progress (user_id, course_id, lesson_key, lesson_id, version_id, completion_rule, required_seconds, watched, watched_seconds,
                                   position_seconds, position_at, opened_at, scrolled_at, completed_at, completion_source, updated_at)
      SELECT user_id, course_id, lesson_key, lesson_id, version_id,
             CASE kind WHEN 'video' THEN 'video' WHEN 'text' THEN 'text' WHEN 'quiz' THEN 'never' ELSE 'opened' END,
             CASE WHEN kind = 'video' THEN 54 ELSE 0 END,
             CASE WHEN watched_seconds > 0 THEN int4multirange(int4range(0, watched_seconds)) ELSE '{}'::int4multirange END, watched_seconds,
             watched_seconds, CASE WHEN kind = 'video' THEN last_at END, opened_at,
             CASE WHEN kind = 'text' AND completed_at IS NOT NULL THEN completed_at END, completed_at,
             CASE WHEN completed_at IS NOT NULL THEN CASE kind WHEN 'quiz' THEN 'quiz' WHEN 'video' THEN 'video' WHEN 'text' THEN 'text' ELSE 'opened' END END,
             last_at
        FROM lp`);
    const events = await q(`
      INSERT INTO progress_events (user_id, client_event_id, course_id, lesson_id, lesson_key, type, from_seconds, to_seconds, position_seconds, occurred_at, received_at, mirrored_at)
      SELECT user_id, gen_random_uuid(), course_id, lesson_id, lesson_key, type,
             CASE WHEN type = 'video_watched' THEN seg * (i - 2) END, CASE WHEN type = 'video_watched' THEN seg * (i - 1) END,
             CASE WHEN kind = 'video' AND i > 1 THEN seg * (i - 1) END,
             at, at + rec, at + rec + interval '2 seconds'
        FROM (
          SELECT p.*, i,
                 CASE WHEN i = 1 THEN 'lesson_opened'
                      WHEN p.kind = 'text' AND i = 2 THEN 'text_opened'
                      WHEN p.kind = 'text' AND i = p.ne AND p.completed_at IS NOT NULL THEN 'text_scrolled'
                      WHEN p.kind = 'video' AND p.watched_seconds > 0 AND i % 6 <> 0 THEN 'video_watched'
                      WHEN p.kind = 'video' THEN 'video_position'
                      ELSE 'lesson_opened' END AS type,
                 p.watched_seconds::float8 / greatest(p.ne - 1, 1) AS seg,
                 p.opened_at + (p.last_at - p.opened_at) * ((i - 1)::float8 / greatest(p.ne - 1, 1)) AS at,
                 CASE WHEN random() < 0.92 THEN interval '1 millisecond' * (200 + floor(random() * 2800)) ELSE interval '1 second' * floor(random() * 21600) END AS rec
            FROM (SELECT lp.*, ${eventCountExpr(factor)} AS ne FROM lp) p CROSS JOIN LATERAL generate_series(1, p.ne) i
        ) e`);
    const completions = await q(`
      INSERT INTO course_completions (id, user_id, course_id, version_id, completed_at, notified_at)
      SELECT bench.uuid_of('cc', ek), user_id, course_id, version_id, completed_at, completed_at + interval '1 minute' FROM cc`);
    // Certificates: 93% of completions got their course certificate; a learner with two finished
    // courses got the universalisation certificate of their group, 90% of those confirmed to the national ID system.
    const groupNames = TARGET_GROUPS.map((g) => `WHEN '${g.id}' THEN '${JSON.stringify({ vi: `Phổ cập kỹ năng số: ${g.name.vi}`, en: `Digital skills for all: ${g.name.en}` }).replace(/'/g, "''")}'`).join(' ');
    const courseCerts = await q(
      `INSERT INTO certificates (id, serial, user_id, achievement_kind, achievement_ref, achievement_name, recipient_name, issued_at, status_index, key_id, credential, pdf_key)
       SELECT bench.uuid_of('cert', x.ek), 'HS-' || extract(year FROM x.issued_at AT TIME ZONE '${TZ}') || '-' || substr(x.hex, 1, 4) || '-' || substr(x.hex, 5, 4),
              x.user_id, 'course', x.course_id::text, jsonb_build_object('vi', co.title, 'en', co.title_en), lr.display_name, x.issued_at,
              ${chunk * 1_000_000} + x.rn, 'bench-province', '{"bench": true}', 'certificates/' || bench.uuid_of('cert', x.ek) || '.pdf'
         FROM (SELECT cc.*, cc.completed_at + interval '2 minutes' AS issued_at, row_number() OVER (ORDER BY ek) AS rn,
                      lpad(upper(to_hex((${chunk}::bigint << 24) | row_number() OVER (ORDER BY ek))), 8, '0') AS hex
                 FROM cc WHERE bench.rnd(ek, 50) < 0.93 AND cc.completed_at + interval '2 minutes' < '${endTs}'::timestamptz) x
         JOIN lr ON lr.n = x.n JOIN bench.courses co ON co.course_no = x.course_no`,
    );
    await client.query(`
      DROP TABLE IF EXISTS un;
      CREATE TEMP TABLE un AS
      SELECT u.*, row_number() OVER (ORDER BY n) AS rn FROM (
        SELECT lr.n, lr.id AS user_id, lr.grp, lr.display_name, (array_agg(cc.completed_at ORDER BY cc.completed_at))[2] + interval '5 minutes' AS issued_at
          FROM cc JOIN lr ON lr.n = cc.n GROUP BY lr.n, lr.id, lr.grp, lr.display_name HAVING count(*) >= 2
      ) u WHERE u.issued_at < '${endTs}'::timestamptz;`);
    const univCerts = await q(
      `INSERT INTO certificates (id, serial, user_id, achievement_kind, achievement_ref, achievement_name, recipient_name, issued_at, status_index, key_id, credential, pdf_key)
       SELECT bench.uuid_of('ucert', n), 'HS-' || extract(year FROM issued_at AT TIME ZONE '${TZ}') || '-' || substr(hex, 1, 4) || '-' || substr(hex, 5, 4),
              user_id, 'universalisation', grp, (CASE grp ${groupNames} END)::jsonb, display_name, issued_at,
              ${chunk * 1_000_000 + 500_000} + rn, 'bench-province', '{"bench": true}', 'certificates/' || bench.uuid_of('ucert', n) || '.pdf'
         FROM (SELECT un.*, lpad(upper(to_hex((${chunk}::bigint << 24) | (1 << 23) | rn)), 8, '0') AS hex FROM un) x`,
    );
    await q(`
      INSERT INTO national_id_confirmations (id, certificate_id, payload, status, attempts, last_status_code, delivered_at, created_at, updated_at)
      SELECT bench.uuid_of('conf', n), bench.uuid_of('ucert', n), '{"bench": true}', s, 1, CASE s WHEN 'delivered' THEN 200 WHEN 'failed' THEN 503 END,
             CASE WHEN s = 'delivered' THEN issued_at + interval '10 minutes' END, issued_at, issued_at + interval '10 minutes'
        FROM (SELECT un.*, CASE WHEN bench.rnd(n, 61) < 0.93 THEN 'delivered' WHEN bench.rnd(n, 61) < 0.97 THEN 'pending' ELSE 'failed' END AS s
                FROM un WHERE bench.rnd(n, 60) < 0.9) x`);
    await client.query(
      `UPDATE bench.chunks SET done_at = now(), seconds = $2, learners = $3, households = $4, enrolments = $5, lesson_progress = $6, completions = $7, certificates = $8, events = $9
        WHERE chunk = $1`,
      [chunk, (Date.now() - t0) / 1000, learners, households, enrolments, lessonProgress, completions, courseCerts + univCerts, events],
    );
    await client.query(`DROP TABLE IF EXISTS lr, en, lp, hm, cc, un`);
    await client.query('COMMIT');
    return { learners, events };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Populations, officials, then the keys, indexes and foreign keys back, then VACUUM ANALYZE. */
async function finish(db: pg.Client, size: ProvinceSize, options: GenerateOptions): Promise<void> {
  const t = Date.now();
  await db.query(`SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2; SET work_mem = '256MB'`);
  await db.query('BEGIN');
  await db.query(`
    DELETE FROM unit_populations WHERE unit_id IN (SELECT id FROM administrative_units WHERE path LIKE (SELECT path FROM administrative_units WHERE code = '${PROVINCE_CODE}') || '%');
    -- Villages: the learners registered there are 30–95% of the population (by the commune's engagement); last year 1.5% fewer people.
    WITH g(gi, grp) AS (VALUES (1, 'citizens'), (2, 'students'), (3, 'workers'), (4, 'officials')),
         y(year, f) AS (SELECT extract(year FROM (value #>> '{}')::timestamptz AT TIME ZONE '${TZ}')::int - d, 1 - 0.015 * d FROM bench.meta, generate_series(0, 1) d WHERE key = 'endTs'),
         counts AS (SELECT unit_id, target_group, count(*) AS n FROM users WHERE target_group IS NOT NULL GROUP BY 1, 2),
         vp AS (
           SELECT v.unit_id, v.c, g.grp, y.year,
                  greatest(10, ceil(COALESCE(counts.n, 0) / least(0.95, (0.3 + 0.6 * v.eng) * (0.85 + 0.3 * bench.rnd(v.v * 10 + g.gi, 70))) * y.f))::int AS population
             FROM bench.villages v CROSS JOIN g CROSS JOIN y LEFT JOIN counts ON counts.unit_id = v.unit_id AND counts.target_group = g.grp
         ),
         cp AS (SELECT co.unit_id, vp.grp, vp.year, sum(vp.population)::int AS population FROM vp JOIN bench.communes co ON co.c = vp.c GROUP BY 1, 2, 3),
         pp AS (SELECT p.id AS unit_id, cp.grp, cp.year, sum(cp.population)::int AS population FROM cp, administrative_units p WHERE p.code = '${PROVINCE_CODE}' GROUP BY 1, 2, 3)
    INSERT INTO unit_populations (unit_id, target_group, year, population)
    SELECT unit_id, grp, year, population FROM vp UNION ALL SELECT unit_id, grp, year, population FROM cp UNION ALL SELECT unit_id, grp, year, population FROM pp;
  `);
  await db.query('COMMIT');
  options.log(`populations in ${secs(Date.now() - t)}; re-creating keys, indexes and foreign keys…`);
  const { rows: ddl } = await db.query<{ tbl: string; name: string; kind: string; def: string }>(`SELECT tbl, name, kind, def FROM bench.ddl ORDER BY kind, ord`);
  for (const d of ddl) {
    const exists = (await db.query(`SELECT 1 FROM pg_constraint WHERE conname = $1 UNION ALL SELECT 1 FROM pg_class WHERE relname = $1 AND relkind = 'i'`, [d.name])).rowCount;
    if (exists) continue;
    const t1 = Date.now();
    await db.query(d.def);
    options.log(`  ${d.kind.slice(2)} ${d.name} on ${d.tbl}: ${secs(Date.now() - t1)}`);
  }
  // Officials: one for the province, one per commune (no learner data of their own).
  await db.query(`
    INSERT INTO users (id, display_name, email, password_hash, unit_id, created_at, updated_at)
    SELECT bench.uuid_of('official', 0), 'Cán bộ Sở Khoa học và Công nghệ (mô phỏng)', 'can-bo.tinh@bench-province.invalid', $1, id, now(), now()
      FROM administrative_units WHERE code = '${PROVINCE_CODE}'
    UNION ALL
    SELECT bench.uuid_of('official', c), 'Cán bộ xã ' || lpad(c::text, 3, '0') || ' (mô phỏng)', 'can-bo.xa-' || lpad(c::text, 3, '0') || '@bench-province.invalid', $1, unit_id, now(), now()
      FROM bench.communes
    ON CONFLICT DO NOTHING`, [await hash(BENCH_PASSWORD, { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 })]);
  await db.query(`
    INSERT INTO role_assignments (user_id, role, unit_id)
    SELECT bench.uuid_of('official', 0), 'official', id FROM administrative_units WHERE code = '${PROVINCE_CODE}'
    UNION ALL SELECT bench.uuid_of('official', c), 'official', unit_id FROM bench.communes
    ON CONFLICT DO NOTHING`);
  const t2 = Date.now();
  for (const table of [...LOADED_TABLES, 'administrative_units', 'unit_populations', 'role_assignments']) await db.query(`VACUUM (ANALYZE) ${table}`);
  options.log(`VACUUM ANALYZE: ${secs(Date.now() - t2)}`);
  void size;
}

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.slice(2).find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** Size from --learners/--events/--communes/--seed (events default to 20 per learner). */
export function sizeFromFlags(): ProvinceSize {
  const learners = Number(flag('learners') ?? DEFAULT_SIZE.learners);
  const size: ProvinceSize = {
    seed: Number(flag('seed') ?? DEFAULT_SIZE.seed),
    learners,
    events: Number(flag('events') ?? Math.round((learners * DEFAULT_SIZE.events) / DEFAULT_SIZE.learners)),
    communes: Number(flag('communes') ?? DEFAULT_SIZE.communes),
  };
  for (const [k, v] of Object.entries(size)) if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a positive integer`);
  if (size.learners < size.communes * 20) throw new Error('--learners must be at least 20 per commune');
  return size;
}

export { fmt, secs };

async function main(): Promise<void> {
  const size = sizeFromFlags();
  const jobs = Number(flag('jobs') ?? 2);
  const database = flag('database') ?? databaseNameOf(size);
  const infra = await provideInfra(join(repoRoot(__dirname), '.data/bench'), { postgres: 54349, redis: 63792 });
  try {
    const admin = new pg.Client({ connectionString: infra.postgresAdminUrl });
    await admin.connect();
    try {
      if (process.argv.includes('--drop')) await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database])).rowCount;
      if (!exists) await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    console.log(`province generator: database ${database}, ${fmt(size.learners)} learners, ~${fmt(size.events)} progress events, ${size.communes} communes, seed ${size.seed}`);
    const t = Date.now();
    const result = await generateProvince(infra.databaseUrl(database), size, { jobs, log: (line) => console.log(line) });
    console.log(
      `${result.generatedNow ? `generated in ${secs(Date.now() - t)}` : 'already generated'} (total generation time ${result.seconds.toFixed(0)} s): ` +
        `${fmt(result.units)} units, ${fmt(result.learners)} learners, ${fmt(result.households)} households, ${fmt(result.enrolments)} enrolments, ` +
        `${fmt(result.lessonProgress)} lesson_progress, ${fmt(result.events)} progress_events, ${fmt(result.completions)} completions, ` +
        `${fmt(result.certificates)} certificates; data ends ${result.endDay}`,
    );
  } finally {
    await infra.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exitCode = 1;
  });
}
