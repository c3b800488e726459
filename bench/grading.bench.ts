/**
 * Grading benchmark: attempts graded per second by real BullMQ workers (the compiled worker,
 * apps/api/dist, as `npm run start:worker` runs it) on this machine. Seeds N submitted attempts of a
 * 10-item quiz (choices, true/false, ordering, matching, short text with accent-insensitive matching,
 * numeric) straight into PostgreSQL, starts W worker processes (each running C grading jobs at once),
 * adds one GradeAttempt job per attempt and measures until every attempt has its one grade row
 * (grade + competency evidence + status, in one transaction per attempt).
 *
 *   npx tsx bench/grading.bench.ts [--attempts=2000] [--workers=2] [--concurrency=8]
 *
 * Needs `npm run build` first (the worker runs from apps/api/dist).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { provideInfra, type Infra } from '../scripts/lib/infra';
import { machineLine, peakRssBytes, repoRoot, sleep, startNode, stopAllChildren, type Child } from './lib/harness';

const root = repoRoot(__dirname);
const workerJs = join(root, 'apps/api/dist/apps/api/src/worker.js');
const BENCH_PORTS = { postgres: 54349, redis: 63792 };
const REF = 'digcomp-2.2:1.1';

function flag(name: string, fallback: number): number {
  const prefix = `--${name}=`;
  const value = process.argv.slice(2).find((a) => a.startsWith(prefix))?.slice(prefix.length);
  return value !== undefined && Number.isFinite(Number(value)) ? Number(value) : fallback;
}

/** Ten items of the bench quiz, each with a right answer (every other attempt answers them right). */
const ITEMS: { kind: string; options: object[]; targets: object[]; key: object; right: object; wrong: object }[] = [
  { kind: 'single_choice', options: opts('a', 'b', 'c'), targets: [], key: { correctOptionIds: ['b'] }, right: { optionIds: ['b'] }, wrong: { optionIds: ['a'] } },
  { kind: 'multiple_choice', options: opts('a', 'b', 'c'), targets: [], key: { correctOptionIds: ['a', 'c'] }, right: { optionIds: ['c', 'a'] }, wrong: { optionIds: ['a'] } },
  { kind: 'true_false', options: [], targets: [], key: { correctBoolean: false }, right: { booleanValue: false }, wrong: { booleanValue: true } },
  { kind: 'ordering', options: opts('s1', 's2', 's3', 's4'), targets: [], key: { order: ['s1', 's2', 's3', 's4'] }, right: { order: ['s1', 's2', 's3', 's4'] }, wrong: { order: ['s2', 's1', 's3', 's4'] } },
  {
    kind: 'matching',
    options: opts('l1', 'l2', 'l3'),
    targets: opts('t1', 't2', 't3'),
    key: { pairs: { l1: 't1', l2: 't2', l3: 't3' } },
    right: { pairs: [{ optionId: 'l1', targetId: 't1' }, { optionId: 'l2', targetId: 't2' }, { optionId: 'l3', targetId: 't3' }] },
    wrong: { pairs: [{ optionId: 'l1', targetId: 't2' }] },
  },
  { kind: 'short_text', options: [], targets: [], key: { acceptedAnswers: ['Hà Nội'], accentInsensitive: true }, right: { text: 'ha noi' }, wrong: { text: 'Huế' } },
  { kind: 'short_text', options: [], targets: [], key: { acceptedAnswers: ['mật khẩu'], accentInsensitive: false }, right: { text: 'Mật  khẩu' }, wrong: { text: 'mat khau' } },
  { kind: 'numeric', options: [], targets: [], key: { numericValue: 6, tolerance: 0 }, right: { numberValue: 6 }, wrong: { numberValue: 4 } },
  { kind: 'numeric', options: [], targets: [], key: { numericValue: 3.14, tolerance: 0.01 }, right: { numberValue: 3.141 }, wrong: { numberValue: 3 } },
  { kind: 'single_choice', options: opts('x', 'y'), targets: [], key: { correctOptionIds: ['y'] }, right: { optionIds: ['y'] }, wrong: { optionIds: ['x'] } },
];

