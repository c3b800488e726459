import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { AttemptsService } from '../../apps/api/src/modules/assessment/attempts.service';
import { GradingService } from '../../apps/api/src/modules/assessment/grading.service';
import { JobName, QueueName, jobId } from '../../apps/api/src/queue/queues';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { createPerson, type TestPerson } from '../support/scope-fixtures';
import { client, createQuizCourse, enrol, FREE_TEXT_INPUT, itemInputs, keyFieldsIn, type QuizCourse } from './assessment.fixtures';

const REF = 'digcomp-2.2:2.1';
const LEVEL = 2;
const KINDS = itemInputs(REF, LEVEL);
const KIND_NAMES = Object.keys(KINDS);

interface AttemptBody {
  id: string;
  status: string;
  closedBy: string | null;
  items: { itemId: string; kind: string; options: { id: string }[]; targets: { id: string }[]; response: unknown; result: { correct: boolean | null; explanation: string | null } | null }[];
  grade: { percent: number; passed: boolean; score: number; maxScore: number } | null;
}

describe('assessment: item bank, quizzes, attempts, grading jobs (real PostgreSQL, Redis, BullMQ worker)', () => {
  const prefix = ownQueuePrefix('assessment');
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let author: TestPerson;
  let reviewer: TestPerson;
  let learnerA: TestPerson;
  let learnerB: TestPerson;
  let course: QuizCourse;
  let quizId: string;
  /** item id → kind */
  const kindOf = new Map<string, string>();
  /** Every learner-facing body, checked for answer keys at the end. */
  const learnerBodies: unknown[] = [];

  const learner = (p: TestPerson) => {
    const c = client(api.url, p);
    const keep = async (t: Promise<import('supertest').Response>) => {
      const res = await t;
      learnerBodies.push(res.body);
      return res;
    };
    return {
      get: (path: string) => keep(c.get(path)),
      post: (path: string, body?: object) => keep(c.post(path, body)),
      put: (path: string, body?: object) => keep(c.put(path, body)),
    };
  };

  async function gradedAttempt(p: TestPerson, id: string): Promise<AttemptBody> {
    return waitFor(async () => {
      const res = await learner(p).get(`/api/v1/attempts/${id}`);
      return res.body.status === 'graded' || res.body.status === 'pending_review' ? (res.body as AttemptBody) : undefined;
    }, `attempt ${id} to be graded`);
  }

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix });
    worker = await startWorker({ QUEUE_PREFIX: prefix });
    db = api.app.get<DataSource>(getDataSourceToken());
    author = await createPerson(db, { roles: [{ role: 'author' }] });
    reviewer = await createPerson(db, { roles: [{ role: 'reviewer' }] });
    learnerA = await createPerson(db);
    learnerB = await createPerson(db);
    course = await createQuizCourse(db);
    for (const p of [learnerA, learnerB]) await enrol(db, p.id, course);
    for (const kind of KIND_NAMES) {
      const res = await client(api.url, author).post('/api/v1/assessment/items', KINDS[kind]!.input);
      expect(res.status).toBe(201);
      kindOf.set(res.body.id, kind);
    }
    const quiz = await client(api.url, author).post('/api/v1/assessment/quizzes', {
      lessonId: course.lessonId,
      title: 'Kiểm tra an toàn số',
      passPercent: 70,
      maxAttempts: 3,
      blueprint: [{ competencyRef: REF, level: LEVEL, count: KIND_NAMES.length }],
    });
    expect(quiz.status).toBe(201);
    quizId = quiz.body.id;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await deleteKeysWithPrefix(prefix);
  });

  describe('item bank', () => {
    it('sanitises stems, checks mappings with @hocso/curriculum, and is for authors only', async () => {
      const author2 = client(api.url, author);
      const created = await author2.post('/api/v1/assessment/items', {
        ...KINDS.single_choice!.input,
        stem: '<p onclick="x()">Câu <strong>hỏi</strong><script>alert(1)</script><img src="https://evil.example/x.png"></p>',
      });
      expect(created.status).toBe(201);
      expect(created.body.stem).toBe('<p>Câu <strong>hỏi</strong></p>');
      expect((await author2.delete(`/api/v1/assessment/items/${created.body.id}`)).status).toBe(204);

      const badRef = await author2.post('/api/v1/assessment/items', { ...KINDS.single_choice!.input, competencyRef: 'digcomp-2.2:9.9' });
      expect(badRef.status).toBe(400);
      expect(badRef.body.details[0].field).toBe('competencyRef');
      const badLevel = await author2.post('/api/v1/assessment/items', { ...KINDS.single_choice!.input, level: 99 });
      expect(badLevel.status).toBe(400);
      const badKey = await author2.post('/api/v1/assessment/items', { ...KINDS.single_choice!.input, correctOptionIds: ['zz'] });
      expect(badKey.status).toBe(400);
      expect(badKey.body.details.map((d: { field: string }) => d.field)).toContain('correctOptionIds');
      const badMedia = await author2.post('/api/v1/assessment/items', { ...KINDS.single_choice!.input, mediaUrl: 'https://evil.example/a.png' });
      expect(badMedia.status).toBe(400);

      expect((await client(api.url, learnerA).get('/api/v1/assessment/items')).status).toBe(403);
      expect((await client(api.url, learnerA).post('/api/v1/assessment/items', KINDS.true_false!.input)).status).toBe(403);
      const other = await createPerson(db, { roles: [{ role: 'author' }] });
      const someId = [...kindOf.keys()][0]!;
      expect((await client(api.url, other).put(`/api/v1/assessment/items/${someId}`, KINDS.true_false!.input)).status).toBe(403);
    });

    it('refuses a blueprint the bank cannot fill', async () => {
      const res = await client(api.url, author).post('/api/v1/assessment/quizzes', {
        lessonId: course.lessonId,
        title: 'Quá nhiều câu',
        passPercent: 70,
        blueprint: [{ competencyRef: REF, level: LEVEL, count: 50 }],
      });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('blueprint[0].count');
    });
  });

  describe('taking a quiz', () => {
    let attemptA: AttemptBody;

    it('draws a form, resumes it with saved answers, and never sends answer keys', async () => {
      const info = await learner(learnerA).get(`/api/v1/lessons/${course.lessonId}/quiz`);
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({ quizId, itemCount: KIND_NAMES.length, maxAttempts: 3, attemptsUsed: 0, openAttemptId: null });

      const started = await learner(learnerA).post(`/api/v1/quizzes/${quizId}/attempts`, { lessonId: course.lessonId });
      expect(started.status).toBe(201);
      attemptA = started.body;
      expect(attemptA.items).toHaveLength(KIND_NAMES.length);
      expect(new Set(attemptA.items.map((i) => i.kind))).toEqual(new Set(KIND_NAMES));
      expect(JSON.stringify(attemptA)).not.toContain('"pairs"');

      // answer half, as if the connection then dropped
      const half = attemptA.items.slice(0, 3);
      for (const item of half) {
        const res = await learner(learnerA).put(`/api/v1/attempts/${attemptA.id}/answers/${item.itemId}`, KINDS[item.kind]!.right);
        expect(res.status).toBe(200);
      }
      // idempotent: the same PUT again
      const again = await learner(learnerA).put(`/api/v1/attempts/${attemptA.id}/answers/${half[0]!.itemId}`, KINDS[half[0]!.kind]!.right);
      expect(again.status).toBe(200);

      const resumed = await learner(learnerA).post(`/api/v1/quizzes/${quizId}/attempts`, { lessonId: course.lessonId });
      expect(resumed.status).toBe(200);
      expect(resumed.body.id).toBe(attemptA.id);
      const reloaded = (await learner(learnerA).get(`/api/v1/attempts/${attemptA.id}`)).body as AttemptBody;
      expect(reloaded.items.map((i) => i.itemId)).toEqual(attemptA.items.map((i) => i.itemId));
      expect(reloaded.items.map((i) => i.options.map((o) => o.id))).toEqual(attemptA.items.map((i) => i.options.map((o) => o.id)));
      for (const item of half) expect(reloaded.items.find((i) => i.itemId === item.itemId)!.response).toEqual(KINDS[item.kind]!.right);
      expect(reloaded.items.filter((i) => i.response === null)).toHaveLength(KIND_NAMES.length - 3);
    });

    it('refuses a learner who is not enrolled in the course (403 saying what to do), then lets them once enrolled', async () => {
      const stranger = await createPerson(db);
      const refused = await learner(stranger).post(`/api/v1/quizzes/${quizId}/attempts`, { lessonId: course.lessonId });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toBe('Enrol in this course before taking its quiz.');
      expect(await db.query(`SELECT id FROM quiz_attempts WHERE user_id = $1`, [stranger.id])).toEqual([]);
      await enrol(db, stranger.id, course);
      expect((await learner(stranger).post(`/api/v1/quizzes/${quizId}/attempts`, { lessonId: course.lessonId })).status).toBe(201);
    });

    it('learner B gets 404 on learner A\'s attempt and answers', async () => {
      const b = learner(learnerB);
      expect((await b.get(`/api/v1/attempts/${attemptA.id}`)).status).toBe(404);
      expect((await b.put(`/api/v1/attempts/${attemptA.id}/answers/${attemptA.items[0]!.itemId}`, { optionIds: ['a'] })).status).toBe(404);
      expect((await b.post(`/api/v1/attempts/${attemptA.id}/submit`)).status).toBe(404);
      expect((await b.get(`/api/v1/attempts/not-a-uuid`)).status).toBe(404);
      expect((await client(api.url).get(`/api/v1/attempts/${attemptA.id}`)).status).toBe(401);
    });

    it('grades every kind right, through the worker, with explanations, evidence and mastery', async () => {
      for (const item of attemptA.items) {
        expect((await learner(learnerA).put(`/api/v1/attempts/${attemptA.id}/answers/${item.itemId}`, KINDS[item.kind]!.right)).status).toBe(200);
      }
      const submitted = await learner(learnerA).post(`/api/v1/attempts/${attemptA.id}/submit`);
      expect(submitted.status).toBe(200);
      expect(['submitted', 'graded']).toContain(submitted.body.status);
      const graded = await gradedAttempt(learnerA, attemptA.id);
      expect(graded.status).toBe('graded');
      expect(graded.grade).toMatchObject({ percent: 100, passed: true, score: KIND_NAMES.length, maxScore: KIND_NAMES.length });
      for (const item of graded.items) {
        expect({ kind: item.kind, correct: item.result?.correct }).toEqual({ kind: item.kind, correct: true });
        expect(item.result?.explanation).toBe('Giải thích sau khi chấm.');
      }
      const evidence = await db.query(`SELECT competency_ref, level, source, score::float8 AS score, passed FROM competency_evidence WHERE source_id = $1`, [attemptA.id]);
      expect(evidence).toEqual([{ competency_ref: REF, level: LEVEL, source: 'quiz', score: 1, passed: true }]);
      // the passed quiz lesson was reported to LearningModule (LessonCompletionService.completeLesson)
      const progress = await waitFor(async () => {
        const [row] = (await db.query(`SELECT completion_source, completion_source_id FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2 AND completed_at IS NOT NULL`, [
          learnerA.id,
          course.lessonId,
        ])) as { completion_source: string; completion_source_id: string }[];
        return row;
      }, 'the quiz lesson to be completed');
      expect(progress).toEqual({ completion_source: 'quiz', completion_source_id: attemptA.id });
      const mastery = await learner(learnerA).get('/api/v1/me/mastery');
      expect(mastery.status).toBe(200);
      expect(mastery.body.competencies).toEqual([expect.objectContaining({ competency: REF, level: LEVEL })]);
    });

    it('refuses answers after submission (409)', async () => {
      const res = await learner(learnerA).put(`/api/v1/attempts/${attemptA.id}/answers/${attemptA.items[0]!.itemId}`, { optionIds: ['a'] });
      expect(res.status).toBe(409);
      // submitting again changes nothing
      expect((await learner(learnerA).post(`/api/v1/attempts/${attemptA.id}/submit`)).body.status).toBe('graded');
    });

    it('grades every kind wrong', async () => {
      const started = await learner(learnerA).post(`/api/v1/quizzes/${quizId}/attempts`, { lessonId: course.lessonId });
      expect(started.status).toBe(201);
      const attempt = started.body as AttemptBody;
      for (const item of attempt.items) {
        expect((await learner(learnerA).put(`/api/v1/attempts/${attempt.id}/answers/${item.itemId}`, KINDS[item.kind]!.wrong)).status).toBe(200);
      }
      await learner(learnerA).post(`/api/v1/attempts/${attempt.id}/submit`);
      const graded = await gradedAttempt(learnerA, attempt.id);
      expect(graded.grade).toMatchObject({ percent: 0, passed: false, score: 0 });
      expect(graded.items.map((i) => [i.kind, i.result?.correct])).toEqual(graded.items.map((i) => [i.kind, false]));
    });

    it('closes an overdue attempt with what was saved: on access, and by the delayed deadline job', async () => {
      // on access
      const started = await learner(learnerA).post(`/api/v1/quizzes/${quizId}/attempts`, { lessonId: course.lessonId });
      const attempt = started.body as AttemptBody;
      const first = attempt.items[0]!;
      await learner(learnerA).put(`/api/v1/attempts/${attempt.id}/answers/${first.itemId}`, KINDS[first.kind]!.right);
      await db.query(`UPDATE quiz_attempts SET deadline_at = now() - interval '1 second' WHERE id = $1`, [attempt.id]);
      const late = await learner(learnerA).put(`/api/v1/attempts/${attempt.id}/answers/${attempt.items[1]!.itemId}`, KINDS[attempt.items[1]!.kind]!.right);
      expect(late.status).toBe(409);
      const graded = await gradedAttempt(learnerA, attempt.id);
      expect(graded.closedBy).toBe('deadline');
      expect(graded.grade).toMatchObject({ score: 1, maxScore: KIND_NAMES.length });
      expect(graded.items.find((i) => i.itemId === first.itemId)!.result!.correct).toBe(true);

      // attempt limit reached (3 of 3)
      const over = await learner(learnerA).post(`/api/v1/quizzes/${quizId}/attempts`, { lessonId: course.lessonId });
      expect(over.status).toBe(409);
      expect(over.body.message).toMatch(/used all 3 attempt/);

      // the delayed job: a timed quiz, its deadline moved to now, its job promoted
      const timed = await createQuizCourse(db);
      await enrol(db, learnerB.id, timed);
      const q = await client(api.url, author).post('/api/v1/assessment/quizzes', {
        lessonId: timed.lessonId,
        title: 'Có giờ',
        passPercent: 50,
        timeLimitSeconds: 600,
        blueprint: [{ competencyRef: REF, level: LEVEL, count: 2 }],
      });
      const t = (await learner(learnerB).post(`/api/v1/quizzes/${q.body.id}/attempts`, { lessonId: timed.lessonId })).body as AttemptBody;
      await learner(learnerB).put(`/api/v1/attempts/${t.id}/answers/${t.items[0]!.itemId}`, KINDS[t.items[0]!.kind]!.right);
      const queue = api.app.get<Queue>(getQueueToken(QueueName.Assessment));
      const job = await queue.getJob(jobId(JobName.CloseOverdueAttempt, t.id));
      expect(await job!.getState()).toBe('delayed');
      await db.query(`UPDATE quiz_attempts SET deadline_at = now() WHERE id = $1`, [t.id]);
      await job!.promote();
      const row = await waitFor(async () => {
        const [r] = (await db.query(`SELECT a.status, a.closed_by, g.score::float8 AS score FROM quiz_attempts a LEFT JOIN grades g ON g.attempt_id = a.id WHERE a.id = $1`, [t.id])) as {
          status: string;
          closed_by: string;
          score: number;
        }[];
        return r?.status === 'graded' ? r : undefined;
      }, 'the deadline job to close and grade the attempt');
      expect(row).toEqual({ status: 'graded', closed_by: 'deadline', score: 1 });
    });

    it('sends free-text answers to the manual-grading queue and finalises when graded', async () => {
      const ref = 'digcomp-2.2:2.2';
      await client(api.url, author).post('/api/v1/assessment/items', itemInputs(ref, 1).true_false!.input);
      const free = await client(api.url, author).post('/api/v1/assessment/items', FREE_TEXT_INPUT(ref, 1));
      expect(free.status).toBe(201);
      const c = await createQuizCourse(db);
      await enrol(db, learnerB.id, c);
      const q = await client(api.url, author).post('/api/v1/assessment/quizzes', { lessonId: c.lessonId, title: 'Tự luận', passPercent: 50, blueprint: [{ competencyRef: ref, level: 1, count: 2 }] });
      const a = (await learner(learnerB).post(`/api/v1/quizzes/${q.body.id}/attempts`, { lessonId: c.lessonId })).body as AttemptBody;
      for (const item of a.items) {
        const answer = item.kind === 'free_text' ? { text: 'Tôi không chuyển tiền và gọi lại số tổng đài.' } : { booleanValue: true };
        expect((await learner(learnerB).put(`/api/v1/attempts/${a.id}/answers/${item.itemId}`, answer)).status).toBe(200);
      }
      await learner(learnerB).post(`/api/v1/attempts/${a.id}/submit`);
      const pending = await gradedAttempt(learnerB, a.id);
      expect(pending.status).toBe('pending_review');
      expect(pending.grade).toBeNull();

      expect((await client(api.url, learnerB).get('/api/v1/assessment/reviews')).status).toBe(403);
      // authors grade only for the courses they author; reviewers for every course
      const outsider = await createPerson(db, { roles: [{ role: 'author' }] });
      const courseAuthor = await createPerson(db, { roles: [{ role: 'author' }] });
      await db.query(`INSERT INTO course_authors (course_id, user_id) VALUES ($1, $2)`, [c.courseId, courseAuthor.id]);
      const taskOf = async (p: TestPerson) =>
        ((await client(api.url, p).get('/api/v1/assessment/reviews')).body.items as { attemptId: string }[]).find((t) => t.attemptId === a.id);
      expect(await taskOf(outsider)).toBeUndefined();
      expect(await taskOf(courseAuthor)).toMatchObject({ attemptId: a.id });
      expect((await client(api.url, outsider).put(`/api/v1/assessment/reviews/${a.id}/${free.body.id}`, { score: 0 })).status).toBe(404);
      const tasks = await client(api.url, reviewer).get('/api/v1/assessment/reviews');
      const task = (tasks.body.items as { attemptId: string; itemId: string; rubric: string; answer: string }[]).find((t) => t.attemptId === a.id)!;
      expect(task).toMatchObject({ itemId: free.body.id, answer: 'Tôi không chuyển tiền và gọi lại số tổng đài.', rubric: expect.stringContaining('gọi lại') });
      const graded = await client(api.url, reviewer).put(`/api/v1/assessment/reviews/${a.id}/${free.body.id}`, { score: 1, feedback: 'Tốt' });
      expect(graded.body).toEqual({ outcome: 'finalised' });
      expect((await client(api.url, reviewer).put(`/api/v1/assessment/reviews/${a.id}/${free.body.id}`, { score: 0 })).status).toBe(409);
      const final = (await learner(learnerB).get(`/api/v1/attempts/${a.id}`)).body as AttemptBody;
      expect(final.status).toBe('graded');
      expect(final.grade).toMatchObject({ score: 1, maxScore: 2, percent: 50, passed: true });
      expect(final.items.find((i) => i.kind === 'free_text')!.result).toMatchObject({ correct: true, explanation: expect.any(String) });
    });
  });

  describe('exactly one grade', () => {
    it('after a duplicate enqueue and concurrent runs of the same grading', async () => {
      const b = learner(learnerB);
      const a = (await b.post(`/api/v1/quizzes/${quizId}/attempts`, { lessonId: course.lessonId })).body as AttemptBody;
      for (const item of a.items) await b.put(`/api/v1/attempts/${a.id}/answers/${item.itemId}`, KINDS[item.kind]!.right);
      // submitted without a job, then the job added three times and the service run three times at once
      await db.query(`UPDATE quiz_attempts SET status = 'submitted', submitted_at = now(), closed_by = 'learner' WHERE id = $1`, [a.id]);
      const attempts = api.app.get(AttemptsService);
      await Promise.all([attempts.enqueueGrading(a.id), attempts.enqueueGrading(a.id), attempts.enqueueGrading(a.id)]);
      const grading = worker.get(GradingService);
      const outcomes = await Promise.all([grading.grade(a.id), grading.grade(a.id), grading.grade(a.id)]);
      expect(outcomes.filter((o) => o.outcome === 'graded').length).toBeLessThanOrEqual(1);
      await gradedAttempt(learnerB, a.id);
      await new Promise((r) => setTimeout(r, 500));
      const [counts] = await db.query(
        `SELECT (SELECT count(*) FROM grades WHERE attempt_id = $1)::int AS grades, (SELECT count(*) FROM competency_evidence WHERE source_id = $1)::int AS evidence`,
        [a.id],
      );
      expect(counts).toEqual({ grades: 1, evidence: 1 });
      // a second grade row is refused by the database itself
      await expect(db.query(`INSERT INTO grades (attempt_id, user_id, quiz_id, score, max_score, percent, passed) SELECT attempt_id, user_id, quiz_id, 0, 1, 0, false FROM grades WHERE attempt_id = $1`, [a.id])).rejects.toThrow(
        /uq_grades_attempt/,
      );
    });
  });

  it('never sends answer keys in any learner-facing response', () => {
    expect(learnerBodies.length).toBeGreaterThan(20);
    expect(learnerBodies.flatMap((b) => keyFieldsIn(b))).toEqual([]);
  });
});
