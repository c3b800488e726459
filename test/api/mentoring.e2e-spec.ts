import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MentoringService } from '../../apps/api/src/modules/mentoring/mentoring.service';
import { UnitScope } from '../../apps/api/src/modules/units/unit-scope';
import { startApi, type RunningApi } from '../support/app';
import { as, createPerson, createTree, type TestPerson, type TestTree } from '../support/scope-fixtures';
import { activeMentorship, enrol, lessonProgress, mentoringCourse, quizAttempts } from './mentoring.fixtures';

const API = '/api/v1';

describe('Digital Ambassadors: mentors, mentees, nudges, unit view', () => {
  let api: RunningApi;
  let db: DataSource;
  let tree: TestTree;
  let course: Awaited<ReturnType<typeof mentoringCourse>>;
  let mentor: TestPerson; // lives in village A1
  let otherMentor: TestPerson; // lives in village A1 too
  let mentorB: TestPerson; // lives in commune B
  let officialA: TestPerson;
  let stuck: TestPerson; // the mentor's mentee, stuck
  let fine: TestPerson; // the mentor's mentee, learning this week

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    tree = await createTree(db);
    course = await mentoringCourse(db);
    mentor = await createPerson(db, { name: `Đại sứ Hà ${tree.tag}`, unit: tree.villageA1, roles: [{ role: 'mentor' }] });
    otherMentor = await createPerson(db, { name: `Đại sứ Lan ${tree.tag}`, unit: tree.villageA1, roles: [{ role: 'mentor' }] });
    mentorB = await createPerson(db, { name: `Đại sứ Bình ${tree.tag}`, unit: tree.communeB, roles: [{ role: 'mentor' }] });
    officialA = await createPerson(db, { name: `Cán bộ A ${tree.tag}`, unit: tree.communeA, roles: [{ role: 'official', unit: tree.communeA }] });
    stuck = await createPerson(db, { name: `Bà Lò Thị Xuân ${tree.tag}`, unit: tree.villageA1 });
    fine = await createPerson(db, { name: `Ông Cầm Văn Đức ${tree.tag}`, unit: tree.villageA2 });
  });
  afterAll(() => api.close());

  const asMentor = () => as(api.url, mentor);

  it('a mentor invites by phone number in any spelling; the learner sees the invitation and accepts', async () => {
    const national = `0${stuck.phone!.slice(3)}`.replace(/(\d{4})(\d{3})/, '$1 $2 ');
    const invited = (await asMentor().post(`${API}/mentoring/invitations`, { identifier: national }).expect(201)).body;
    expect(invited).toMatchObject({ status: 'invited', mentor: { id: mentor.id }, mentee: { id: stuck.id }, startedAt: null });
    expect(JSON.stringify(invited)).not.toContain(stuck.phone!);

    // The mentor sees it as an open invitation, not (yet) as a mentee.
    const before = (await asMentor().get(`${API}/mentoring/mentees`).expect(200)).body;
    expect(before.invitations.map((i: { id: string }) => i.id)).toContain(invited.id);
    expect(before.mentees).toEqual([]);

    const mine = (await as(api.url, stuck).get(`${API}/me/mentoring`).expect(200)).body;
    expect(mine).toMatchObject({ mentor: null, invitations: [{ id: invited.id, mentor: { displayName: mentor.displayName } }] });
    // Someone else cannot accept it.
    await as(api.url, fine).post(`${API}/me/mentoring/invitations/${invited.id}/accept`).expect(404);
    const accepted = (await as(api.url, stuck).post(`${API}/me/mentoring/invitations/${invited.id}/accept`).expect(200)).body;
    expect(accepted).toMatchObject({ status: 'active', endedAt: null });
    expect(accepted.startedAt).toEqual(expect.any(String));
    expect((await as(api.url, stuck).get(`${API}/me/mentoring`).expect(200)).body.mentor).toMatchObject({ mentor: { id: mentor.id } });

    // A second invitation of the same pair, another mentor for someone who has one, unknown and bad identifiers.
    await asMentor().post(`${API}/mentoring/invitations`, { identifier: stuck.phone }).expect(409);
    const other = await as(api.url, otherMentor).post(`${API}/mentoring/invitations`, { identifier: stuck.phone }).expect(409);
    expect(other.body.message).toBe('This person already has a mentor');
    await asMentor().post(`${API}/mentoring/invitations`, { identifier: '+84900000001' }).expect(404);
    await asMentor().post(`${API}/mentoring/invitations`, { identifier: mentor.phone }).expect(400);
    await asMentor().post(`${API}/mentoring/invitations`, { identifier: 'not a phone' }).expect(400);
    await asMentor().post(`${API}/mentoring/invitations`, { identifier: stuck.phone, extra: 1 }).expect(400);
    // Only mentors invite.
    await as(api.url, fine).post(`${API}/mentoring/invitations`, { identifier: stuck.phone }).expect(403);
  });

  it('a declined invitation is gone; the second mentee accepts', async () => {
    const first = (await asMentor().post(`${API}/mentoring/invitations`, { identifier: fine.phone }).expect(201)).body;
    await as(api.url, fine).post(`${API}/me/mentoring/invitations/${first.id}/decline`).expect(204);
    await as(api.url, fine).post(`${API}/me/mentoring/invitations/${first.id}/accept`).expect(404);
    const again = (await asMentor().post(`${API}/mentoring/invitations`, { identifier: fine.phone }).expect(201)).body;
    await as(api.url, fine).post(`${API}/me/mentoring/invitations/${again.id}/accept`).expect(200);
  });

  it('shows progress from the learning tables and where a mentee is stuck', async () => {
    // Stuck: enrolled 12 days ago, lesson 1 completed 10 days ago, lesson 2 opened 9 days ago and left, quiz failed twice 9 days ago.
    await enrol(db, stuck.id, course, 12);
    await lessonProgress(db, stuck.id, course, 0, 11, 10);
    await lessonProgress(db, stuck.id, course, 1, 9);
    await quizAttempts(db, stuck.id, course, [false, false], 9);
    // Fine: enrolled yesterday, lesson 1 completed today.
    await enrol(db, fine.id, course, 1);
    await lessonProgress(db, fine.id, course, 0, 0, 0);

    const list = (await asMentor().get(`${API}/mentoring/mentees`).expect(200)).body;
    expect(list).toMatchObject({ minimum: 5, activeDays: 30, activeMentees: 2, invitations: [] });
    const byId = Object.fromEntries(list.mentees.map((m: { mentee: { id: string } }) => [m.mentee.id, m]));
    expect(byId[stuck.id]).toMatchObject({ active: true, coursesInProgress: 1, coursesCompleted: 0, certificates: 0, nudgedToday: false });
    expect(byId[stuck.id].stuck).toEqual([
      { kind: 'inactive', days: 9 },
      { kind: 'lesson_stalled', days: 9, courseTitle: course.title, lessonTitle: 'Dùng Zalo an toàn' },
      { kind: 'quiz_failed', failures: 2, courseTitle: course.title, lessonTitle: 'Bài kiểm tra cuối' },
    ]);
    expect(byId[fine.id].stuck).toEqual([]);

    const detail = (await asMentor().get(`${API}/mentoring/mentees/${stuck.id}?lang=en`).expect(200)).body;
    expect(detail.courses).toEqual([
      expect.objectContaining({ courseId: course.courseId, title: course.title, completedLessons: 1, totalLessons: 3, percent: 33, completedAt: null }),
    ]);
    // Lesson titles follow the language asked for.
    expect(detail.stuck[1]).toMatchObject({ kind: 'lesson_stalled', lessonTitle: 'Lesson 2' });
    expect(Object.keys(detail.mentee)).toEqual(['id', 'displayName']);
  });

  it("another mentor's mentee, a stranger and a non-mentor all get the same 404/403", async () => {
    const other = as(api.url, otherMentor);
    const n = (await other.get(`${API}/mentoring/mentees/${stuck.id}`).expect(404)).body;
    const unknown = (await other.get(`${API}/mentoring/mentees/${randomUUID()}`).expect(404)).body;
    expect(n.message).toBe(unknown.message);
    expect((await other.get(`${API}/mentoring/mentees`).expect(200)).body.mentees).toEqual([]);
    await other.post(`${API}/mentoring/mentees/${stuck.id}/nudges`, { clientId: randomUUID(), preset: 'keep_going' }).expect(404);
    await other.delete(`${API}/mentoring/mentees/${stuck.id}`).expect(404);
    await as(api.url, officialA).get(`${API}/mentoring/mentees/${stuck.id}`).expect(403);
    await as(api.url, stuck).get(`${API}/mentoring/mentees`).expect(403);
    await as(api.url).get(`${API}/mentoring/mentees`).expect(401);
  });

  it('nudges: idempotent by client id, one per mentee per day (429), plain text, shown to the mentee', async () => {
    const clientId = randomUUID();
    const body = { clientId, preset: 'finish_lesson', note: '  Cố lên\u0000 <b>bà</b>\n\nnhé  ' };
    const sent = await asMentor().post(`${API}/mentoring/mentees/${stuck.id}/nudges`, body).expect(201);
    expect(sent.body).toMatchObject({ clientId, preset: 'finish_lesson', note: 'Cố lên <b>bà</b> nhé', readAt: null, mentor: { id: mentor.id } });
    const repeat = await asMentor().post(`${API}/mentoring/mentees/${stuck.id}/nudges`, body).expect(200);
    expect(repeat.body.id).toBe(sent.body.id);
    // The same client id for another mentee is a client bug.
    await asMentor().post(`${API}/mentoring/mentees/${fine.id}/nudges`, body).expect(409);
    const second = await asMentor().post(`${API}/mentoring/mentees/${stuck.id}/nudges`, { clientId: randomUUID(), preset: 'keep_going' }).expect(429);
    expect(second.body.message).toMatch(/already nudged this person today/);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(86_400);
    expect(Number((await db.query(`SELECT count(*) FROM mentor_nudges WHERE mentee_user_id = $1`, [stuck.id]))[0].count)).toBe(1);
    // Validation.
    await asMentor().post(`${API}/mentoring/mentees/${fine.id}/nudges`, { clientId: randomUUID(), preset: 'buy_now' }).expect(400);
    await asMentor().post(`${API}/mentoring/mentees/${fine.id}/nudges`, { clientId: randomUUID(), preset: 'keep_going', note: 'x'.repeat(201) }).expect(400);
    await asMentor().post(`${API}/mentoring/mentees/${fine.id}/nudges`, { clientId: 'nope', preset: 'keep_going' }).expect(400);

    const listed = (await asMentor().get(`${API}/mentoring/mentees`).expect(200)).body.mentees.find((m: { mentee: { id: string } }) => m.mentee.id === stuck.id);
    expect(listed).toMatchObject({ nudgedToday: true, lastNudgeAt: sent.body.createdAt });
    expect((await asMentor().get(`${API}/mentoring/mentees/${stuck.id}`).expect(200)).body.nudges).toEqual([sent.body]);

    const inbox = (await as(api.url, stuck).get(`${API}/me/mentoring`).expect(200)).body;
    expect(inbox).toMatchObject({ unread: 1, nudges: [{ id: sent.body.id, preset: 'finish_lesson', note: 'Cố lên <b>bà</b> nhé', mentor: { displayName: mentor.displayName } }] });
    await as(api.url, fine).post(`${API}/me/mentoring/nudges/${sent.body.id}/read`).expect(404);
    await as(api.url, stuck).post(`${API}/me/mentoring/nudges/${sent.body.id}/read`).expect(204);
    await as(api.url, stuck).post(`${API}/me/mentoring/nudges/${sent.body.id}/read`).expect(204);
    expect((await as(api.url, stuck).get(`${API}/me/mentoring`).expect(200)).body.unread).toBe(0);
  });

  it('the unit view lists mentors of the area under five active mentees; five active ones drop out', async () => {
    // A busy mentor in commune A with five active mentees and one who stopped learning 40 days ago.
    const busy = await createPerson(db, { name: `Đại sứ Bận ${tree.tag}`, unit: tree.villageA2, roles: [{ role: 'mentor' }], signedIn: false });
    for (let i = 0; i < 6; i++) {
      const mentee = await createPerson(db, { unit: tree.villageA2, signedIn: false });
      await activeMentorship(db, busy.id, mentee.id, 50);
      await enrol(db, mentee.id, course, i < 5 ? 3 : 40);
    }
    const view = (await as(api.url, officialA).get(`${API}/mentoring/unit-mentors`).expect(200)).body;
    expect(view).toMatchObject({ minimum: 5, activeDays: 30 });
    const ids = view.mentors.map((m: { mentorUserId: string }) => m.mentorUserId);
    expect(ids).toEqual(expect.arrayContaining([mentor.id, otherMentor.id]));
    expect(ids).not.toContain(busy.id); // five active
    expect(ids).not.toContain(mentorB.id); // commune B
    expect(view.mentors.find((m: { mentorUserId: string }) => m.mentorUserId === mentor.id)).toMatchObject({
      displayName: mentor.displayName,
      unit: { id: tree.villageA1.id },
      totalMentees: 2,
      activeMentees: 2,
    });
    expect(view.mentors.find((m: { mentorUserId: string }) => m.mentorUserId === otherMentor.id)).toMatchObject({ totalMentees: 0, activeMentees: 0 });

    const all = (await as(api.url, officialA).get(`${API}/mentoring/unit-mentors?all=true`).expect(200)).body;
    expect(all.mentors.find((m: { mentorUserId: string }) => m.mentorUserId === busy.id)).toMatchObject({ totalMentees: 6, activeMentees: 5 });
    expect(all.mentorsTotal).toBe(3);
    expect(all.mentorsUnderMinimum).toBe(2);
    await as(api.url, officialA).get(`${API}/mentoring/unit-mentors?all=maybe`).expect(400);
    await as(api.url, mentor).get(`${API}/mentoring/unit-mentors`).expect(403);

    // The method the reports reuse, for the province (both communes).
    const counts = await api.app.get(MentoringService).mentorCounts(UnitScope.of({ id: 'x', displayName: 'x', sessionId: 'x', roles: [{ role: 'official', unitId: tree.province.id, unitPath: tree.province.path }] }));
    expect(counts.map((c) => c.mentorUserId).sort()).toEqual([mentor.id, otherMentor.id, mentorB.id, busy.id].sort());
  });

  it('an official pairs a mentor and a learner of their area, and nobody outside it', async () => {
    const learner = await createPerson(db, { unit: tree.villageA2, signedIn: false });
    const outsider = await createPerson(db, { unit: tree.villageB1, signedIn: false });
    const assign = (body: object) => as(api.url, officialA).post(`${API}/mentoring/unit-mentors/assignments`, body);
    await assign({ mentor: mentorB.phone, mentee: learner.phone }).expect(404); // the mentor lives in B
    await assign({ mentor: otherMentor.phone, mentee: outsider.phone }).expect(404);
    await assign({ mentor: fine.phone, mentee: learner.phone }).expect(400); // not a mentor
    await assign({ mentor: otherMentor.phone, mentee: stuck.phone }).expect(409); // has a mentor
    const made = (await assign({ mentor: otherMentor.phone, mentee: learner.phone }).expect(201)).body;
    expect(made).toMatchObject({ status: 'active', mentor: { id: otherMentor.id }, mentee: { id: learner.id } });
    await assign({ mentor: otherMentor.phone, mentee: learner.phone }).expect(409);
    const list = (await as(api.url, otherMentor).get(`${API}/mentoring/mentees`).expect(200)).body;
    expect(list.mentees.map((m: { mentee: { id: string } }) => m.mentee.id)).toEqual([learner.id]);
    await as(api.url, mentor).post(`${API}/mentoring/unit-mentors/assignments`, { mentor: otherMentor.phone, mentee: learner.phone }).expect(403);
  });

  it('a mentee leaves; the mentor no longer sees them', async () => {
    await as(api.url, fine).delete(`${API}/me/mentoring/mentor`).expect(204);
    await asMentor().get(`${API}/mentoring/mentees/${fine.id}`).expect(404);
    await as(api.url, fine).delete(`${API}/me/mentoring/mentor`).expect(404);
  });
});
