import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { signCheckInToken } from '../../apps/api/src/modules/community/codes';
import { cookieName } from '../../apps/api/src/modules/identity/cookies';
import { SESSION_COOKIE } from '../../apps/api/src/modules/identity/sessions.service';
import { CSRF_HEADER } from '../../apps/api/src/modules/identity/session.guard';
import { startApi, type RunningApi } from '../support/app';
import { auditOf, createPerson, createTree, tag, type TestPerson, type TestTree } from '../support/scope-fixtures';

const BASE = '/api/v1/community';

/** supertest as a person (cookie; CSRF header on changes), with PATCH and PUT. */
function as(url: string, person?: TestPerson) {
  const sign = (test: request.Test, unsafe: boolean): request.Test => {
    if (person?.token) test.set('cookie', `${cookieName(SESSION_COOKIE, false)}=${person.token}`);
    if (unsafe && person?.csrfToken) test.set(CSRF_HEADER, person.csrfToken);
    return test;
  };
  return {
    get: (path: string) => sign(request(url).get(BASE + path), false),
    post: (path: string, body?: object) => sign(request(url).post(BASE + path), true).send(body ?? {}),
    put: (path: string, body?: object) => sign(request(url).put(BASE + path), true).send(body ?? {}),
    patch: (path: string, body?: object) => sign(request(url).patch(BASE + path), true).send(body ?? {}),
  };
}

interface SseEvent {
  event: string;
  data: unknown;
}

