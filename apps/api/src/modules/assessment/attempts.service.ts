import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { JobName, QueueName, jobId } from '../../queue/queues';
import type { AnswerDto, AttemptDto, AttemptItemDto, LessonQuizDto } from './dto/attempt.dto';
import type { AttemptStatus, BlueprintEntry, ItemKind, ItemOption } from './entities';
import { shuffle } from './graders';
import { updateReturning } from './sql';

export interface GradeAttemptJob {
  attemptId: string;
}

interface AttemptRow {
  id: string;
  quizId: string;
  userId: string;
  lessonId: string;
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  closedBy: string | null;
  title: string;
  passPercent: number;
  overdue: boolean;
}

const ATTEMPT_SELECT = `SELECT a.id, a.quiz_id AS "quizId", a.user_id AS "userId", a.lesson_id AS "lessonId", a.attempt_number AS "attemptNumber",
  a.status, a.started_at AS "startedAt", a.deadline_at AS "deadlineAt", a.submitted_at AS "submittedAt", a.closed_by AS "closedBy",
  q.title, q.pass_percent AS "passPercent", (a.deadline_at IS NOT NULL AND a.deadline_at <= now()) AS overdue
  FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id`;

/** Fields of a response kept for each kind (anything else a client sends is dropped). */
const RESPONSE_FIELD: Record<ItemKind, keyof AnswerDto> = {
  single_choice: 'optionIds',
  multiple_choice: 'optionIds',
  true_false: 'booleanValue',
  ordering: 'order',
  matching: 'pairs',
  short_text: 'text',
  numeric: 'numberValue',
  free_text: 'text',
};