function opts(...ids: string[]): object[] {
  return ids.map((id) => ({ id, text: `Lựa chọn ${id}`, mediaUrl: null }));
}

async function seed(db: pg.Client, attempts: number): Promise<string[]> {
  const [user] = (await db.query<{ id: string }>(`INSERT INTO users (display_name) VALUES ('Tác giả bench') RETURNING id`)).rows;
  const itemIds: string[] = [];
  for (const item of ITEMS) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO assessment_items (kind, competency_ref, level, framework_version, stem, options, targets, answer_key, explanation, author_id)
       VALUES ($1, $2, 1, '2.2', '<p>Câu hỏi</p>', $3, $4, $5, 'Giải thích', $6) RETURNING id`,
      [item.kind, REF, JSON.stringify(item.options), JSON.stringify(item.targets), JSON.stringify(item.key), user!.id],
    );
    itemIds.push(rows[0]!.id);
  }
  const [course] = (await db.query<{ id: string }>(`INSERT INTO courses (slug) VALUES ($1) RETURNING id`, [`bench-${randomBytes(3).toString('hex')}`])).rows;
  const [version] = (
    await db.query<{ id: string }>(
      `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, level, estimated_minutes, published_at)
       VALUES ($1, 1, 'published', 'vi', 'Bench', 'Bench', 'basic', 10, now()) RETURNING id`,
      [course!.id],
    )
  ).rows;
  const [mod] = (await db.query<{ id: string }>(`INSERT INTO course_modules (version_id, position, title) VALUES ($1, 1, 'M') RETURNING id`, [version!.id])).rows;
  const [lesson] = (await db.query<{ id: string; lesson_key: string }>(`INSERT INTO lessons (module_id, position, kind, title) VALUES ($1, 1, 'quiz', 'Quiz') RETURNING id, lesson_key`, [mod!.id])).rows;
  const [quiz] = (
    await db.query<{ id: string }>(`INSERT INTO quizzes (lesson_key, title, pass_percent, blueprint) VALUES ($1, 'Bench', 70, $2) RETURNING id`, [
      lesson!.lesson_key,
      JSON.stringify([{ competencyRef: REF, level: 1, count: ITEMS.length }]),
    ])
  ).rows;
  // one learner per attempt, in batches of 500
  const ids: string[] = [];
  for (let start = 0; start < attempts; start += 500) {
    const n = Math.min(500, attempts - start);
    const users = (await db.query<{ id: string }>(`INSERT INTO users (display_name) SELECT 'Người học ' || g FROM generate_series(1, $1) g RETURNING id`, [n])).rows;
    const attemptIds = users.map(() => randomUUID());
    await db.query(
      `INSERT INTO quiz_attempts (id, quiz_id, user_id, lesson_id, attempt_number, status, submitted_at, closed_by)
       SELECT a, $2, u, $3, 1, 'submitted', now(), 'learner' FROM unnest($1::uuid[], $4::uuid[]) AS t(a, u)`,
      [attemptIds, quiz!.id, lesson!.id, users.map((u) => u.id)],
    );
    const rowsA: string[] = [];
    const rowsI: string[] = [];
    const rowsP: number[] = [];
    const rowsR: string[] = [];
    attemptIds.forEach((a, n2) => {
      ITEMS.forEach((item, i) => {
        rowsA.push(a);
        rowsI.push(itemIds[i]!);
        rowsP.push(i + 1);
        rowsR.push(JSON.stringify((n2 + i) % 3 === 0 ? item.wrong : item.right));
      });
    });
    await db.query(
      `INSERT INTO attempt_items (attempt_id, item_id, position, response, option_order, target_order)
       SELECT a, i, p, r::jsonb, '[]', '[]' FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[]) AS t(a, i, p, r)`,
      [rowsA, rowsI, rowsP, rowsR],
    );
    ids.push(...attemptIds);
  }
  return ids;
}

async function main(): Promise<void> {
  const attempts = flag('attempts', 2000);
  const workers = flag('workers', 2);
  const concurrency = flag('concurrency', 8);
  if (!existsSync(workerJs)) {
    console.error('The worker is not built (apps/api/dist): run `npm run build` first.');
    process.exitCode = 1;
    return;
  }
  const id = randomBytes(4).toString('hex');
  const database = `hocso_bench_${id}`;
  const queuePrefix = `hocso_bench_${id}`;
  let infra: Infra | undefined;
  let created = false;
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await stopAllChildren();
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
    console.error('\nInterrupted: stopping the workers and removing the benchmark database…');
    void cleanUp().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let queue: Queue | undefined;
  try {
    infra = await provideInfra(join(root, '.data/bench'), BENCH_PORTS);
    const admin = new pg.Client({ connectionString: infra.postgresAdminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`).finally(() => admin.end());
    created = true;
    const databaseUrl = infra.databaseUrl(database);
    const migrator = new DataSource({ type: 'postgres', url: databaseUrl, migrations: MIGRATIONS, logging: false });
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const seeded = Date.now();
    const attemptIds = await seed(db, attempts);
    console.log(`grading benchmark: ${infra.notes.join('; ')}; database ${database}`);
    console.log(machineLine());
    console.log(`${attempts} submitted attempts of a ${ITEMS.length}-item quiz seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s; ${workers} worker process(es) × ${concurrency} concurrent jobs.\n`);

    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ['WEB_DIST', 'QUEUE_DASHBOARD_PASSWORD', 'DEMO_CONTENT', 'PUBLIC_URL']) delete env[key];
    Object.assign(env, {
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      REDIS_URL: infra.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: 'warn',
      RUN_MIGRATIONS: 'false',
      ASSESSMENT_WORKER_CONCURRENCY: String(concurrency),
    });
    queue = new Queue('assessment', { connection: new Redis(infra.redisUrl, { maxRetriesPerRequest: null }), prefix: queuePrefix });
    const children: Child[] = [];
    for (let w = 0; w < workers; w++) children.push(startNode(`worker-${w + 1}`, [workerJs], { cwd: root, env }));
    const deadline = Date.now() + 120_000;
    while ((await queue.getWorkersCount()) < workers) {
      for (const c of children) if (c.exited()) throw new Error(`${c.name} exited:\n${c.output()}`);
      if (Date.now() > deadline) throw new Error('the workers did not start');
      await sleep(200);
    }

    const started = Date.now();
    for (let i = 0; i < attemptIds.length; i += 1000) {
      await queue.addBulk(attemptIds.slice(i, i + 1000).map((attemptId) => ({ name: 'grade-attempt', data: { attemptId }, opts: { jobId: `grade-attempt.${attemptId}` } })));
    }
    let graded = 0;
    for (;;) {
      graded = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM grades`)).rows[0]!.n);
      if (graded >= attempts) break;
      for (const c of children) if (c.exited()) throw new Error(`${c.name} exited:\n${c.output()}`);
      if (Date.now() - started > 600_000) throw new Error(`only ${graded} of ${attempts} graded after 10 minutes`);
      await sleep(100);
    }
    const seconds = (Date.now() - started) / 1000;
    const check = (
      await db.query<{ grades: string; evidence: string; graded: string; passed: string }>(
        `SELECT (SELECT count(*) FROM grades) AS grades, (SELECT count(*) FROM competency_evidence) AS evidence,
                (SELECT count(*) FROM quiz_attempts WHERE status = 'graded') AS graded, (SELECT count(*) FROM grades WHERE passed) AS passed`,
      )
    ).rows[0]!;
    const rss = children.map((c) => peakRssBytes(c.pid)).filter((n): n is number => n !== undefined);
    console.log(`attempts graded: ${check.graded} in ${seconds.toFixed(2)} s → ${(attempts / seconds).toFixed(0)} attempts/s (${((attempts * ITEMS.length) / seconds).toFixed(0)} items/s)`);
    console.log(`grade rows ${check.grades}, evidence rows ${check.evidence} (exactly one of each per attempt), passed ${check.passed}`);
    if (rss.length) console.log(`peak RSS per worker: ${rss.map((b) => `${(b / 1024 / 1024).toFixed(0)} MB`).join(', ')}`);
    await db.end();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await queue?.close();
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
