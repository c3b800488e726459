import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { queryPrepared } from '../../database/prepared';
import type { CompletionRule } from './lesson-directory';
import type { ProgressEventType } from './progress-event.entity';

/** One validated event, ready to be written. */
export interface ProgressRow {
  userId: string;
  clientEventId: string;
  courseId: string;
  lessonId: string;
  lessonKey: string;
  versionId: string;
  type: ProgressEventType;
  from: number | null;
  to: number | null;
  position: number | null;
  at: Date;
  /** Whole seconds watched [secFrom, secTo), clipped to the video (video_watched only). */
  secFrom: number | null;
  secTo: number | null;
  /** Video: distinct seconds needed for completion. */
  requiredSeconds: number;
  rule: CompletionRule;
}

/** A lesson_progress row after a write. */
export interface ProgressStateRow {
  user_id: string;
  course_id: string;
  lesson_key: string;
  lesson_id: string;
  watched_seconds: number;
  position_seconds: number;
  completed_at: Date | null;
  completion_source: string | null;
  just_completed: boolean;
}

export interface CompletedCourseRow {
  id: string;
  user_id: string;
  course_id: string;
  version_id: string;
  completed_at: Date;
}

export interface WriteOutcome {
  /** `${userId}:${clientEventId}` of the events recorded now (the others were already there); from write(): the request's own. */
  inserted: Set<string>;
  /** From ProgressWriter.write: the rows of the request's own user(s) only. */
  progress: ProgressStateRow[];
  completedCourses: CompletedCourseRow[];
}

interface Pending {
  rows: ProgressRow[];
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/** Most rows one statement writes; more wait for the next flush. */
const MAX_ROWS_PER_FLUSH = 2000;
/**
 * Flushes running at once. One: while it runs, every new request waits and joins the next flush, so
 * under load a flush carries the events of many requests (one statement and one commit for all of
 * them) and flushes never contend for the same lesson_progress rows. Measured (bench/README.md): with 3,
 * batches under CPU pressure held one or two requests each, and round trips to PostgreSQL were the
 * largest item of the API's CPU profile.
 */
const MAX_IN_FLIGHT = 1;
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Group commit of progress events. Requests hand their validated events to `write()`; events of
 * all requests that arrive while the previous flush runs (or in the same event-loop turn) are
 * written together by ONE statement, whatever their number, committed on its own (one round trip):
 * a data-modifying CTE that inserts the events (ON CONFLICT DO NOTHING: repeats are skipped), folds
 * the new ones per (user, course, lesson_key) and upserts lesson_progress: watched = old ∪ new
 * (int4multirange `+`), position = the one of the latest event time, completed_at set once.
 * Only when a lesson completed, a second transaction locks the enrolments concerned (in key order)
 * and records course completions (UNIQUE(user_id, course_id), ON CONFLICT DO NOTHING) whose pinned
 * version has every lesson completed. It starts after the events' commit, so of two flushes
 * completing a course's last two lessons, the later one sees both. Should it not run (a crash between
 * the two), the xAPI mirror, which reads every committed event once, records the completion
 * (LearningMirrorService.mirrorProgress).
 * Each request is answered after the commit of its events. Locks are taken in key order, so
 * concurrent flushes do not deadlock (and are retried if PostgreSQL says otherwise).
 */