/** A learner's attempts: drawing the form, saving answers, submitting, closing at the deadline. */
@Injectable()
export class AttemptsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Assessment) private readonly queue: Queue,
  ) {}

  /** The quiz of a quiz lesson as its learner sees it (no items). 404 when the lesson has no quiz or is not published. */
  async lessonQuiz(userId: string, lessonId: string): Promise<LessonQuizDto> {
    const quiz = await this.quizOfLesson(lessonId);
    const attempts = (await this.db.query(
      `SELECT a.id, a.attempt_number AS "attemptNumber", a.status, a.started_at AS "startedAt", g.percent::float8 AS percent, g.passed
         FROM quiz_attempts a LEFT JOIN grades g ON g.attempt_id = a.id WHERE a.quiz_id = $1 AND a.user_id = $2 ORDER BY a.attempt_number`,
      [quiz.id, userId],
    )) as { id: string; attemptNumber: number; status: AttemptStatus; startedAt: Date; percent: number | null; passed: boolean | null }[];
    return {
      quizId: quiz.id,
      lessonId,
      title: quiz.title,
      itemCount: quiz.blueprint.reduce((n, b) => n + b.count, 0),
      timeLimitSeconds: quiz.timeLimitSeconds,
      maxAttempts: quiz.maxAttempts,
      passPercent: quiz.passPercent,
      attemptsUsed: attempts.length,
      openAttemptId: attempts.find((a) => a.status === 'in_progress')?.id ?? null,
      attempts: attempts.map((a) => ({ ...a, startedAt: a.startedAt.toISOString() })),
    };
  }

  /** Resumes the open attempt, or starts a new one with a freshly drawn form. */
  async start(userId: string, quizId: string, lessonId: string): Promise<{ attempt: AttemptDto; created: boolean }> {
    const quiz = await this.quizOfLesson(lessonId);
    if (quiz.id !== quizId) throw new NotFoundException('No such quiz for this lesson');
    await this.requireEnrolment(userId, lessonId);
    const outcome = await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`quiz-attempt:${quizId}:${userId}`]);
      const [open] = (await m.query(`SELECT id, (deadline_at IS NOT NULL AND deadline_at <= now()) AS overdue FROM quiz_attempts WHERE quiz_id = $1 AND user_id = $2 AND status = 'in_progress'`, [
        quizId,
        userId,
      ])) as { id: string; overdue: boolean }[];
      let closed: string | undefined;
      if (open && !open.overdue) return { id: open.id, created: false };
      if (open) closed = (await this.closeIfOverdue(m, open.id)) ? open.id : undefined;
      const [{ used }] = (await m.query(`SELECT count(*)::int AS used FROM quiz_attempts WHERE quiz_id = $1 AND user_id = $2`, [quizId, userId])) as { used: number }[];
      if (quiz.maxAttempts !== null && used >= quiz.maxAttempts) {
        return { limit: true as const, used, closed };
      }
      const drawn = await this.draw(m, quiz.blueprint);
      const [row] = (await m.query(
        `INSERT INTO quiz_attempts (quiz_id, user_id, lesson_id, attempt_number, status, deadline_at)
         VALUES ($1, $2, $3, $4, 'in_progress', CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(secs => $5::int) END)
         RETURNING id, deadline_at AS "deadlineAt"`,
        [quizId, userId, lessonId, used + 1, quiz.timeLimitSeconds],
      )) as { id: string; deadlineAt: Date | null }[];
      const items = shuffle(drawn);
      await m.query(
        `INSERT INTO attempt_items (attempt_id, position, item_id, option_order, target_order)
         SELECT $1, u.position, u.item_id, u.option_order::jsonb, u.target_order::jsonb
           FROM unnest($2::int[], $3::uuid[], $4::text[], $5::text[]) AS u(position, item_id, option_order, target_order)`,
        [
          row!.id,
          items.map((_, i) => i + 1),
          items.map((i) => i.id),
          items.map((i) => JSON.stringify(shuffle(i.options.map((o) => o.id)))),
          items.map((i) => JSON.stringify(shuffle(i.targets.map((o) => o.id)))),
        ],
      );
      return { id: row!.id, created: true, deadlineAt: row!.deadlineAt, closed };
    });
    if ('closed' in outcome && outcome.closed) await this.enqueueGrading(outcome.closed);
    if ('limit' in outcome) {
      throw new ConflictException(`You have used all ${quiz.maxAttempts} attempt(s) allowed for this quiz`);
    }
    if (outcome.created && 'deadlineAt' in outcome && outcome.deadlineAt) await this.scheduleDeadline(outcome.id, outcome.deadlineAt);
    return { attempt: await this.get(userId, outcome.id), created: outcome.created };
  }

  /** The learner's own attempt (404 for anyone else's); an overdue one is closed first. */
  async get(userId: string, attemptId: string): Promise<AttemptDto> {
    let attempt = await this.own(userId, attemptId);
    if (attempt.status === 'in_progress' && attempt.overdue) {
      await this.closeOverdue(attemptId);
      attempt = await this.own(userId, attemptId);
    } else if (attempt.status === 'submitted' && attempt.submittedAt && Date.now() - attempt.submittedAt.getTime() > 30_000) {
      // a grading job lost before it was queued (crash between COMMIT and add): queue it again
      await this.enqueueGrading(attemptId);
    }
    return this.toDto(attempt);
  }

  /** Saves (replaces) the answer to one item; idempotent. 409 once submitted or past the deadline. */
  async saveAnswer(userId: string, attemptId: string, itemId: string, answer: AnswerDto): Promise<{ itemId: string; answeredAt: string }> {
    const result = await this.db.transaction(async (m) => {
      // FOR SHARE: a concurrent submit (UPDATE of this row) waits for the answer, or the answer sees it submitted
      const [attempt] = (await m.query(
        `SELECT status, (deadline_at IS NOT NULL AND deadline_at <= now()) AS overdue FROM quiz_attempts WHERE id = $1 AND user_id = $2 FOR SHARE`,
        [attemptId, userId],
      )) as { status: AttemptStatus; overdue: boolean }[];
      if (!attempt) return 'missing' as const;
      if (attempt.status !== 'in_progress') return 'closed' as const;
      if (attempt.overdue) return 'overdue' as const;
      const [item] = (await m.query(
        `SELECT i.kind, ai.option_order AS "optionOrder", ai.target_order AS "targetOrder"
           FROM attempt_items ai JOIN assessment_items i ON i.id = ai.item_id WHERE ai.attempt_id = $1 AND ai.item_id = $2`,
        [attemptId, itemId],
      )) as { kind: ItemKind; optionOrder: string[]; targetOrder: string[] }[];
      if (!item) return 'no-item' as const;
      const response = keepResponse(item.kind, answer, item.optionOrder, item.targetOrder);
      const [saved] = (await updateReturning(m, `UPDATE attempt_items SET response = $3, answered_at = now() WHERE attempt_id = $1 AND item_id = $2 RETURNING answered_at AS "answeredAt"`, [
        attemptId,
        itemId,
        response === null ? null : JSON.stringify(response),
      ])) as { answeredAt: Date }[];
      return saved!.answeredAt;
    });
    if (result === 'missing' || result === 'no-item') throw new NotFoundException('No such attempt or item');
    if (result === 'closed') throw new ConflictException('This attempt has been submitted: answers can no longer change');
    if (result === 'overdue') {
      await this.closeOverdue(attemptId);
      throw new ConflictException('Time is up: the attempt was closed with the answers saved before the deadline');
    }
    return { itemId, answeredAt: result.toISOString() };
  }

  /** Submits for grading; repeating it (a retry after a lost connection) changes nothing. */
  async submit(userId: string, attemptId: string): Promise<AttemptDto> {
    await this.own(userId, attemptId);
    const rows = (await updateReturning(this.db, `UPDATE quiz_attempts SET status = 'submitted', submitted_at = LEAST(now(), coalesce(deadline_at, now())),
              closed_by = CASE WHEN deadline_at IS NOT NULL AND deadline_at <= now() THEN 'deadline' ELSE 'learner' END
        WHERE id = $1 AND user_id = $2 AND status = 'in_progress' RETURNING id`,
      [attemptId, userId],
    )) as unknown[];
    if (rows.length) await this.enqueueGrading(attemptId);
    return this.get(userId, attemptId);
  }

  /** Closes an overdue attempt with what was saved (the deadline job, or a check on access). */
  async closeOverdue(attemptId: string): Promise<boolean> {
    const closed = await this.closeIfOverdue(this.db.manager, attemptId);
    if (closed) await this.enqueueGrading(attemptId);
    return closed;
  }

  async enqueueGrading(attemptId: string): Promise<void> {
    await this.queue.add(JobName.GradeAttempt, { attemptId } satisfies GradeAttemptJob, { jobId: jobId(JobName.GradeAttempt, attemptId) });
  }

  private async closeIfOverdue(m: EntityManager, attemptId: string): Promise<boolean> {
    const rows = (await updateReturning(m, `UPDATE quiz_attempts SET status = 'submitted', submitted_at = deadline_at, closed_by = 'deadline'
        WHERE id = $1 AND status = 'in_progress' AND deadline_at IS NOT NULL AND deadline_at <= now() RETURNING id`,
      [attemptId],
    )) as unknown[];
    return rows.length === 1;
  }

  private async scheduleDeadline(attemptId: string, deadlineAt: Date): Promise<void> {
    await this.queue.add(JobName.CloseOverdueAttempt, { attemptId } satisfies GradeAttemptJob, {
      jobId: jobId(JobName.CloseOverdueAttempt, attemptId),
      delay: Math.max(0, deadlineAt.getTime() - Date.now()) + 250,
    });
  }

  private async quizOfLesson(lessonId: string) {
    const [quiz] = (await this.db.query(
      `SELECT q.id, q.title, q.time_limit_seconds AS "timeLimitSeconds", q.max_attempts AS "maxAttempts", q.pass_percent AS "passPercent", q.blueprint
         FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
         JOIN quizzes q ON q.lesson_key = l.lesson_key
        WHERE l.id = $1 AND l.kind = 'quiz' AND v.status IN ('published', 'archived')`,
      [lessonId],
    )) as { id: string; title: string; timeLimitSeconds: number | null; maxAttempts: number | null; passPercent: number; blueprint: BlueprintEntry[] }[];
    if (!quiz) throw new NotFoundException('This lesson has no quiz');
    return quiz;
  }

  /** A quiz counts towards a course: only its enrolled learners may take it (any version of the course). */
  private async requireEnrolment(userId: string, lessonId: string): Promise<void> {
    const [enrolled] = (await this.db.query(
      `SELECT 1 FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
         JOIN enrolments e ON e.course_id = v.course_id AND e.user_id = $2
        WHERE l.id = $1`,
      [lessonId, userId],
    )) as unknown[];
    if (!enrolled) throw new ForbiddenException('Enrol in this course before taking its quiz.');
  }

  private async draw(m: EntityManager, blueprint: readonly BlueprintEntry[]): Promise<{ id: string; options: ItemOption[]; targets: ItemOption[] }[]> {
    const out: { id: string; options: ItemOption[]; targets: ItemOption[] }[] = [];
    for (const entry of blueprint) {
      const rows = (await m.query(
        `SELECT id, options, targets FROM assessment_items WHERE competency_ref = $1 AND level = $2 AND archived_at IS NULL ORDER BY random() LIMIT $3`,
        [entry.competencyRef, entry.level, entry.count],
      )) as { id: string; options: ItemOption[]; targets: ItemOption[] }[];
      if (rows.length < entry.count) throw new ConflictException('This quiz is not ready: its item bank has too few items. Please tell the course team.');
      out.push(...rows.filter((r) => !out.some((o) => o.id === r.id)));
    }
    return out;
  }

  private async own(userId: string, attemptId: string): Promise<AttemptRow> {
    if (!/^[0-9a-f-]{36}$/i.test(attemptId)) throw new NotFoundException('No such attempt');
    const [row] = (await this.db.query(`${ATTEMPT_SELECT} WHERE a.id = $1 AND a.user_id = $2`, [attemptId, userId])) as AttemptRow[];
    if (!row) throw new NotFoundException('No such attempt');
    return row;
  }

  private async toDto(a: AttemptRow): Promise<AttemptDto> {
    const graded = a.status === 'graded' || a.status === 'pending_review';
    const rows = (await this.db.query(
      `SELECT ai.item_id AS "itemId", ai.position, ai.option_order AS "optionOrder", ai.target_order AS "targetOrder", ai.response,
              ai.answered_at AS "answeredAt", ai.score::float8 AS score, ai.needs_review AS "needsReview", ai.feedback,
              i.kind, i.stem, i.media_url AS "mediaUrl", i.options, i.targets, i.explanation
         FROM attempt_items ai JOIN assessment_items i ON i.id = ai.item_id WHERE ai.attempt_id = $1 ORDER BY ai.position`,
      [a.id],
    )) as {
      itemId: string;
      position: number;
      optionOrder: string[];
      targetOrder: string[];
      response: AnswerDto | null;
      answeredAt: Date | null;
      score: number | null;
      needsReview: boolean;
      feedback: string | null;
      kind: ItemKind;
      stem: string;
      mediaUrl: string | null;
      options: ItemOption[];
      targets: ItemOption[];
      explanation: string | null;
    }[];
    const [grade] = (await this.db.query(
      `SELECT score::float8 AS score, max_score AS "maxScore", percent::float8 AS percent, passed, graded_at AS "gradedAt" FROM grades WHERE attempt_id = $1`,
      [a.id],
    )) as { score: number; maxScore: number; percent: number; passed: boolean; gradedAt: Date }[];
    const pick = (all: ItemOption[], order: string[]) =>
      order.map((id) => all.find((o) => o.id === id)).filter((o): o is ItemOption => !!o).map((o) => ({ id: o.id, text: o.text, mediaUrl: o.mediaUrl }));
    const items: AttemptItemDto[] = rows.map((r) => ({
      itemId: r.itemId,
      position: r.position,
      kind: r.kind,
      stem: r.stem,
      mediaUrl: r.mediaUrl,
      options: pick(r.options, r.optionOrder),
      targets: pick(r.targets, r.targetOrder),
      response: r.response,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      result: graded
        ? { score: r.needsReview ? null : r.score, correct: r.needsReview || r.score === null ? null : r.score >= 1, explanation: r.explanation, feedback: r.feedback }
        : null,
    }));
    return {
      id: a.id,
      quizId: a.quizId,
      lessonId: a.lessonId,
      title: a.title,
      attemptNumber: a.attemptNumber,
      status: a.status,
      startedAt: a.startedAt.toISOString(),
      deadlineAt: a.deadlineAt?.toISOString() ?? null,
      serverNow: new Date().toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
      closedBy: a.closedBy,
      passPercent: a.passPercent,
      items,
      grade: grade ? { ...grade, gradedAt: grade.gradedAt.toISOString() } : null,
    };
  }
}

/** Keeps only the field of the response that matters for the kind, with ids of this item. */
export function keepResponse(kind: ItemKind, answer: AnswerDto, optionOrder: string[], targetOrder: string[]): AnswerDto | null {
  const field = RESPONSE_FIELD[kind];
  const value = answer[field];
  if (value === undefined || value === null) return null;
  const options = new Set(optionOrder);
  const targets = new Set(targetOrder);
  switch (field) {
    case 'optionIds':
      return { optionIds: [...new Set(answer.optionIds!.filter((id) => options.has(id)))] };
    case 'order':
      return { order: answer.order!.filter((id) => options.has(id)) };
    case 'pairs':
      return { pairs: answer.pairs!.filter((p) => options.has(p.optionId) && targets.has(p.targetId)).map((p) => ({ optionId: p.optionId, targetId: p.targetId })) };
    default:
      return { [field]: value } as AnswerDto;
  }
}
