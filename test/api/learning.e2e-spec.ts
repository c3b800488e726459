import { getDataSourceToken } from '@nestjs/typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CompletionHooks, type CourseCompletedEventPayload } from '../../apps/api/src/modules/learning/completion-hooks';
import { LessonCompletionService } from '../../apps/api/src/modules/learning/lesson-completion.service';
import { uuidV5 } from '../../apps/api/src/modules/learning/xapi-mapping';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { as, createPerson, type TestPerson } from '../support/scope-fixtures';
import { ev, publishVersion } from './learning-fixtures';

const prefix = ownQueuePrefix('learning');

describe('learning: enrolment, path, progress events, completion', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  const completions: CourseCompletedEventPayload[] = [];

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix });
    worker = await startWorker({ QUEUE_PREFIX: prefix });
    worker.get(CompletionHooks, { strict: false }).register({ courseCompleted: (e) => void completions.push(e) });
    db = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await deleteKeysWithPrefix(prefix);
  });

  const learner = () => createPerson(db);
  const post = (p: TestPerson, path: string, body?: object) => as(api.url, p).post(path, body);
  const get = (p: TestPerson, path: string) => as(api.url, p).get(path);
  const send = (p: TestPerson, events: object[]) => post(p, '/api/v1/progress/events', { events });
  const lessonOf = (body: { modules: { lessons: { id: string }[] }[] }, id: string) => body.modules.flatMap((m) => m.lessons).find((l) => l.id === id) as Record<string, unknown>;

  it('enrols in one tap, idempotently (201 then 200, one row), pinned to the newest published version', async () => {
    const course = await publishVersion(db, { lessons: [{ kind: 'text' }] });
    const me = await learner();
    const first = await post(me, `/api/v1/courses/${course.slug}/enrolment`).expect(201);
    expect(first.body).toMatchObject({ courseId: course.courseId, slug: course.slug, version: { id: course.versionId, versionNumber: 1 }, completedAt: null, newerVersion: null });
    const again = await post(me, `/api/v1/courses/${course.slug}/enrolment`).expect(200);
    expect(again.body.enrolledAt).toBe(first.body.enrolledAt);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM enrolments WHERE user_id = $1`, [me.id]);
    expect(n).toBe(1);
    await post(me, '/api/v1/courses/no-such-course/enrolment').expect(404);
    await as(api.url).post(`/api/v1/courses/${course.slug}/enrolment`).expect(401);
  });

  it('keeps a learner on the pinned version after a new publication, until they upgrade; progress carries over by lesson_key', async () => {
    const v1 = await publishVersion(db, { lessons: [{ kind: 'text' }, { kind: 'video', estimatedMinutes: 10 }] });
    const me = await learner();
    await post(me, `/api/v1/courses/${v1.slug}/enrolment`).expect(201);
    await send(me, [ev(v1.lessons[0]!.id, 'text_opened'), ev(v1.lessons[0]!.id, 'text_scrolled'), ev(v1.lessons[1]!.id, 'video_watched', { from: 0, to: 120, position: 120 })]).expect(200);

    // Version 2: same lessons (same keys) plus a new one.
    const v2 = await publishVersion(db, {
      courseId: v1.courseId,
      versionNumber: 2,
      lessons: [{ kind: 'text', lessonKey: v1.lessons[0]!.lessonKey }, { kind: 'video', estimatedMinutes: 10, lessonKey: v1.lessons[1]!.lessonKey }, { kind: 'practice' }],
    });
    const pinned = await get(me, `/api/v1/courses/${v1.slug}/learn`).expect(200);
    expect(pinned.body.enrolment.version.id).toBe(v1.versionId);
    expect(pinned.body.enrolment.newerVersion).toMatchObject({ id: v2.versionId, versionNumber: 2 });
    expect(pinned.body.modules[0].lessons.map((l: { id: string }) => l.id)).toEqual(v1.lessons.map((l) => l.id));
    // the catalog page shows the newest version, and the caller's enrolment on the old one
    const page = await get(me, `/api/v1/courses/${v1.slug}`).expect(200);
    expect(page.body).toMatchObject({ versionId: v2.versionId, versionNumber: 2, lessonCount: 3, enrolment: { version: { id: v1.versionId } } });

    // an event for a lesson of the new version is refused before upgrading
    const refused = await send(me, [ev(v2.lessons[2]!.id, 'lesson_opened')]).expect(409);
    expect(refused.body.message).toMatch(/not in the version/);

    const upgraded = await post(me, `/api/v1/courses/${v1.slug}/enrolment/upgrade`).expect(200);
    expect(upgraded.body).toMatchObject({ version: { id: v2.versionId, versionNumber: 2 }, newerVersion: null });
    const path = await get(me, `/api/v1/courses/${v1.slug}/learn`).expect(200);
    expect(lessonOf(path.body, v2.lessons[0]!.id)).toMatchObject({ state: 'completed' });
    expect(lessonOf(path.body, v2.lessons[1]!.id)).toMatchObject({ state: 'in_progress', positionSeconds: 120, watchedSeconds: 120, watchedPercent: 20 });
    expect(lessonOf(path.body, v2.lessons[2]!.id)).toMatchObject({ state: 'available' });
    expect(path.body.nextLessonId).toBe(v2.lessons[1]!.id);
    // and now the old version's lessons are refused
    await send(me, [ev(v1.lessons[1]!.id, 'video_position', { position: 10 })]).expect(409);
  });

  it('never moves progress backwards: repeated and late events change nothing', async () => {
    const course = await publishVersion(db, { lessons: [{ kind: 'video', estimatedMinutes: 10 }] });
    const video = course.lessons[0]!.id;
    const me = await learner();
    await post(me, `/api/v1/courses/${course.slug}/enrolment`).expect(201);
    const early = ev(video, 'video_watched', { from: 0, to: 60, position: 60, at: '2026-12-01T09:00:00Z' });
    const late = ev(video, 'video_watched', { from: 60, to: 200, position: 200, at: '2026-12-01T09:05:00Z' });
    const first = await send(me, [late]).expect(200);
    expect(first.body).toMatchObject({ accepted: 1, duplicates: 0, lessons: [{ lessonId: video, state: 'in_progress', positionSeconds: 200, watchedSeconds: 140 }] });
    // the earlier event arrives after the later one: the watched seconds grow, the position stays
    const second = await send(me, [early]).expect(200);
    expect(second.body.lessons[0]).toMatchObject({ positionSeconds: 200, watchedSeconds: 200 });
    // both again (a retry): duplicates, nothing changes
    const third = await send(me, [early, late, early]).expect(200);
    expect(third.body).toMatchObject({ accepted: 0, duplicates: 3, lessons: [{ positionSeconds: 200, watchedSeconds: 200, watchedPercent: 33 }] });
    const [row] = await db.query(`SELECT watched::text, position_seconds FROM lesson_progress WHERE user_id = $1`, [me.id]);
    expect(row).toEqual({ watched: '{[0,200)}', position_seconds: 200 });
    // seeking back later (a newer position) does move the resume point, but never the watched seconds
    const back = await send(me, [ev(video, 'video_position', { position: 30, at: '2026-12-01T09:10:00Z' })]).expect(200);
    expect(back.body.lessons[0]).toMatchObject({ positionSeconds: 30, watchedSeconds: 200 });
  });

  it('does not complete a video when the learner skips to the end; completes it once at the share of distinct seconds', async () => {
    const course = await publishVersion(db, { lessons: [{ kind: 'video', estimatedMinutes: 10, completionPercent: 90 }, { kind: 'text' }] });
    const video = course.lessons[0]!.id;
    const me = await learner();
    await post(me, `/api/v1/courses/${course.slug}/enrolment`).expect(201);
    const skipped = await send(me, [
      ev(video, 'video_watched', { from: 0, to: 10 }),
      ev(video, 'video_position', { position: 590 }),
      ev(video, 'video_watched', { from: 590, to: 600, position: 600 }),
      // the same stretch watched many times counts once
      ev(video, 'video_watched', { from: 590, to: 600, position: 600 }),
    ]).expect(200);
    expect(skipped.body.lessons[0]).toMatchObject({ state: 'in_progress', watchedSeconds: 20, watchedPercent: 3, positionSeconds: 600, completedAt: null });

    // 0..530 + 590..600 = 540 distinct seconds = 90 %
    const done = await send(me, [ev(video, 'video_watched', { from: 10, to: 300 }), ev(video, 'video_watched', { from: 250, to: 530 })]).expect(200);
    expect(done.body.lessons[0]).toMatchObject({ state: 'completed', watchedSeconds: 540, watchedPercent: 90 });
    const completedAt = done.body.lessons[0].completedAt as string;
    const more = await send(me, [ev(video, 'video_watched', { from: 530, to: 590 })]).expect(200);
    expect(more.body.lessons[0]).toMatchObject({ state: 'completed', completedAt, watchedPercent: 100 });
    expect(more.body.completedCourses).toEqual([]);
  });

  it('locks lessons of a sequential course until the previous one is completed', async () => {
    const course = await publishVersion(db, { sequential: true, lessons: [{ kind: 'text' }, { kind: 'resource' }, { kind: 'practice' }] });
    const [text, resource, practice] = course.lessons.map((l) => l.id) as [string, string, string];
    const me = await learner();
    await post(me, `/api/v1/courses/${course.slug}/enrolment`).expect(201);
    let path = await get(me, `/api/v1/courses/${course.slug}/learn?lang=en`).expect(200);
    expect([text, resource, practice].map((id) => lessonOf(path.body, id).state)).toEqual(['available', 'locked', 'locked']);
    expect(lessonOf(path.body, text)).toMatchObject({ title: 'Lesson 1', body: '<p>Content</p>', language: 'en' });
    expect(path.body.nextLessonId).toBe(text);

    await send(me, [ev(text, 'text_opened')]).expect(200);
    path = await get(me, `/api/v1/courses/${course.slug}/learn`).expect(200);
    expect([text, resource, practice].map((id) => lessonOf(path.body, id).state)).toEqual(['in_progress', 'locked', 'locked']);
    expect(lessonOf(path.body, text)).toMatchObject({ title: 'Bài 1', language: 'vi' });

    await send(me, [ev(text, 'text_scrolled')]).expect(200);
    path = await get(me, `/api/v1/courses/${course.slug}/learn`).expect(200);
    expect([text, resource, practice].map((id) => lessonOf(path.body, id).state)).toEqual(['completed', 'available', 'locked']);
    expect(path.body.nextLessonId).toBe(resource);
    expect(path.body.progress).toEqual({ completedLessons: 1, totalLessons: 3, percent: 33 });
  });

  it("never shows another learner's progress", async () => {
    const course = await publishVersion(db, { lessons: [{ kind: 'video', estimatedMinutes: 5 }] });
    const video = course.lessons[0]!.id;
    const [a, b] = [await learner(), await learner()];
    await post(a, `/api/v1/courses/${course.slug}/enrolment`).expect(201);
    await send(a, [ev(video, 'video_watched', { from: 0, to: 100, position: 100 })]).expect(200);
    // b is not enrolled: refused, and b's course page shows no enrolment
    const refused = await send(b, [ev(video, 'video_position', { position: 5 })]).expect(403);
    expect(refused.body.message).toMatch(/not enrolled/);
    await get(b, `/api/v1/courses/${course.slug}/learn`).expect(404);
    expect((await get(b, `/api/v1/courses/${course.slug}`).expect(200)).body.enrolment).toBeNull();
    await post(b, `/api/v1/courses/${course.slug}/enrolment`).expect(201);
    const path = await get(b, `/api/v1/courses/${course.slug}/learn`).expect(200);
    expect(lessonOf(path.body, video)).toMatchObject({ state: 'available', positionSeconds: 0, watchedSeconds: 0 });
    // the same client event id from another learner is another event
    const shared = ev(video, 'video_watched', { from: 0, to: 10 });
    await send(a, [shared]).expect(200);
    expect((await send(b, [shared]).expect(200)).body).toMatchObject({ accepted: 1, lessons: [{ watchedSeconds: 10 }] });
    const mine = await get(b, '/api/v1/me/learning').expect(200);
    expect(mine.body.inProgress.map((c: { slug: string }) => c.slug)).toEqual([course.slug]);
    expect(mine.body.timeSpent.videoSeconds).toBe(10);
  });

  it('refuses bad events with a 4xx naming the event', async () => {
    const course = await publishVersion(db, { lessons: [{ kind: 'video', estimatedMinutes: 2 }, { kind: 'text' }] });
    const [video, text] = course.lessons.map((l) => l.id) as [string, string];
    const me = await learner();
    await post(me, `/api/v1/courses/${course.slug}/enrolment`).expect(201);
    const beyond = await send(me, [ev(video, 'video_watched', { from: 100, to: 500 })]).expect(400);
    expect(beyond.body.details).toEqual([{ field: 'events[0].to', message: "to must be at most the video's length (120 s)" }]);
    const wrongKind = await send(me, [ev(text, 'video_position', { position: 3 })]).expect(400);
    expect(wrongKind.body.details[0].field).toBe('events[0].type');
    const backwards = await send(me, [ev(video, 'video_watched', { from: 50, to: 40 })]).expect(400);
    expect(backwards.body.details[0].message).toBe('to must be greater than from');
    await send(me, [ev('00000000-0000-4000-8000-000000000000', 'lesson_opened')]).expect(404);
    const tooMany = await send(me, Array.from({ length: 201 }, () => ev(text, 'text_opened'))).expect(400);
    expect(tooMany.body.details[0].message).toMatch(/at most 200 events/);
    await send(me, []).expect(400);
    // nothing was written by the refused requests
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM progress_events WHERE user_id = $1`, [me.id]);
    expect(n).toBe(0);
  });

  it('records a course completion the API could not record after the events committed (a crash in between): the xAPI mirror does, once', async () => {
    const course = await publishVersion(db, { lessons: [{ kind: 'resource' }] });
    const [resource] = course.lessons.map((l) => l.id) as [string];
    const me = await learner();
    await post(me, `/api/v1/courses/${course.slug}/enrolment`).expect(201);
    // The events commit on their own; the course completion is a second transaction, which fails here.
    const failing = jest.spyOn(db, 'transaction').mockRejectedValueOnce(new Error('connection lost'));
    try {
      const answer = await send(me, [ev(resource, 'lesson_opened')]).expect(200);
      expect(failing).toHaveBeenCalledTimes(1);
      expect(answer.body).toMatchObject({ accepted: 1, completedCourses: [] });
      expect(answer.body.lessons[0].state).toBe('completed');
    } finally {
      failing.mockRestore();
    }
    expect(await db.query(`SELECT id FROM course_completions WHERE user_id = $1`, [me.id])).toEqual([]);

    // The mirror reads the committed events, sees the lesson completed and records the course, then its job runs once.
    const rows = await waitFor(async () => {
      const found = (await db.query(`SELECT id, notified_at FROM course_completions WHERE user_id = $1 AND course_id = $2`, [me.id, course.courseId])) as { id: string; notified_at: Date | null }[];
      return found[0]?.notified_at ? found : undefined;
    }, 'the course completion recorded by the mirror and its CourseCompleted job');
    expect(rows).toHaveLength(1);
    expect(completions.filter((c) => c.userId === me.id)).toEqual([expect.objectContaining({ courseId: course.courseId, completionId: rows[0]!.id })]);
    const mine = await get(me, '/api/v1/me/learning').expect(200);
    expect(mine.body.completed).toEqual([expect.objectContaining({ slug: course.slug })]);

    // Events on the completed course later change nothing: still one completion, one notification.
    await send(me, [ev(resource, 'lesson_opened')]).expect(200);
    await waitFor(async () => {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM progress_events WHERE user_id = $1 AND mirrored_at IS NULL`, [me.id]);
      return n === 0 ? true : undefined;
    }, 'the xAPI progress mirror');
    expect(await db.query(`SELECT id FROM course_completions WHERE user_id = $1`, [me.id])).toHaveLength(1);
    expect(completions.filter((c) => c.userId === me.id)).toHaveLength(1);
  });

  it('records a course completion exactly once under concurrent requests; the job notifies listeners and mirrors to xAPI', async () => {
    const course = await publishVersion(db, { lessons: [{ kind: 'text' }, { kind: 'resource' }, { kind: 'practice' }, { kind: 'quiz' }] });
    const [text, resource, practice, quiz] = course.lessons.map((l) => l.id) as [string, string, string, string];
    const me = await learner();
    await post(me, `/api/v1/courses/${course.slug}/enrolment`).expect(201);
    // events never complete a quiz lesson
    const opened = await send(me, [ev(quiz, 'lesson_opened')]).expect(200);
    expect(opened.body.lessons[0].state).toBe('in_progress');
    await api.app.get(LessonCompletionService).completeLesson(me.id, quiz, { source: 'quiz', attemptId: '11111111-2222-4333-8444-555555555555' });

    // the last three lessons complete in parallel requests, several times over
    const requests = [];
    for (let round = 0; round < 4; round++) {
      requests.push(send(me, [ev(text, 'text_opened'), ev(text, 'text_scrolled')]));
      requests.push(send(me, [ev(resource, 'lesson_opened')]));
      requests.push(send(me, [ev(practice, 'lesson_opened')]));
    }
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.status)).toEqual(requests.map(() => 200));
    expect(answers.flatMap((a) => a.body.completedCourses)).toEqual([course.slug]);
    const rows = await db.query(`SELECT id FROM course_completions WHERE user_id = $1 AND course_id = $2`, [me.id, course.courseId]);
    expect(rows).toHaveLength(1);
    const again = await api.app.get(LessonCompletionService).completeLesson(me.id, quiz, { source: 'quiz', attemptId: '99999999-2222-4333-8444-555555555555' });
    expect(again).toMatchObject({ completedNow: false, completedCourseIds: [] });

    const mine = await get(me, '/api/v1/me/learning').expect(200);
    expect(mine.body.completed).toEqual([expect.objectContaining({ slug: course.slug })]);
    expect(mine.body.inProgress).toEqual([]);

    // the worker's CourseCompleted job: listeners once, xAPI statements, outbox mark
    await waitFor(async () => ((await db.query(`SELECT notified_at FROM course_completions WHERE id = $1`, [rows[0].id]))[0].notified_at ? true : undefined), 'the CourseCompleted job');
    expect(completions.filter((c) => c.userId === me.id)).toEqual([expect.objectContaining({ courseId: course.courseId, completionId: rows[0].id })]);
    const courseStatement = uuidV5(`course-completed:${rows[0].id}`);
    const stored = await db.query(`SELECT statement FROM xapi_statements WHERE id = $1`, [courseStatement]);
    expect(stored[0].statement).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, actor: { account: { name: me.id } } });
    // progress events and lesson completions are mirrored by the sweep job, with ids derived from the events
    await waitFor(async () => {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM progress_events WHERE user_id = $1 AND mirrored_at IS NULL`, [me.id]);
      return n === 0 ? true : undefined;
    }, 'the xAPI progress mirror');
    const textDone = uuidV5(`lesson-completed:${me.id}:${course.courseId}:${course.lessons[0]!.lessonKey}`);
    expect(await db.query(`SELECT id FROM xapi_statements WHERE id = $1`, [textDone])).toHaveLength(1);
    const enrolled = await db.query(`SELECT count(*)::int AS n FROM xapi_statements WHERE verb_id = 'http://adlnet.gov/expapi/verbs/registered' AND statement -> 'actor' -> 'account' ->> 'name' = $1`, [me.id]);
    expect(enrolled[0].n).toBe(1);
  });
});