@Injectable()
export class ProgressWriter implements OnApplicationShutdown {
  private readonly logger = new Logger(ProgressWriter.name);
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  private closing = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  write(rows: ProgressRow[]): Promise<WriteOutcome> {
    if (this.closing) return Promise.reject(new Error('the API is shutting down'));
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.schedule();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    while (this.inFlight > 0 || this.queue.length > 0) await new Promise((r) => setTimeout(r, 10));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch: Pending[] = [];
    let count = 0;
    while (this.queue.length > 0 && (batch.length === 0 || count + this.queue[0]!.rows.length <= MAX_ROWS_PER_FLUSH)) {
      const next = this.queue.shift()!;
      batch.push(next);
      count += next.rows.length;
    }
    if (batch.length === 0) return;
    this.inFlight++;
    this.schedule(); // another flush may start for what is left, up to MAX_IN_FLIGHT
    try {
      const outcome = await this.writeWithRetry(batch.flatMap((p) => p.rows));
      resolveBatch(batch, outcome);
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }

  private async writeWithRetry(rows: ProgressRow[]): Promise<WriteOutcome> {
    // One statement is atomic on its own: one round trip instead of three (START TRANSACTION, it, COMMIT).
    const { inserted, progress } = await this.retrying(rows.length, () => writeEvents(this.dataSource.manager, rows));
    const pairs = progress.filter((p) => p.just_completed).map((p) => ({ userId: p.user_id, courseId: p.course_id }));
    if (pairs.length === 0) return { inserted, progress, completedCourses: [] };
    // The events are committed: a failure from here on must not fail the requests (the browser would
    // resend events already stored). A course completion not recorded now is recorded by the xAPI
    // mirror, which checks the courses of every lesson its events completed (LearningMirrorService).
    try {
      const completedCourses = await this.retrying(rows.length, () => this.dataSource.transaction((manager) => recordCourseCompletions(manager, pairs)));
      return { inserted, progress, completedCourses };
    } catch (error) {
      this.logger.error({ err: error }, `course completions after a progress batch: left to the xAPI mirror`);
      return { inserted, progress, completedCourses: [] };
    }
  }

  private async retrying<T>(rowCount: number, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 4 || !code || !RETRYABLE.has(code)) throw error;
        this.logger.warn(`progress batch of ${rowCount} events: ${code}, retrying (attempt ${attempt + 1})`);
        await new Promise((r) => setTimeout(r, 5 * attempt));
      }
    }
  }
}

/**
 * Answers each request of a flushed batch with what concerns it: its own events recorded now, the
 * progress rows of its own user (not the whole batch's: that would copy N rows into each of N answers),
 * and a lesson or course completion told to one request only — the first one in the batch with events on it.
 */
function resolveBatch(batch: Pending[], outcome: WriteOutcome): void {
  const progressOf = new Map<string, ProgressStateRow[]>();
  for (const row of outcome.progress) {
    const list = progressOf.get(row.user_id);
    if (list) list.push(row);
    else progressOf.set(row.user_id, [row]);
  }
  const completedOf = new Map<string, CompletedCourseRow[]>();
  for (const c of outcome.completedCourses) {
    const list = completedOf.get(c.user_id);
    if (list) list.push(c);
    else completedOf.set(c.user_id, [c]);
  }
  const told = new Set<ProgressStateRow | CompletedCourseRow>();
  const claimed = new Set<string>();
  for (const p of batch) {
    // An event sent by two requests of the batch at once (a retry racing its original) counts as recorded for the first only.
    const inserted = new Set<string>();
    for (const r of p.rows) {
      const key = `${r.userId}:${r.clientEventId}`;
      if (outcome.inserted.has(key) && !claimed.has(key)) {
        claimed.add(key);
        inserted.add(key);
      }
    }
    const users = new Set(p.rows.map((r) => r.userId));
    const progress: ProgressStateRow[] = [];
    const completedCourses: CompletedCourseRow[] = [];
    for (const user of users) {
      for (const row of progressOf.get(user) ?? []) {
        const concerns = row.just_completed && !told.has(row) && p.rows.some((r) => r.userId === row.user_id && r.courseId === row.course_id && r.lessonKey === row.lesson_key);
        if (concerns) told.add(row);
        progress.push(row.just_completed && !concerns ? { ...row, just_completed: false } : row);
      }
      for (const c of completedOf.get(user) ?? []) {
        if (told.has(c) || !p.rows.some((r) => r.userId === c.user_id && r.courseId === c.course_id)) continue;
        told.add(c);
        completedCourses.push(c);
      }
    }
    p.resolve({ inserted, progress, completedCourses });
  }
}

/** Watched seconds of a multirange expression. */
const sizeOf = (expr: string) => `(SELECT COALESCE(sum(upper(r) - lower(r)), 0)::int FROM unnest(${expr}) AS r)`;

/** The completion test on a lesson_progress state, by rule. */
const completes = (rule: string, watchedSeconds: string, required: string, openedAt: string, scrolledAt: string) =>
  `CASE ${rule} WHEN 'video' THEN ${watchedSeconds} >= ${required}
                WHEN 'text' THEN ${openedAt} IS NOT NULL AND ${scrolledAt} IS NOT NULL
                WHEN 'opened' THEN ${openedAt} IS NOT NULL
                ELSE false END`;

const MERGED = 'lp.watched + EXCLUDED.watched';
const NEW_TEST = completes('a.rule', sizeOf('a.watched'), 'a.required', 'a.opened_at', 'a.scrolled_at');
const MERGED_TEST = completes(
  'EXCLUDED.completion_rule',
  sizeOf(MERGED),
  'EXCLUDED.required_seconds',
  'LEAST(lp.opened_at, EXCLUDED.opened_at)',
  'LEAST(lp.scrolled_at, EXCLUDED.scrolled_at)',
);

