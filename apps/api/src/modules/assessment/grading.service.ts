import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { AnswerKey, AttemptStatus, ItemKind } from './entities';
import { gradeItem, type ItemResponse } from './graders';
import { LessonCompletionPort } from './lesson-completion.port';
import type { AuthUser } from '../identity/auth-user';
import { gradesEveryCourse, mayGrade } from './reviews.service';
import { updateReturning } from './sql';

export type GradeOutcome = 'graded' | 'pending-review' | 'already-graded' | 'already-pending' | 'not-submitted' | 'missing';

interface LockedAttempt {
  id: string;
  userId: string;
  quizId: string;
  lessonId: string;
  status: AttemptStatus;
  passPercent: number;
}

/**
 * Grades submitted attempts. Exactly one grade per attempt, whatever the queue does: each run locks
 * the attempt row, acts only when the status is the expected one, and writes the grade
 * (UNIQUE attempt_id), the evidence (UNIQUE source, source_id, competency_ref) and the status
 * change in one transaction — a worker killed before COMMIT leaves nothing behind.
 */
@Injectable()
export class GradingService {
  private readonly logger = new Logger('Grading');
  /** Tests only (NODE_ENV=test): hold the transaction open before COMMIT, so a test can kill the worker there. */
  private readonly pauseBeforeCommitMs: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly completion: LessonCompletionPort,
    @Optional() config?: AppConfig,
  ) {
    this.pauseBeforeCommitMs = config?.NODE_ENV === 'test' ? Number(process.env.ASSESSMENT_TEST_PAUSE_BEFORE_COMMIT_MS ?? 0) : 0;
  }

  async grade(attemptId: string): Promise<{ outcome: GradeOutcome; passed?: boolean }> {
    const result = await this.db.transaction(async (m) => {
      const attempt = await this.lock(m, attemptId);
      if (!attempt) return { outcome: 'missing' as const };
      if (attempt.status === 'graded') return { outcome: 'already-graded' as const, attempt };
      if (attempt.status === 'pending_review') return { outcome: 'already-pending' as const };
      if (attempt.status !== 'submitted') return { outcome: 'not-submitted' as const };

      const items = (await m.query(
        `SELECT ai.item_id AS "itemId", ai.response, i.kind, i.answer_key AS "answerKey"
           FROM attempt_items ai JOIN assessment_items i ON i.id = ai.item_id WHERE ai.attempt_id = $1 ORDER BY ai.position`,
        [attemptId],
      )) as { itemId: string; response: ItemResponse | null; kind: ItemKind; answerKey: AnswerKey }[];
      let needsReview = false;
      const itemIds: string[] = [];
      const scores: number[] = [];
      const reviews: boolean[] = [];
      for (const item of items) {
        const g = gradeItem(item.kind, item.answerKey, item.response);
        needsReview ||= g.needsReview;
        itemIds.push(item.itemId);
        scores.push(g.score);
        reviews.push(g.needsReview);
      }
      await m.query(
        `UPDATE attempt_items ai SET score = CASE WHEN u.review THEN NULL ELSE u.score END, needs_review = u.review
           FROM unnest($2::uuid[], $3::numeric[], $4::boolean[]) AS u(item_id, score, review)
          WHERE ai.attempt_id = $1 AND ai.item_id = u.item_id`,
        [attemptId, itemIds, scores, reviews],
      );
      if (needsReview) {
        await this.transition(m, attemptId, 'submitted', 'pending_review');
        await this.pause(attemptId);
        return { outcome: 'pending-review' as const };
      }
      const passed = await this.finalize(m, attempt, 'submitted');
      await this.pause(attemptId);
      return { outcome: 'graded' as const, passed, attempt };
    });
    // After COMMIT: reported again by a retried job if the process died here (completeLesson is idempotent).
    if ('attempt' in result && result.attempt) {
      const passed = result.passed ?? (await this.passedOf(attemptId));
      if (passed) await this.completion.completeLesson(result.attempt.userId, result.attempt.lessonId, { source: 'quiz', sourceId: attemptId });
      return { outcome: result.outcome, passed };
    }
    return { outcome: result.outcome };
  }

  /**
   * A person's score for a free-text item; the attempt is finalised when none is left.
   * Returns false when the item is not waiting for a grade.
   */
  async review(
    reviewer: AuthUser,
    attemptId: string,
    itemId: string,
    score: number,
    feedback: string | null,
  ): Promise<'reviewed' | 'finalised' | 'not-pending' | 'own-attempt' | 'not-yours'> {
    const reviewerId = reviewer.id;
    const result = await this.db.transaction(async (m) => {
      const attempt = await this.lock(m, attemptId);
      if (!attempt) return { outcome: 'not-pending' as const };
      const [allowed] = (await m.query(`SELECT 1 FROM quiz_attempts a WHERE a.id = $3 AND ${mayGrade('$2', '$1')}`, [reviewerId, gradesEveryCourse(reviewer), attemptId])) as unknown[];
      if (!allowed) return { outcome: 'not-yours' as const };
      if (attempt.status !== 'pending_review') return { outcome: 'not-pending' as const };
      if (attempt.userId === reviewerId) return { outcome: 'own-attempt' as const };
      const updated = (await updateReturning(m, `UPDATE attempt_items SET score = $3, needs_review = false, reviewed_by = $4, reviewed_at = now(), feedback = $5
          WHERE attempt_id = $1 AND item_id = $2 AND needs_review RETURNING item_id`,
        [attemptId, itemId, score, reviewerId, feedback],
      )) as unknown[];
      if (!updated.length) return { outcome: 'not-pending' as const };
      const [{ left }] = (await m.query(`SELECT count(*)::int AS left FROM attempt_items WHERE attempt_id = $1 AND needs_review`, [attemptId])) as { left: number }[];
      if (left > 0) return { outcome: 'reviewed' as const };
      const passed = await this.finalize(m, attempt, 'pending_review');
      return { outcome: 'finalised' as const, passed, attempt };
    });
    if (result.outcome === 'finalised' && result.passed && result.attempt) {
      await this.completion.completeLesson(result.attempt.userId, result.attempt.lessonId, { source: 'quiz', sourceId: attemptId });
    }
    return result.outcome;
  }

  private async lock(m: EntityManager, attemptId: string): Promise<LockedAttempt | undefined> {
    const [row] = (await m.query(
      `SELECT a.id, a.user_id AS "userId", a.quiz_id AS "quizId", a.lesson_id AS "lessonId", a.status, q.pass_percent AS "passPercent"
         FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id WHERE a.id = $1 FOR UPDATE OF a`,
      [attemptId],
    )) as LockedAttempt[];
    return row;
  }

  /** The grade, the evidence and the status, in the caller's transaction. */
  private async finalize(m: EntityManager, attempt: LockedAttempt, from: AttemptStatus): Promise<boolean> {
    const [total] = (await m.query(
      `SELECT coalesce(sum(score), 0)::float8 AS score, count(*)::int AS max FROM attempt_items WHERE attempt_id = $1`,
      [attempt.id],
    )) as { score: number; max: number }[];
    const percent = total!.max ? Math.round((10000 * total!.score) / total!.max) / 100 : 0;
    const passed = percent >= attempt.passPercent;
    await m.query(
      `INSERT INTO grades (attempt_id, user_id, quiz_id, score, max_score, percent, passed) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [attempt.id, attempt.userId, attempt.quizId, total!.score, total!.max, percent, passed],
    );
    // one piece of evidence per competency: its share of points, at the highest level drawn for it
    await m.query(
      `INSERT INTO competency_evidence (user_id, competency_ref, level, source, source_id, score, passed, achieved_at)
       SELECT $2, i.competency_ref, max(i.level), 'quiz', $1, round(avg(ai.score), 4), avg(ai.score) * 100 >= $3, now()
         FROM attempt_items ai JOIN assessment_items i ON i.id = ai.item_id
        WHERE ai.attempt_id = $1 GROUP BY i.competency_ref
       ON CONFLICT (source, source_id, competency_ref) DO NOTHING`,
      [attempt.id, attempt.userId, attempt.passPercent],
    );
    await this.transition(m, attempt.id, from, 'graded');
    return passed;
  }

  private async transition(m: EntityManager, attemptId: string, from: AttemptStatus, to: AttemptStatus): Promise<void> {
    const rows = (await updateReturning(m, `UPDATE quiz_attempts SET status = $3 WHERE id = $1 AND status = $2 RETURNING id`, [attemptId, from, to])) as unknown[];
    if (rows.length !== 1) throw new Error(`attempt ${attemptId}: expected status ${from} to move to ${to}`);
  }

  private async passedOf(attemptId: string): Promise<boolean> {
    const [row] = (await this.db.query(`SELECT passed FROM grades WHERE attempt_id = $1`, [attemptId])) as { passed: boolean }[];
    return row?.passed ?? false;
  }

  private async pause(attemptId: string): Promise<void> {
    if (!this.pauseBeforeCommitMs) return;
    this.logger.warn(`ASSESSMENT_TEST_PAUSED_BEFORE_COMMIT ${attemptId}`);
    await new Promise((r) => setTimeout(r, this.pauseBeforeCommitMs));
  }
}