/** A real SSE connection read with fetch: waits for events matching a predicate. */
async function openSse(url: string, person: TestPerson) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie: `${cookieName(SESSION_COOKIE, false)}=${person.token}`, 'last-event-id': 'x-1' }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  let comments = 0;
  let failure: unknown = null;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (block.startsWith(':')) comments++;
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) failure = error;
  });
  return {
    response,
    events,
    comments: () => comments,
    async next<T>(predicate: (e: SseEvent) => boolean, what: string, timeoutMs = 5000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found.data as T;
        if (failure) throw failure as Error;
        if (Date.now() > deadline) throw new Error(`no SSE event ${what} within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

interface Course {
  slug: string;
  textLessonKey: string;
  quizLessonKey: string;
  itemId: string;
  competencyRef: string;
}

/** A published course: a text lesson with headings, a quiz lesson whose quiz draws one single-choice item of a fresh competency. */
async function createCourse(db: DataSource): Promise<Course> {
  const t = tag();
  const slug = `lop-cong-dong-${t}`;
  const [{ id: courseId }] = (await db.query(`INSERT INTO courses (slug) VALUES ($1) RETURNING id`, [slug])) as { id: string }[];
  const [{ id: versionId }] = (await db.query(
    `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, level, estimated_minutes, published_at)
     VALUES ($1, 1, 'published', 'vi', $2, 'Tóm tắt', 'basic', 20, now()) RETURNING id`,
    [courseId, `Điện thoại an toàn ${t}`],
  )) as { id: string }[];
  const [{ id: moduleId }] = (await db.query(`INSERT INTO course_modules (version_id, position, title) VALUES ($1, 1, 'Chương 1') RETURNING id`, [versionId])) as { id: string }[];
  const textLessonKey = randomUUID();
  const quizLessonKey = randomUUID();
  await db.query(
    `INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes, lesson_key) VALUES
       ($1, 1, 'text', 'Mật khẩu mạnh', '<p>Mở đầu.</p><h2>Vì sao?</h2><p>Kẻ gian &amp; đoán.</p><h3>Cách đặt</h3><ul><li>Dài</li></ul>', 5, $2),
       ($1, 2, 'quiz', 'Kiểm tra', NULL, 5, $3)`,
    [moduleId, textLessonKey, quizLessonKey],
  );
  const competencyRef = `test.community.${t}`;
  await db.query(`INSERT INTO quizzes (lesson_key, title, blueprint) VALUES ($1, 'Kiểm tra', $2)`, [quizLessonKey, JSON.stringify([{ competencyRef, level: 1, count: 1 }])]);
  const [{ id: itemId }] = (await db.query(
    `INSERT INTO assessment_items (kind, competency_ref, level, framework_version, stem, options, answer_key)
     VALUES ('single_choice', $1, 1, '1.0', '<p>Mật khẩu nào mạnh nhất?</p>', $2, $3) RETURNING id`,
    [
      competencyRef,
      JSON.stringify([
        { id: 'a', text: '123456', mediaUrl: null },
        { id: 'b', text: 'ngay-sinh', mediaUrl: null },
        { id: 'c', text: 'Tr@ng-Xanh-Bay-42', mediaUrl: null },
      ]),
      JSON.stringify({ correctOptionIds: ['c'] }),
    ],
  )) as { id: string }[];
  return { slug, textLessonKey, quizLessonKey, itemId, competencyRef };
}

const schedule = { weekday: 6, startTime: '19:30', durationMinutes: 90, firstDate: new Date().toISOString().slice(0, 10) };

describe('community classes', () => {
  let api: RunningApi;
  let db: DataSource;
  let tree: TestTree;
  let course: Course;
  let facilitator: TestPerson;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    tree = await createTree(db);
    course = await createCourse(db);
    facilitator = await createPerson(db, { name: 'Người hướng dẫn A', roles: [{ role: 'facilitator', unit: tree.communeA }] });
  });
  afterAll(() => api.close());

  const newClass = async (title = `Lớp tối thứ Bảy ${tag()}`) =>
    (await as(api.url, facilitator).post('/classes', { unitId: tree.villageA1.id, courseSlug: course.slug, title, place: 'Nhà văn hoá thôn', schedule }).expect(201)).body as {
      id: string;
      joinCode: string;
      joinUrl: string;
    };
  const newSession = async (classId: string) =>
    (await as(api.url, facilitator).post(`/classes/${classId}/sessions`, { startsAt: new Date(Date.now() - 600_000).toISOString(), clientId: randomUUID() }).expect(201)).body as {
      id: string;
    };

  it('a facilitator creates a class in their commune; learners join by code (enrolled once); another commune’s facilitator gets 404', async () => {
    const cls = await newClass();
    expect(cls).toMatchObject({ status: 'active', unit: { id: tree.villageA1.id }, course: { slug: course.slug }, schedule: { ...schedule, endDate: null }, attendeeCount: 0 });
    expect(cls.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(cls.joinUrl).toMatch(new RegExp(`/tham-gia/${cls.joinCode}$`));

    // validation and scope
    const bad = await as(api.url, facilitator).post('/classes', { unitId: tree.villageA1.id, courseSlug: course.slug, title: 'x', place: 'y', schedule: { ...schedule, weekday: 9 }, extra: 1 }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['schedule.weekday', 'extra']));
    await as(api.url, facilitator).post('/classes', { unitId: tree.communeB.id, courseSlug: course.slug, title: 'x', place: 'y', schedule }).expect(404);
    const other = await createPerson(db, { roles: [{ role: 'facilitator', unit: tree.communeB }] });
    await as(api.url, other).get(`/classes/${cls.id}`).expect(404);
    await as(api.url, other).get(`/classes/${cls.id}/attendees`).expect(404);
    expect((await as(api.url, other).get('/classes').expect(200)).body.classes.map((c: { id: string }) => c.id)).not.toContain(cls.id);
    const official = await createPerson(db, { roles: [{ role: 'official', unit: tree.province }] });
    await as(api.url, official).get(`/classes/${cls.id}`).expect(200);
    const learner = await createPerson(db, { name: 'Lò Thị Mai' });
    await as(api.url, learner).get(`/classes/${cls.id}`).expect(403);

    // joining
    const preview = await as(api.url).get(`/join/${cls.joinCode.toLowerCase()}`).expect(200);
    expect(preview.body).toMatchObject({ classId: cls.id, joined: false, courseSlug: course.slug });
    const wrong = await as(api.url, learner).post('/join/ZZZZZ2').expect(404);
    expect(wrong.body.message).toMatch(/No class has this code/);
    const dashed = `${cls.joinCode.slice(0, 3)}-${cls.joinCode.slice(3).toLowerCase()}`;
    const joined = await as(api.url, learner).post(`/join/${dashed}`).expect(201);
    expect(joined.body).toMatchObject({ classId: cls.id, courseSlug: course.slug, openQuestion: null });
    await as(api.url, learner).post(`/join/${cls.joinCode}`).expect(200);
    const enrolments = (await db.query(`SELECT e.id FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1 AND c.slug = $2`, [learner.id, course.slug])) as unknown[];
    expect(enrolments).toHaveLength(1);
    expect((await as(api.url, facilitator).get(`/classes/${cls.id}`).expect(200)).body.attendeeCount).toBe(1);
    expect((await as(api.url, learner).get('/me/classes').expect(200)).body.classes.map((c: { classId: string }) => c.classId)).toContain(cls.id);

    // weekly sessions from the schedule (Saturdays 19:30 in Viet Nam = 12:30 UTC); generating again adds none
    const generated = (await as(api.url, facilitator).post(`/classes/${cls.id}/sessions/generate`, { weeks: 3 }).expect(200)).body.sessions as { startsAt: string; endsAt: string; adHoc: boolean }[];
    expect(generated.length).toBeGreaterThanOrEqual(3);
    expect(generated.length).toBeLessThanOrEqual(4);
    for (const s of generated) {
      expect(new Date(s.startsAt).getUTCDay()).toBe(6);
      expect(s.startsAt).toMatch(/T12:30:00\.000Z$/);
      expect(Date.parse(s.endsAt) - Date.parse(s.startsAt)).toBe(90 * 60_000);
    }
    expect((await as(api.url, facilitator).post(`/classes/${cls.id}/sessions/generate`, { weeks: 3 }).expect(200)).body.sessions).toHaveLength(generated.length);
    const upcoming = generated.find((g) => Date.parse(g.endsAt) > Date.now())!;
    expect((await as(api.url, facilitator).get(`/classes/${cls.id}`).expect(200)).body.nextSession).toMatchObject({ startsAt: upcoming.startsAt });

    // archived: the code stops working
    await as(api.url, facilitator).post(`/classes/${cls.id}/archive`).expect(200);
    await as(api.url, learner).get(`/join/${cls.joinCode}`).expect(404);
  });

  it('walk-ins are added once per client id, keep their attendance when linked by phone or claimed, and check-in/checklist replays are harmless', async () => {
    const cls = await newClass();
    const session = await newSession(cls.id);
    const walkInBody = { name: '  Cụ   Lò Văn Páo ', birthYear: 1948, clientId: randomUUID() };
    const walkIn = (await as(api.url, facilitator).post(`/classes/${cls.id}/attendees`, walkInBody).expect(201)).body;
    expect(walkIn).toMatchObject({ name: 'Cụ Lò Văn Páo', birthYear: 1948, hasAccount: false, walkIn: true });
    expect((await as(api.url, facilitator).post(`/classes/${cls.id}/attendees`, walkInBody).expect(200)).body.id).toBe(walkIn.id);
    await as(api.url, facilitator).post(`/classes/${cls.id}/attendees`, { name: 'X', birthYear: 1800, clientId: randomUUID() }).expect(400);

    // checklist: present at t1, absent at t2, then the t1 write replayed (queued offline) changes nothing
    const t1 = new Date(Date.now() - 60_000).toISOString();
    const t2 = new Date(Date.now() - 30_000).toISOString();
    const first = { attendeeId: walkIn.id, present: true, clientId: randomUUID(), at: t1 };
    await as(api.url, facilitator).put(`/classes/${cls.id}/sessions/${session.id}/attendance`, { marks: [first] }).expect(200);
    await as(api.url, facilitator).put(`/classes/${cls.id}/sessions/${session.id}/attendance`, { marks: [{ ...first, present: false, clientId: randomUUID(), at: t2 }] }).expect(200);
    const replayed = (await as(api.url, facilitator).put(`/classes/${cls.id}/sessions/${session.id}/attendance`, { marks: [first] }).expect(200)).body;
    expect(replayed.rows).toEqual([expect.objectContaining({ attendee: expect.objectContaining({ id: walkIn.id }), present: false, method: 'checklist' })]);
    await as(api.url, facilitator).put(`/classes/${cls.id}/sessions/${session.id}/attendance`, { marks: [{ attendeeId: walkIn.id, present: true, clientId: randomUUID() }] }).expect(200);

    // link by phone: same attendee row, attendance kept, enrolled
    const person = await createPerson(db, { name: 'Lò Văn Páo', signedIn: false });
    await as(api.url, facilitator).post(`/classes/${cls.id}/attendees/${walkIn.id}/link`, { phone: '0900000000' }).expect(404);
    const linked = (await as(api.url, facilitator).post(`/classes/${cls.id}/attendees/${walkIn.id}/link`, { phone: `0${person.phone!.slice(3)}` }).expect(200)).body;
    expect(linked).toMatchObject({ id: walkIn.id, hasAccount: true, walkIn: true, linkedAt: expect.any(String) });
    await as(api.url, facilitator).post(`/classes/${cls.id}/attendees/${walkIn.id}/link`, { phone: `0${person.phone!.slice(3)}` }).expect(409);
    expect((await auditOf(db, facilitator.id, 'class.attendee.link')).filter((a) => a.subjectId === walkIn.id)).toHaveLength(1);
    const afterLink = (await as(api.url, facilitator).get(`/classes/${cls.id}/sessions/${session.id}/attendance`).expect(200)).body;
    expect(afterLink.rows).toEqual([expect.objectContaining({ attendee: expect.objectContaining({ id: walkIn.id, hasAccount: true }), present: true })]);
    expect((await db.query(`SELECT 1 FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1 AND c.slug = $2`, [person.id, course.slug])).length).toBe(1);

    // claim code: the person types it after signing up
    const grandma = (await as(api.url, facilitator).post(`/classes/${cls.id}/attendees`, { name: 'Bà Mai', birthYear: 1950, clientId: randomUUID() }).expect(201)).body;
    const { claimCode } = (await as(api.url, facilitator).post(`/classes/${cls.id}/attendees/${grandma.id}/claim-code`).expect(200)).body;
    expect(claimCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const claimer = await createPerson(db, { name: 'Lò Thị Mai' });
    await as(api.url, claimer).post('/claim', { code: 'WRONG222' }).expect(404);
    const claimed = (await as(api.url, claimer).post('/claim', { code: claimCode.toLowerCase() }).expect(200)).body;
    expect(claimed).toMatchObject({ classId: cls.id, attendeeId: grandma.id });
    await as(api.url, createPersonLater()).post('/claim', { code: claimCode }).expect(401);
    const other = await createPerson(db);
    await as(api.url, other).post('/claim', { code: claimCode }).expect(404); // one use

    // QR check-in with a signed token; a replay of the same write is harmless; bad and expired tokens are 404
    const qr = (await as(api.url, facilitator).get(`/classes/${cls.id}/sessions/${session.id}/check-in-token`).expect(200)).body;
    expect(qr.url).toMatch(new RegExp(`^http://[^/]+/diem-danh/${session.id}\\?t=`));
    const learner = await createPerson(db, { name: 'An' });
    const checkIn = { sessionId: session.id, token: qr.token, clientId: randomUUID() };
    expect((await as(api.url, learner).post('/check-in', checkIn).expect(200)).body).toMatchObject({ classId: cls.id, present: true, alreadyCheckedIn: false });
    expect((await as(api.url, learner).post('/check-in', checkIn).expect(200)).body.alreadyCheckedIn).toBe(true);
    const forged = `${qr.token.slice(0, -2)}${qr.token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await as(api.url, learner).post('/check-in', { ...checkIn, clientId: randomUUID(), token: forged }).expect(404)).body.message).toMatch(/not valid/);
    const [{ checkin_secret: secret }] = (await db.query(`SELECT checkin_secret FROM class_sessions WHERE id = $1`, [session.id])) as { checkin_secret: Buffer }[];
    const expired = signCheckInToken(secret, session.id, new Date(Date.now() - 1000));
    expect((await as(api.url, learner).post('/check-in', { ...checkIn, clientId: randomUUID(), token: expired }).expect(404)).body.message).toMatch(/expired/);
    // the stored write resent by the offline queue after the token expired is still answered as done
    expect((await as(api.url, learner).post('/check-in', { ...checkIn, token: expired }).expect(200)).body.alreadyCheckedIn).toBe(true);
    const other2 = await newSession(cls.id);
    await as(api.url, learner).post('/check-in', { ...checkIn, sessionId: other2.id }).expect(404); // a token of another session

    const rows = (await db.query(`SELECT present, method FROM class_attendance ca JOIN class_attendees a ON a.id = ca.attendee_id WHERE a.user_id = $1`, [learner.id])) as unknown[];
    expect(rows).toEqual([{ present: true, method: 'qr' }]);

    // per-class view and CSV (formula-safe, no phone numbers)
    await as(api.url, facilitator).post(`/classes/${cls.id}/attendees`, { name: '=HYPERLINK("http://x")', birthYear: 1990, clientId: randomUUID() }).expect(201);
    const view = (await as(api.url, facilitator).get(`/classes/${cls.id}/attendance`).expect(200)).body;
    expect(view.sessions).toHaveLength(2);
    expect(view.rows.find((r: { attendee: { id: string } }) => r.attendee.id === walkIn.id)).toMatchObject({ presentCount: 1, marks: [true, null] });
    const csv = await as(api.url, facilitator).get(`/classes/${cls.id}/attendance.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const text = csv.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")",1990,,,,0`);
    expect(text).toMatch(/\r\nLò Văn Páo,1948,x,x,,1\r\n/);
    expect(text).not.toContain(person.phone!.slice(3));
    await as(api.url, other).get(`/classes/${cls.id}/attendance.csv`).expect(403);
  });

  it('the presenter gets slides, and a live question’s tally reaches the projector over SSE (through another replica); answers are kept once and become evidence once', async () => {
    const cls = await newClass();
    const session = await newSession(cls.id);
    await as(api.url, facilitator).patch(`/classes/${cls.id}/sessions/${session.id}`, { lessonKey: randomUUID() }).expect(400);
    await as(api.url, facilitator).patch(`/classes/${cls.id}/sessions/${session.id}`, { lessonKey: course.textLessonKey }).expect(200);
    const presentation = (await as(api.url, facilitator).get(`/classes/${cls.id}/sessions/${session.id}/presentation`).expect(200)).body;
    expect(presentation.slides).toEqual([
      { title: 'Mật khẩu mạnh', html: '<p>Mở đầu.</p>' },
      { title: 'Vì sao?', html: '<p>Kẻ gian &amp; đoán.</p>' },
      { title: 'Cách đặt', html: '<ul><li>Dài</li></ul>' },
    ]);
    expect(presentation.liveItems).toEqual([expect.objectContaining({ itemId: course.itemId, kind: 'single_choice', options: expect.any(Array) })]);
    expect(JSON.stringify(presentation)).not.toMatch(/correct|answerKey|answer_key/);
    await as(api.url, facilitator).post(`/classes/${cls.id}/sessions/${session.id}/start`).expect(200);

    const mai = await createPerson(db, { name: 'Mai' });
    const an = await createPerson(db, { name: 'An' });
    await as(api.url, mai).post(`/join/${cls.joinCode}`).expect(201);
    await as(api.url, an).post(`/join/${cls.joinCode}`).expect(201);
    const stranger = await createPerson(db);
    await as(api.url, stranger).get(`/me/classes/${cls.id}/live`).expect(404);

    // The projector follows a second API replica: events cross replicas through Redis pub/sub.
    const replica = await startApi();
    const projector = await openSse(`${replica.url}${BASE}/classes/${cls.id}/live`, facilitator);
    const phone = await openSse(`${api.url}${BASE}/me/classes/${cls.id}/live`, mai);
    try {
      expect(projector.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const launch = { itemId: course.itemId, clientId: randomUUID() };
      const question = (await as(api.url, facilitator).post(`/classes/${cls.id}/sessions/${session.id}/questions`, launch).expect(201)).body;
      expect((await as(api.url, facilitator).post(`/classes/${cls.id}/sessions/${session.id}/questions`, launch).expect(200)).body.id).toBe(question.id);
      expect(question).toMatchObject({ correctOptionIds: null, tally: { total: 0 } });
      await projector.next((e) => e.event === 'question', 'question on the projector');
      const onPhone = await phone.next<Record<string, unknown>>((e) => e.event === 'question', 'question on the phone');
      expect(onPhone).toMatchObject({ id: question.id, myAnswer: null });
      expect(JSON.stringify(onPhone)).not.toMatch(/correct|tally/);

      const answer = { optionIds: ['c'], clientId: randomUUID() };
      await as(api.url, mai).post(`/me/classes/${cls.id}/questions/${question.id}/answer`, { optionIds: ['zz'], clientId: randomUUID() }).expect(400);
      expect((await as(api.url, mai).post(`/me/classes/${cls.id}/questions/${question.id}/answer`, answer).expect(201)).body).toMatchObject({ optionIds: ['c'], firstAnswer: true });
      const tally = await projector.next<{ total: number; counts: { optionId: string; count: number }[] }>((e) => e.event === 'tally', 'tally');
      expect(tally).toEqual({ questionId: question.id, total: 1, counts: [{ optionId: 'a', count: 0 }, { optionId: 'b', count: 0 }, { optionId: 'c', count: 1 }] });
      // a replay, or a change of mind: the first answer is kept
      expect((await as(api.url, mai).post(`/me/classes/${cls.id}/questions/${question.id}/answer`, { optionIds: ['a'], clientId: randomUUID() }).expect(200)).body).toMatchObject({
        optionIds: ['c'],
        firstAnswer: false,
      });
      await as(api.url, an).post(`/me/classes/${cls.id}/questions/${question.id}/answer`, { optionIds: ['a'], clientId: randomUUID() }).expect(201);
      await projector.next((e) => e.event === 'tally' && (e.data as { total: number }).total === 2, 'tally of 2');

      const closed = (await as(api.url, facilitator).post(`/classes/${cls.id}/questions/${question.id}/close`).expect(200)).body;
      expect(closed).toMatchObject({ correctOptionIds: ['c'], tally: { total: 2 } });
      await projector.next((e) => e.event === 'closed', 'closed on the projector');
      await phone.next((e) => e.event === 'closed', 'closed on the phone');
      const late = await createPerson(db);
      await as(api.url, late).post(`/join/${cls.joinCode}`).expect(201);
      expect((await as(api.url, late).post(`/me/classes/${cls.id}/questions/${question.id}/answer`, answer).expect(409)).body.message).toMatch(/closed/);
      await as(api.url, facilitator).post(`/classes/${cls.id}/questions/${question.id}/close`).expect(200);

      const evidence = (await db.query(
        `SELECT user_id, passed, score::float8 AS score, level FROM competency_evidence WHERE source = 'live-quiz' AND competency_ref = $1 ORDER BY passed DESC`,
        [course.competencyRef],
      )) as unknown[];
      expect(evidence).toEqual([
        { user_id: mai.id, passed: true, score: 1, level: 1 },
        { user_id: an.id, passed: false, score: 0, level: 1 },
      ]);
      expect(projector.comments()).toBeGreaterThanOrEqual(1); // ": connected"
    } finally {
      await projector.close();
      await phone.close();
      await replica.close();
    }
  });
});

function createPersonLater(): TestPerson {
  return { id: randomUUID(), displayName: 'anonymous', phone: null };
}