/** Events in, progress folded, in one statement. Returns one 'e' row with the keys of the inserted events (one comma-separated text: cheaper to read than a row each, or an array) and the progress rows ('p' rows). */
const WRITE_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[],
                       $8::float8[], $9::float8[], $10::float8[], $11::timestamptz[], $12::int[], $13::int[], $14::int[], $15::text[])
      AS t(user_id, client_event_id, course_id, lesson_id, lesson_key, version_id, type, from_s, to_s, pos, at, sec_from, sec_to, required, rule)
),
ins AS (
  INSERT INTO progress_events (user_id, client_event_id, course_id, lesson_id, lesson_key, type, from_seconds, to_seconds, position_seconds, occurred_at)
  SELECT user_id, client_event_id, course_id, lesson_id, lesson_key, type, from_s, to_s, pos, at FROM input
  ORDER BY user_id, client_event_id
  ON CONFLICT (user_id, client_event_id) DO NOTHING
  RETURNING user_id, client_event_id
),
fresh AS (
  SELECT i.* FROM input i JOIN ins ON ins.user_id = i.user_id AND ins.client_event_id = i.client_event_id
),
agg AS (
  SELECT user_id, course_id, lesson_key,
         (array_agg(lesson_id ORDER BY at DESC))[1] AS lesson_id,
         (array_agg(version_id ORDER BY at DESC))[1] AS version_id,
         COALESCE(range_agg(int4range(sec_from, sec_to)) FILTER (WHERE sec_to > sec_from), '{}'::int4multirange) AS watched,
         (array_agg(pos ORDER BY at DESC) FILTER (WHERE pos IS NOT NULL))[1] AS pos,
         max(at) FILTER (WHERE pos IS NOT NULL) AS pos_at,
         min(at) AS opened_at,
         min(at) FILTER (WHERE type = 'text_scrolled') AS scrolled_at,
         max(required) AS required,
         max(rule) AS rule
    FROM fresh
   GROUP BY user_id, course_id, lesson_key
),
up AS (
  INSERT INTO lesson_progress AS lp (user_id, course_id, lesson_key, lesson_id, version_id, completion_rule, required_seconds, watched, watched_seconds,
                                     position_seconds, position_at, opened_at, scrolled_at, completed_at, completion_source, updated_at)
  SELECT a.user_id, a.course_id, a.lesson_key, a.lesson_id, a.version_id, a.rule, a.required, a.watched, ${sizeOf('a.watched')},
         COALESCE(a.pos, 0), a.pos_at, a.opened_at, a.scrolled_at,
         CASE WHEN ${NEW_TEST} THEN now() END,
         CASE WHEN ${NEW_TEST} THEN a.rule END,
         now()
    FROM agg a
   ORDER BY a.user_id, a.course_id, a.lesson_key
  ON CONFLICT (user_id, course_id, lesson_key) DO UPDATE SET
    lesson_id = EXCLUDED.lesson_id,
    version_id = EXCLUDED.version_id,
    completion_rule = EXCLUDED.completion_rule,
    required_seconds = EXCLUDED.required_seconds,
    watched = ${MERGED},
    watched_seconds = ${sizeOf(MERGED)},
    position_seconds = CASE WHEN EXCLUDED.position_at IS NOT NULL AND (lp.position_at IS NULL OR EXCLUDED.position_at >= lp.position_at)
                            THEN EXCLUDED.position_seconds ELSE lp.position_seconds END,
    position_at = GREATEST(lp.position_at, EXCLUDED.position_at),
    opened_at = LEAST(lp.opened_at, EXCLUDED.opened_at),
    scrolled_at = LEAST(lp.scrolled_at, EXCLUDED.scrolled_at),
    completed_at = COALESCE(lp.completed_at, CASE WHEN ${MERGED_TEST} THEN now() END),
    completion_source = COALESCE(lp.completion_source, CASE WHEN ${MERGED_TEST} THEN EXCLUDED.completion_rule END),
    updated_at = now()
  RETURNING lp.user_id, lp.course_id, lp.lesson_key, lp.lesson_id, lp.watched_seconds, lp.position_seconds, lp.completed_at, lp.completion_source,
            (lp.completed_at IS NOT NULL AND lp.completed_at = now()) AS just_completed
)
SELECT 'e' AS k, NULL::uuid AS user_id, NULL::uuid AS course_id, NULL::uuid AS lesson_key, NULL::uuid AS lesson_id,
       NULL::int AS watched_seconds, NULL::float8 AS position_seconds, NULL::timestamptz AS completed_at, NULL::text AS completion_source, NULL::boolean AS just_completed,
       (SELECT string_agg(user_id::text || ':' || client_event_id::text, ',') FROM ins) AS inserted
