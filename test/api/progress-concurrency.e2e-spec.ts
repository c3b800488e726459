import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../apps/api/src/modules/identity/auth-user';
import { SessionsService } from '../../apps/api/src/modules/identity/sessions.service';
import { LearningService } from '../../apps/api/src/modules/learning/learning.service';
import { startApi, type RunningApi } from '../support/app';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { as, createPerson, startSession, type TestPerson } from '../support/scope-fixtures';
import { ev, publishVersion } from './learning-fixtures';

const prefix = ownQueuePrefix('progress-concurrency');

/**
 * The progress hot path under concurrency (issue 6): session lookups of concurrent requests are read in one
 * query and writes of concurrent requests in one transaction; each caller must still get its own, fresh answer.
 */
describe('progress path under concurrency: batched session lookups and group commit', () => {
  let api: RunningApi;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix });
    db = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await api?.close();
    await deleteKeysWithPrefix(prefix);
  });

  it('reads the sessions asked for at once in one query, each answered with its own user; revoked, expired, idle, disabled and unknown ones get none', async () => {
    const live = await Promise.all(Array.from({ length: 12 }, () => createPerson(db)));
    const revoked = await createPerson(db);
    await db.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [revoked.id]);
    const expired = await createPerson(db);
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [expired.id]);
    const idle = await createPerson(db, { signedIn: false });
    Object.assign(idle, await startSession(db, idle.id, 31));
    const disabled = await createPerson(db);
    await db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [disabled.id]);

    const sessions = api.app.get(SessionsService);
    // Every statement reaches PostgreSQL through a pg client (the lookup is a prepared statement on a pooled one).
    const spy = jest.spyOn(pg.Client.prototype, 'query');
    try {
      const tokens = [...live.map((p) => p.token!), revoked.token!, expired.token!, idle.token!, disabled.token!, 'x'.repeat(43)];
      const answers = await Promise.all(tokens.map((t) => sessions.authenticate(t)));
      expect(answers.slice(0, live.length).map((a) => a?.user.id)).toEqual(live.map((p) => p.id));
      expect(answers.slice(0, live.length).map((a) => a?.csrfToken)).toEqual(live.map((p) => p.csrfToken));
      expect(answers.slice(live.length)).toEqual([null, null, null, null, null]);
      const reads = spy.mock.calls.filter(([statement]) => {
        const text = typeof statement === 'string' ? statement : (statement as { text?: unknown } | undefined)?.text;
        return String(text).includes('FROM sessions s JOIN users u');
      });
      expect(reads).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a signed-out session on the very next request, while other sessions keep working under concurrent load', async () => {
    const course = await publishVersion(db, { lessons: [{ kind: 'video', estimatedMinutes: 10 }] });
    const lesson = course.lessons[0]!.id;
    const people = await Promise.all(Array.from({ length: 6 }, () => createPerson(db)));
    for (const p of people) await as(api.url, p).post(`/api/v1/courses/${course.slug}/enrolment`).expect(201);
    const [leaving, ...staying] = people as [TestPerson, ...TestPerson[]];

    const load = (rounds: number) =>
      Promise.all(
        Array.from({ length: rounds }, (_, i) =>
          staying.map((p) => as(api.url, p).post('/api/v1/progress/events', { events: [ev(lesson, 'video_watched', { from: i * 5, to: i * 5 + 5 })] })),
        ).flat(),
      );
    const during = load(4);
    await as(api.url, leaving).post('/api/v1/auth/sign-out').expect(204);
    await as(api.url, leaving).post('/api/v1/progress/events', { events: [ev(lesson, 'lesson_opened')] }).expect(401);
    await as(api.url, leaving).get('/api/v1/auth/me').expect(401);
    expect((await during).map((r) => r.status)).toEqual(Array.from({ length: 4 * staying.length }, () => 200));

    // an account disabled in the database (by an administrator) is refused at once too
    const [disabledNow] = staying as [TestPerson];
    await db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [disabledNow.id]);
    await as(api.url, disabledNow).get('/api/v1/auth/me').expect(401);
  });

  it('writes the events of concurrent requests together, answering each with its own lesson state, accepted and duplicate counts', async () => {
    const course = await publishVersion(db, { lessons: [{ kind: 'video', estimatedMinutes: 10, completionPercent: 50 }] });
    const lesson = course.lessons[0]!.id;
    const people = await Promise.all(Array.from({ length: 5 }, () => createPerson(db)));
    for (const p of people) await as(api.url, p).post(`/api/v1/courses/${course.slug}/enrolment`).expect(201);
    const learning = api.app.get(LearningService);
    const userOf = (p: TestPerson): AuthUser => ({ id: p.id, displayName: p.displayName, roles: [{ role: 'learner', unitId: null, unitPath: null }], sessionId: 'test' });

    // Learner i watches (i + 1) minutes; the last one watches past half the video (completes) and repeats one event.
    const repeated = { id: randomUUID() };
    const calls = people.map((p, i) => {
      const minutes = i === people.length - 1 ? 6 : i + 1;
      const events = Array.from({ length: minutes }, (_, m) => ev(lesson, 'video_watched', { from: m * 60, to: m * 60 + 60, position: m * 60 + 60 }));
      if (i === people.length - 1) events.push({ ...events[0]!, ...repeated }, { ...events[0]!, ...repeated });
      return learning.recordEvents(userOf(p), events as Parameters<LearningService['recordEvents']>[1]);
    });
    // The same learner twice at once, with one event in common: it is stored once, counted once.
    const shared = ev(lesson, 'video_watched', { from: 0, to: 30, position: 30 });
    const twin = people[0]!;
    calls.push(learning.recordEvents(userOf(twin), [shared] as Parameters<LearningService['recordEvents']>[1]));
    calls.push(learning.recordEvents(userOf(twin), [shared] as Parameters<LearningService['recordEvents']>[1]));
    const answers = await Promise.all(calls);

    for (const [i, answer] of answers.slice(0, 4).entries()) {
      expect(answer).toMatchObject({ accepted: i + 1, duplicates: 0, completedCourses: [] });
      expect(answer.lessons).toHaveLength(1);
      expect(answer.lessons[0]!.state).toBe('in_progress');
    }
    expect(answers[1]!.lessons[0]).toMatchObject({ watchedSeconds: 120, positionSeconds: 120 });
    expect(answers[3]!.lessons[0]).toMatchObject({ watchedSeconds: 240, positionSeconds: 240 });
    // the completing learner: 6 minutes + the repeated event (same stretch) once; the course completes, told once
    expect(answers[4]).toMatchObject({ accepted: 7, duplicates: 1, completedCourses: [course.slug] });
    expect(answers[4]!.lessons[0]).toMatchObject({ state: 'completed', watchedSeconds: 360 });
    // the twin requests: one stored the shared event, the other got it as a duplicate
    expect([answers[5]!.accepted, answers[6]!.accepted].sort()).toEqual([0, 1]);
    expect(answers[5]!.accepted + answers[5]!.duplicates).toBe(1);
    const rows = await db.query(`SELECT user_id, count(*)::int AS n FROM progress_events WHERE lesson_id = $1 GROUP BY user_id`, [lesson]);
    expect(new Map(rows.map((r: { user_id: string; n: number }) => [r.user_id, r.n]))).toEqual(new Map(people.map((p, i) => [p.id, i === 0 ? 2 : i === 4 ? 7 : i + 1])));
  });
});
