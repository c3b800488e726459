import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { XapiStatementService } from '../xapi/xapi-statement.service';
import { CompletionHooks } from './completion-hooks';
import type { CourseCompletedJob, MirrorLearningJob } from './learning-jobs.service';
import { LearningJobs } from './learning-jobs.service';
import { recordCourseCompletions, type CompletedCourseRow } from './progress-writer';
import {
  courseCompletedStatement,
  enrolmentStatement,
  lessonCompletedStatement,
  progressStatement,
  type XapiContext,
  type XapiStatementInput,
} from './xapi-mapping';

const SWEEP_CHUNK = 500;

interface CompletedLessonRow {
  user_id: string;
  course_id: string;
  lesson_key: string;
  completed_at: Date;
  completion_source: string | null;
  kind: string | null;
  enrolment_id: string | null;
}

/**
 * The worker's side of learning: course-completion reactions and the xAPI mirror. Every statement id
 * is derived from the event (UUID v5), and every statement from stored rows only, so a repeat (job
 * retry, sweep after a crash) stores nothing new in the LRS.
 */
@Injectable()
export class LearningMirrorService {
  private readonly logger = new Logger(LearningMirrorService.name);
  private readonly ctx: XapiContext;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly xapi: XapiStatementService,
    private readonly hooks: CompletionHooks,
    private readonly jobs: LearningJobs,
    config: AppConfig,
  ) {
    this.ctx = { publicUrl: config.PUBLIC_URL };
  }

  /** CourseCompleted: listeners (certificates…), the xAPI statement, then notified_at (the outbox mark). */
  async courseCompleted(job: CourseCompletedJob): Promise<void> {
    const [row] = (await this.dataSource.query(
      `SELECT cc.id, cc.user_id, cc.course_id, cc.version_id, cc.completed_at, cc.notified_at, e.id AS enrolment_id
         FROM course_completions cc LEFT JOIN enrolments e ON e.user_id = cc.user_id AND e.course_id = cc.course_id
        WHERE cc.user_id = $1 AND cc.course_id = $2`,
      [job.userId, job.courseId],
    )) as { id: string; user_id: string; course_id: string; version_id: string; completed_at: Date; notified_at: Date | null; enrolment_id: string | null }[];
    if (!row) return;
    await this.hooks.courseCompleted({ completionId: row.id, userId: row.user_id, courseId: row.course_id, versionId: row.version_id, completedAt: row.completed_at });
    await this.record([
      courseCompletedStatement(this.ctx, { completionId: row.id, userId: row.user_id, courseId: row.course_id, completedAt: row.completed_at, ...(row.enrolment_id ? { enrolmentId: row.enrolment_id } : {}) }),
    ]);
    await this.dataSource.query(`UPDATE course_completions SET notified_at = now() WHERE id = $1 AND notified_at IS NULL`, [row.id]);
  }

  async mirrorLearning(job: MirrorLearningJob): Promise<void> {
    if (job.kind === 'enrolment') {
      const [row] = (await this.dataSource.query(`SELECT id, user_id, course_id, enrolled_at FROM enrolments WHERE id = $1`, [job.enrolmentId])) as {
        id: string;
        user_id: string;
        course_id: string;
        enrolled_at: Date;
      }[];
      if (!row) return;
      await this.record([enrolmentStatement(this.ctx, { enrolmentId: row.id, userId: row.user_id, courseId: row.course_id, versionNumber: job.versionNumber, at: row.enrolled_at })]);
      return;
    }
    const completed = await this.completedLessons([{ userId: job.userId, courseId: job.courseId, lessonKey: job.lessonKey }]);
    await this.record(completed.map((r) => this.lessonCompletedStatement(r)));
  }

  /**
   * Mirrors progress events not yet mirrored (and the completions of their lessons), in chunks, until
   * none is left. Every committed event passes here once, so it is also where a course completion
   * that the API did not record after the events' commit (a crash in between: see ProgressWriter) is
   * recorded: the courses of the lessons these events completed are checked, in the same transaction
   * that marks the events mirrored. Usually the API recorded it already and the check finds nothing.
   */
  async mirrorProgress(): Promise<number> {
    let total = 0;
    for (;;) {
      const recorded: CompletedCourseRow[] = [];
      const done = await this.dataSource.transaction(async (manager) => {
        const events = (await manager.query(
          `SELECT pe.user_id, pe.client_event_id, pe.course_id, pe.lesson_key, pe.type, pe.from_seconds, pe.to_seconds, pe.position_seconds, pe.occurred_at,
                  le.kind, e.id AS enrolment_id
             FROM progress_events pe
             LEFT JOIN lessons le ON le.id = pe.lesson_id
             LEFT JOIN enrolments e ON e.user_id = pe.user_id AND e.course_id = pe.course_id
            WHERE pe.mirrored_at IS NULL
            ORDER BY pe.received_at
            LIMIT ${SWEEP_CHUNK}
            FOR UPDATE OF pe SKIP LOCKED`,
        )) as {
          user_id: string;
          client_event_id: string;
          course_id: string;
          lesson_key: string;
          type: string;
          from_seconds: number | null;
          to_seconds: number | null;
          position_seconds: number | null;
          occurred_at: Date;
          kind: string | null;
          enrolment_id: string | null;
        }[];
        if (events.length === 0) return 0;
        const statements = events.map((e) =>
          progressStatement(this.ctx, {
            userId: e.user_id,
            clientEventId: e.client_event_id,
            courseId: e.course_id,
            lessonKey: e.lesson_key,
            kind: e.kind ?? 'lesson',
            type: e.type,
            fromSeconds: e.from_seconds,
            toSeconds: e.to_seconds,
            positionSeconds: e.position_seconds,
            occurredAt: e.occurred_at,
            ...(e.enrolment_id ? { enrolmentId: e.enrolment_id } : {}),
          }),
        );
        const lessons = [...new Map(events.map((e) => [`${e.user_id}:${e.course_id}:${e.lesson_key}`, { userId: e.user_id, courseId: e.course_id, lessonKey: e.lesson_key }])).values()];
        const completedLessons = await this.completedLessons(lessons);
        statements.push(...completedLessons.map((r) => this.lessonCompletedStatement(r)));
        await this.record(statements);
        recorded.push(...(await recordCourseCompletions(manager, completedLessons.map((r) => ({ userId: r.user_id, courseId: r.course_id })))));
        await manager.query(
          `UPDATE progress_events pe SET mirrored_at = now() FROM unnest($1::uuid[], $2::uuid[]) AS k(user_id, client_event_id)
            WHERE pe.user_id = k.user_id AND pe.client_event_id = k.client_event_id`,
          [events.map((e) => e.user_id), events.map((e) => e.client_event_id)],
        );
        return events.length;
      });
      // Enqueued after the commit; one lost here is re-enqueued by the sweep (notified_at is still null).
      for (const c of recorded) {
        this.logger.warn({ userId: c.user_id, courseId: c.course_id }, 'course completion recorded by the xAPI mirror (the API did not record it after the events)');
        await this.jobs.courseCompleted({ completionId: c.id, userId: c.user_id, courseId: c.course_id, versionId: c.version_id, completedAt: c.completed_at.toISOString() });
      }
      total += done;
      if (done < SWEEP_CHUNK) return total;
    }
  }

  /** Every minute: completions whose CourseCompleted job was lost (crash between commit and enqueue), and leftover events. */
  async sweep(): Promise<void> {
    const lost = (await this.dataSource.query(
      `SELECT id, user_id, course_id, version_id, completed_at FROM course_completions
        WHERE notified_at IS NULL AND completed_at < now() - interval '1 minute' ORDER BY completed_at LIMIT 1000`,
    )) as { id: string; user_id: string; course_id: string; version_id: string; completed_at: Date }[];
    for (const c of lost) {
      await this.jobs.courseCompleted({ completionId: c.id, userId: c.user_id, courseId: c.course_id, versionId: c.version_id, completedAt: c.completed_at.toISOString() });
    }
    await this.mirrorProgress();
  }

  private async completedLessons(lessons: { userId: string; courseId: string; lessonKey: string }[]): Promise<CompletedLessonRow[]> {
    if (lessons.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT lp.user_id, lp.course_id, lp.lesson_key, lp.completed_at, lp.completion_source, le.kind, e.id AS enrolment_id
         FROM lesson_progress lp
         JOIN unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS k(user_id, course_id, lesson_key)
           ON lp.user_id = k.user_id AND lp.course_id = k.course_id AND lp.lesson_key = k.lesson_key
         LEFT JOIN lessons le ON le.id = lp.lesson_id
         LEFT JOIN enrolments e ON e.user_id = lp.user_id AND e.course_id = lp.course_id
        WHERE lp.completed_at IS NOT NULL`,
      [lessons.map((l) => l.userId), lessons.map((l) => l.courseId), lessons.map((l) => l.lessonKey)],
    )) as CompletedLessonRow[];
  }

  private lessonCompletedStatement(r: CompletedLessonRow): XapiStatementInput {
    return lessonCompletedStatement(this.ctx, {
      userId: r.user_id,
      courseId: r.course_id,
      lessonKey: r.lesson_key,
      kind: r.kind ?? 'lesson',
      source: r.completion_source ?? 'events',
      completedAt: r.completed_at,
      ...(r.enrolment_id ? { enrolmentId: r.enrolment_id } : {}),
    });
  }

  /** Stores statements; the same ids twice are one statement. A conflict (same id, other content) is logged and skipped. */
  private async record(statements: XapiStatementInput[]): Promise<void> {
    const unique = [...new Map(statements.map((s) => [s.id, s])).values()];
    if (unique.length === 0) return;
    try {
      await this.xapi.recordSystemStatements(unique);
    } catch (error) {
      if (!(error instanceof ConflictException) || unique.length === 1) {
        if (error instanceof ConflictException) {
          this.logger.warn(`xAPI statement ${unique[0]!.id} is stored with other content; skipped`);
          return;
        }
        throw error;
      }
      for (const s of unique) await this.record([s]);
    }
  }
}