UNION ALL
SELECT 'p', user_id, course_id, lesson_key, lesson_id, watched_seconds, position_seconds, completed_at, completion_source, just_completed, NULL FROM up`;

/** The events and the lesson progress they make, in one statement (see WRITE_SQL); on a manager's transaction or on its own. */
async function writeEvents(manager: EntityManager, rows: ProgressRow[]): Promise<Omit<WriteOutcome, 'completedCourses'>> {
  const col = <T>(f: (r: ProgressRow) => T) => rows.map(f);
  const result = await queryPrepared<{ k: 'e' | 'p'; inserted: string | null } & ProgressStateRow>(manager, 'hocso_progress_write', WRITE_SQL, [
    col((r) => r.userId),
    col((r) => r.clientEventId),
    col((r) => r.courseId),
    col((r) => r.lessonId),
    col((r) => r.lessonKey),
    col((r) => r.versionId),
    col((r) => r.type),
    col((r) => r.from),
    col((r) => r.to),
    col((r) => r.position),
    col((r) => r.at.toISOString()),
    col((r) => r.secFrom),
    col((r) => r.secTo),
    col((r) => r.requiredSeconds),
    col((r) => r.rule),
  ]);

  let inserted = new Set<string>();
  const progress: ProgressStateRow[] = [];
  for (const r of result) {
    if (r.k === 'e') inserted = new Set(r.inserted ? r.inserted.split(',') : []);
    else progress.push(r);
  }
  return { inserted, progress };
}

/**
 * Course completions for (user, course) pairs where a lesson just completed: the enrolments are
 * locked first (in key order), so of two transactions completing a course's last two lessons at
 * once, the later one sees the other's committed lesson and records the completion, exactly once.
 */
export async function recordCourseCompletions(manager: EntityManager, pairs: { userId: string; courseId: string }[]): Promise<CompletedCourseRow[]> {
  const unique = [...new Map(pairs.map((p) => [`${p.userId}:${p.courseId}`, p])).values()].sort((a, b) =>
    a.userId === b.userId ? a.courseId.localeCompare(b.courseId) : a.userId.localeCompare(b.userId),
  );
  if (unique.length === 0) return [];
  const users = unique.map((p) => p.userId);
  const courses = unique.map((p) => p.courseId);
  await manager.query(
    `SELECT e.id FROM enrolments e JOIN unnest($1::uuid[], $2::uuid[]) AS k(user_id, course_id) ON e.user_id = k.user_id AND e.course_id = k.course_id
      WHERE e.completed_at IS NULL ORDER BY e.user_id, e.course_id FOR UPDATE OF e`,
    [users, courses],
  );
  const rows = (await manager.query(
    `WITH cand AS (
       SELECT e.user_id, e.course_id, e.version_id
         FROM enrolments e JOIN unnest($1::uuid[], $2::uuid[]) AS k(user_id, course_id) ON e.user_id = k.user_id AND e.course_id = k.course_id
        WHERE e.completed_at IS NULL
          AND EXISTS (SELECT 1 FROM course_modules m JOIN lessons le ON le.module_id = m.id WHERE m.version_id = e.version_id)
          AND NOT EXISTS (
            SELECT 1 FROM course_modules m JOIN lessons le ON le.module_id = m.id
              LEFT JOIN lesson_progress lp ON lp.user_id = e.user_id AND lp.course_id = e.course_id AND lp.lesson_key = le.lesson_key
             WHERE m.version_id = e.version_id AND lp.completed_at IS NULL)
     ),
     ins AS (
       INSERT INTO course_completions (user_id, course_id, version_id)
       SELECT user_id, course_id, version_id FROM cand
       ON CONFLICT (user_id, course_id) DO NOTHING
       RETURNING id, user_id, course_id, version_id, completed_at
     ),
     upd AS (
       UPDATE enrolments e SET completed_at = ins.completed_at FROM ins WHERE e.user_id = ins.user_id AND e.course_id = ins.course_id
     )
     SELECT * FROM ins`,
    [users, courses],
  )) as CompletedCourseRow[];
  return rows;
}
