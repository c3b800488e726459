import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { cookieName } from '../../apps/api/src/modules/identity/cookies';
import { CSRF_HEADER } from '../../apps/api/src/modules/identity/session.guard';
import { SESSION_COOKIE } from '../../apps/api/src/modules/identity/sessions.service';
import { startApi, type RunningApi } from '../support/app';
import { auditOf, createPerson, type TestPerson } from '../support/scope-fixtures';

interface Lesson {
  id: string;
  lessonKey: string;
  position: number;
  kind: string;
  title: string;
  body: string | null;
  mediaAssetId: string | null;
  translations: Record<string, { title?: string; body?: string }>;
  competencies: { competencyRef: string; level: number }[];
}
interface Version {
  id: string;
  courseId: string;
  slug: string;
  versionNumber: number;
  status: string;
  title: string;
  editable: boolean;
  parentVersionId: string | null;
  coverImageUrl: string | null;
  translations: Record<string, { title?: string; summary?: string }>;
  modules: { id: string; moduleKey: string; position: number; title: string; lessons: Lesson[] }[];
}

/** Requests as a person: session cookie, and the CSRF header on changes. */
function client(url: string, person: TestPerson) {
  const sign = (t: request.Test, unsafe: boolean) => {
    t.set('cookie', `${cookieName(SESSION_COOKIE, false)}=${person.token}`);
    if (unsafe) t.set(CSRF_HEADER, person.csrfToken!);
    return t;
  };
  return {
    get: (path: string) => sign(request(url).get(path), false),
    post: (path: string, body: object = {}) => sign(request(url).post(path), true).send(body),
    patch: (path: string, body: object) => sign(request(url).patch(path), true).send(body),
    put: (path: string, body: object) => sign(request(url).put(path), true).send(body),
    putRaw: (path: string, type: string, bytes: Buffer) => sign(request(url).put(path), true).set('content-type', type).send(bytes),
    delete: (path: string) => sign(request(url).delete(path), true),
  };
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe('studio: authoring, review and versions', () => {
  let api: RunningApi;
  let db: DataSource;
  let author: ReturnType<typeof client>;
  let other: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let learner: ReturnType<typeof client>;
  let reviewerPerson: TestPerson;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    author = client(api.url, await createPerson(db, { roles: [{ role: 'author' }] }));
    other = client(api.url, await createPerson(db, { roles: [{ role: 'author' }] }));
    reviewerPerson = await createPerson(db, { roles: [{ role: 'reviewer' }] });
    reviewer = client(api.url, reviewerPerson);
    learner = client(api.url, await createPerson(db));
  });
  afterAll(() => api.close());

  async function createCourse(title = `Khoá thử ${randomUUID().slice(0, 6)}`): Promise<Version> {
    const res = await author
      .post('/api/v1/studio/courses', { title, summary: 'Tóm tắt', language: 'vi', targetGroups: ['citizens'], level: 'basic', estimatedMinutes: 30, sequential: true })
      .expect(201);
    return res.body as Version;
  }

  /** A course with two modules: M1 (text T1, video V1), M2 (text T2). */
  async function courseWithLessons(): Promise<Version> {
    let v = await createCourse();
    v = (await author.post(`/api/v1/studio/versions/${v.id}/modules`, { title: 'M1' }).expect(201)).body;
    v = (await author.post(`/api/v1/studio/versions/${v.id}/modules`, { title: 'M2' }).expect(201)).body;
    const [m1, m2] = v.modules;
    await author.post(`/api/v1/studio/modules/${m1!.id}/lessons`, { kind: 'text', title: 'T1', body: '<p>Một</p>' }).expect(201);
    await author.post(`/api/v1/studio/modules/${m1!.id}/lessons`, { kind: 'video', title: 'V1' }).expect(201);
    v = (await author.post(`/api/v1/studio/modules/${m2!.id}/lessons`, { kind: 'text', title: 'T2', body: '<p>Hai</p>' }).expect(201)).body;
    return v;
  }

  const lessonOf = (v: Version, title: string) => v.modules.flatMap((m) => m.lessons).find((l) => l.title === title)!;

  async function publish(v: Version): Promise<Version> {
    await author.post(`/api/v1/studio/versions/${v.id}/submit`, {}).expect(200);
    return (await reviewer.post(`/api/v1/reviews/${v.id}/approve`, { comment: 'Tốt' }).expect(200)).body as Version;
  }

  it('creates a course as a draft, lists it for its author only, and needs the author role', async () => {
    const v = await createCourse('Dùng Zalo an toàn');
    expect(v).toMatchObject({ versionNumber: 1, status: 'draft', editable: true, title: 'Dùng Zalo an toàn', modules: [] });
    expect(v.slug).toMatch(/^dung-zalo-an-toan-[0-9a-f]{6}$/);
    const mine = (await author.get('/api/v1/studio/courses').expect(200)).body as { items: { id: string }[] };
    expect(mine.items.map((c) => c.id)).toContain(v.courseId);
    const theirs = (await other.get('/api/v1/studio/courses').expect(200)).body as { items: { id: string }[] };
    expect(theirs.items.map((c) => c.id)).not.toContain(v.courseId);
    await learner.get('/api/v1/studio/courses').expect(403);
    await request(api.url).get('/api/v1/studio/courses').expect(401);
    await author.post('/api/v1/studio/courses', { title: '', summary: '', language: 'xx', targetGroups: ['nobody'], level: 'basic', estimatedMinutes: 0 }).expect(400);
  });

  it('answers 404 for every route on another author\'s course', async () => {
    const v = await courseWithLessons();
    const m = v.modules[0]!;
    const l = m.lessons[0]!;
    await other.get(`/api/v1/studio/courses/${v.courseId}`).expect(404);
    await other.get(`/api/v1/studio/versions/${v.id}`).expect(404);
    await other.patch(`/api/v1/studio/versions/${v.id}`, { title: 'x' }).expect(404);
    await other.post(`/api/v1/studio/versions/${v.id}/modules`, { title: 'x' }).expect(404);
    await other.patch(`/api/v1/studio/modules/${m.id}`, { title: 'x' }).expect(404);
    await other.delete(`/api/v1/studio/modules/${m.id}`).expect(404);
    await other.post(`/api/v1/studio/modules/${m.id}/lessons`, { kind: 'text', title: 'x' }).expect(404);
    await other.patch(`/api/v1/studio/lessons/${l.id}`, { title: 'x' }).expect(404);
    await other.delete(`/api/v1/studio/lessons/${l.id}`).expect(404);
    await other.put(`/api/v1/studio/versions/${v.id}/order`, { modules: [] }).expect(404);
    await other.post(`/api/v1/studio/versions/${v.id}/submit`, {}).expect(404);
    await other.get(`/api/v1/studio/versions/${v.id}/preview`).expect(404);
    await other.get(`/api/v1/studio/versions/${v.id}/comments`).expect(404);
    await other.delete(`/api/v1/studio/courses/${v.courseId}`).expect(404);
    // unchanged
    const again = (await author.get(`/api/v1/studio/versions/${v.id}`).expect(200)).body as Version;
    expect(again.modules.map((x) => x.title)).toEqual(['M1', 'M2']);
  });

  it('lets a co-author see and edit the course; only people with the author role can be added', async () => {
    const v = await courseWithLessons();
    const coAuthor = await createPerson(db, { roles: [{ role: 'author' }] });
    const plain = await createPerson(db);
    await other.post(`/api/v1/studio/courses/${v.courseId}/authors`, { userId: coAuthor.id }).expect(404);
    await author.post(`/api/v1/studio/courses/${v.courseId}/authors`, { userId: plain.id }).expect(400);
    const list = (await author.post(`/api/v1/studio/courses/${v.courseId}/authors`, { userId: coAuthor.id }).expect(201)).body as { items: { userId: string }[] };
    expect(list.items.map((a) => a.userId)).toContain(coAuthor.id);
    const co = client(api.url, coAuthor);
    await co.patch(`/api/v1/studio/versions/${v.id}`, { title: 'Sửa bởi đồng tác giả' }).expect(200);
    expect(((await co.get('/api/v1/studio/courses').expect(200)).body as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([v.courseId]);
  });

  it('edits, reorders (lessons across modules too) and deletes from a draft', async () => {
    let v = await courseWithLessons();
    const [m1, m2] = v.modules;
    v = (await author.patch(`/api/v1/studio/versions/${v.id}`, { title: 'Tên mới', level: 'intermediate', targetGroups: ['citizens', 'students'] }).expect(200)).body;
    expect(v).toMatchObject({ title: 'Tên mới' });
    v = (await author.patch(`/api/v1/studio/modules/${m2!.id}`, { title: 'M2 mới' }).expect(200)).body;
    const t1 = lessonOf(v, 'T1');
    const v1 = lessonOf(v, 'V1');
    const t2 = lessonOf(v, 'T2');
    // M2 first holding V1 then T2; M1 keeps T1
    v = (
      await author
        .put(`/api/v1/studio/versions/${v.id}/order`, { modules: [{ id: m2!.id, lessons: [v1.id, t2.id] }, { id: m1!.id, lessons: [t1.id] }] })
        .expect(200)
    ).body;
    expect(v.modules.map((m) => [m.title, m.position, m.lessons.map((l) => [l.title, l.position])])).toEqual([
      ['M2 mới', 1, [['V1', 1], ['T2', 2]]],
      ['M1', 2, [['T1', 1]]],
    ]);
    // incomplete orders are refused
    await author.put(`/api/v1/studio/versions/${v.id}/order`, { modules: [{ id: m2!.id, lessons: [v1.id] }, { id: m1!.id, lessons: [t1.id] }] }).expect(400);
    await author.put(`/api/v1/studio/versions/${v.id}/order`, { modules: [{ id: m2!.id, lessons: [v1.id, t2.id, t1.id] }] }).expect(400);
    // delete a lesson: the others are renumbered
    v = (await author.delete(`/api/v1/studio/lessons/${v1.id}`).expect(200)).body;
    expect(v.modules[0]!.lessons.map((l) => [l.title, l.position])).toEqual([['T2', 1]]);
    v = (await author.delete(`/api/v1/studio/modules/${m2!.id}`).expect(200)).body;
    expect(v.modules.map((m) => [m.title, m.position])).toEqual([['M1', 1]]);
    // a never-published course can be deleted
    await author.delete(`/api/v1/studio/courses/${v.courseId}`).expect(204);
    await author.get(`/api/v1/studio/versions/${v.id}`).expect(404);
  });

  it('stores lesson bodies sanitised (create, edit and translations)', async () => {
    let v = await courseWithLessons();
    const t1 = lessonOf(v, 'T1');
    const evil = '<p onclick="alert(1)">Xin <a href="javascript:alert(1)">chào</a><script>alert(2)</script><img src=x onerror=alert(3)></p><a href="https://dichvucong.gov.vn">DVC</a>';
    v = (await author.patch(`/api/v1/studio/lessons/${t1.id}`, { body: evil }).expect(200)).body;
    expect(lessonOf(v, 'T1').body).toBe('<p>Xin <a>chào</a></p><a href="https://dichvucong.gov.vn" rel="noopener noreferrer">DVC</a>');
    v = (await author.post(`/api/v1/studio/modules/${v.modules[0]!.id}/lessons`, { kind: 'text', title: 'X', body: '<svg onload=alert(1)><p style="x:expression(1)">ok</p>' }).expect(201)).body;
    expect(lessonOf(v, 'X').body).toBe('');
    v = (await author.put(`/api/v1/studio/versions/${v.id}/translations/en`, { lessons: [{ id: t1.id, title: 'T1 en', body: '<p>Hi<script>x</script></p>' }] }).expect(200)).body;
    expect(lessonOf(v, 'T1').translations).toEqual({ en: { title: 'T1 en', body: '<p>Hi</p>' } });
    const stored = (await db.query(`SELECT body FROM lessons WHERE id = $1`, [t1.id])) as { body: string }[];
    expect(stored[0]!.body).not.toMatch(/script|onclick|javascript/);
  });

  it('maps lessons to competencies through @hocso/curriculum and shows a draft\'s coverage', async () => {
    let v = await courseWithLessons();
    const t1 = lessonOf(v, 'T1');
    v = (await author.put(`/api/v1/studio/lessons/${t1.id}/competencies`, { competencies: [{ competency: 'digcomp-2.2:4.2', level: 2 }] }).expect(200)).body;
    expect(lessonOf(v, 'T1').competencies).toEqual([expect.objectContaining({ competencyRef: 'digcomp-2.2:4.2', level: 2 })]);
    const bad = await author.put(`/api/v1/studio/lessons/${t1.id}/competencies?lang=en`, { competencies: [{ competency: 'digcomp-2.2:9.9', level: 2 }] }).expect(400);
    expect(bad.body.details[0].field).toMatch(/items\[0\]/);
    const coverage = (await author.get(`/api/v1/studio/versions/${v.id}/coverage?targetGroup=citizens`).expect(200)).body as { course: { versionNumber: number }; taught: string[] };
    expect(coverage.course.versionNumber).toBe(1);
    expect(coverage.taught.length).toBeGreaterThan(0);
  });

  it('accepts a cover image checked by its bytes, at most 2 MB', async () => {
    const v = await createCourse();
    const set = (await author.putRaw(`/api/v1/studio/versions/${v.id}/cover`, 'image/png', PNG).expect(200)).body as Version;
    expect(set.coverImageUrl).toMatch(new RegExp(`^/api/v1/course-covers/${v.id}/[0-9a-f]{16}\\.png$`));
    const image = await request(api.url).get(set.coverImageUrl!).expect(200);
    expect(image.headers['content-type']).toBe('image/png');
    await author.putRaw(`/api/v1/studio/versions/${v.id}/cover`, 'image/png', Buffer.from('<html><script>alert(1)</script></html>')).expect(415);
    await author.putRaw(`/api/v1/studio/versions/${v.id}/cover`, 'image/jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2 * 1024 * 1024)])).expect(413);
  });

  it('links a video lesson to a media asset', async () => {
    let v = await courseWithLessons();
    const assetId = randomUUID();
    await db.query(`INSERT INTO media_assets (id) VALUES ($1)`, [assetId]);
    v = (await author.patch(`/api/v1/studio/lessons/${lessonOf(v, 'V1').id}`, { mediaAssetId: assetId }).expect(200)).body;
    expect(lessonOf(v, 'V1').mediaAssetId).toBe(assetId);
    await author.patch(`/api/v1/studio/lessons/${lessonOf(v, 'T1').id}`, { mediaAssetId: assetId }).expect(400);
    await author.patch(`/api/v1/studio/lessons/${lessonOf(v, 'V1').id}`, { mediaAssetId: randomUUID() }).expect(400);
  });

  it('runs the review: submit, comments, reject with comments back to draft, approve publishes into the catalog (audited)', async () => {
    let v = await courseWithLessons();
    const empty = await createCourse();
    await author.post(`/api/v1/studio/versions/${empty.id}/submit`, {}).expect(400);

    v = (await author.post(`/api/v1/studio/versions/${v.id}/submit`, { comment: 'Nhờ duyệt' }).expect(200)).body;
    expect(v.status).toBe('in_review');
    await author.patch(`/api/v1/studio/versions/${v.id}`, { title: 'x' }).expect(409);
    const queue = (await reviewer.get('/api/v1/reviews').expect(200)).body as { items: { versionId: string; authors: string[] }[] };
    expect(queue.items.map((i) => i.versionId)).toContain(v.id);
    await author.get('/api/v1/reviews').expect(403);

    const comment = (await reviewer.post(`/api/v1/reviews/${v.id}/comments`, { body: 'Bài T1 ngắn quá' }).expect(201)).body as { id: string };
    await author.post(`/api/v1/studio/versions/${v.id}/comments`, { body: 'Sẽ thêm', parentId: comment.id }).expect(201);
    await reviewer.post(`/api/v1/reviews/${v.id}/reject`, {}).expect(400);
    v = (await reviewer.post(`/api/v1/reviews/${v.id}/reject`, { comment: 'Thêm ví dụ vào T1' }).expect(200)).body;
    expect(v.status).toBe('draft');
    const thread = (await author.get(`/api/v1/studio/versions/${v.id}/comments`).expect(200)).body as { items: { kind: string; body: string; parentId: string | null }[] };
    expect(thread.items.map((c) => [c.kind, c.body])).toEqual([
      ['submission', 'Nhờ duyệt'],
      ['comment', 'Bài T1 ngắn quá'],
      ['comment', 'Sẽ thêm'],
      ['rejection', 'Thêm ví dụ vào T1'],
    ]);
    expect(thread.items[2]!.parentId).toBe(comment.id);
    await reviewer.post(`/api/v1/reviews/${v.id}/approve`, {}).expect(409);

    v = await publish(v);
    expect(v.status).toBe('published');
    const catalog = (await request(api.url).get('/api/v1/courses?limit=100').expect(200)).body as { items: { slug: string }[] };
    expect(catalog.items.map((c) => c.slug)).toContain(v.slug);
    expect(await auditOf(db, reviewerPerson.id, 'course.approve')).toEqual(expect.arrayContaining([expect.objectContaining({ subjectId: v.id })]));
    expect((await auditOf(db, reviewerPerson.id, 'course.reject')).length).toBeGreaterThan(0);
  });

  it('refuses a reviewer approving a course they author', async () => {
    const both = await createPerson(db, { roles: [{ role: 'author' }, { role: 'reviewer' }] });
    const c = client(api.url, both);
    let v = (await c.post('/api/v1/studio/courses', { title: 'Tự duyệt', summary: '', language: 'vi', targetGroups: [], level: 'basic', estimatedMinutes: 5 }).expect(201)).body as Version;
    v = (await c.post(`/api/v1/studio/versions/${v.id}/modules`, { title: 'M' }).expect(201)).body;
    await c.post(`/api/v1/studio/modules/${v.modules[0]!.id}/lessons`, { kind: 'text', title: 'L' }).expect(201);
    await c.post(`/api/v1/studio/versions/${v.id}/submit`, {}).expect(200);
    await c.post(`/api/v1/reviews/${v.id}/approve`, {}).expect(403);
  });

  it('keeps a published version immutable (409 and a DB trigger); a new draft copies it keeping keys; the changelog names the changes', async () => {
    let v1 = await courseWithLessons();
    const t1 = lessonOf(v1, 'T1');
    await author.put(`/api/v1/studio/lessons/${t1.id}/competencies`, { competencies: [{ competency: 'digcomp-2.2:4.2', level: 2 }] }).expect(200);
    const assetId = randomUUID();
    await db.query(`INSERT INTO media_assets (id) VALUES ($1)`, [assetId]);
    await author.patch(`/api/v1/studio/lessons/${lessonOf(v1, 'V1').id}`, { mediaAssetId: assetId }).expect(200);
    await author.put(`/api/v1/studio/versions/${v1.id}/translations/en`, { title: 'Course EN', modules: [{ id: v1.modules[0]!.id, title: 'M1 EN' }] }).expect(200);
    v1 = await publish(v1);

    const refused = await author.patch(`/api/v1/studio/lessons/${t1.id}`, { title: 'x' }).expect(409);
    expect(refused.body.message).toMatch(/published and cannot be changed.*new draft/);
    await author.patch(`/api/v1/studio/versions/${v1.id}`, { title: 'x' }).expect(409);
    await author.delete(`/api/v1/studio/lessons/${t1.id}`).expect(409);
    await author.post(`/api/v1/studio/versions/${v1.id}/modules`, { title: 'x' }).expect(409);
    await author.put(`/api/v1/studio/versions/${v1.id}/order`, { modules: [] }).expect(409);
    await author.delete(`/api/v1/studio/courses/${v1.courseId}`).expect(409);
    await expect(db.query(`UPDATE lessons SET title = 'x' WHERE id = $1`, [t1.id])).rejects.toThrow(/published/);
    await expect(db.query(`UPDATE course_versions SET title = 'x' WHERE id = $1`, [v1.id])).rejects.toThrow(/published/);

    let v2 = (await author.post(`/api/v1/studio/courses/${v1.courseId}/drafts`).expect(201)).body as Version;
    await author.post(`/api/v1/studio/courses/${v1.courseId}/drafts`).expect(409);
    expect(v2).toMatchObject({ versionNumber: 2, status: 'draft', parentVersionId: v1.id, title: v1.title });
    expect(v2.translations).toEqual({ en: { title: 'Course EN' } });
    const shape = (v: Version) => v.modules.map((m) => [m.moduleKey, m.title, m.lessons.map((l) => [l.lessonKey, l.title, l.body, l.mediaAssetId, l.competencies.map((c) => c.competencyRef)])]);
    expect(shape(v2)).toEqual(shape(v1));
    expect(v2.modules[0]!.id).not.toBe(v1.modules[0]!.id);

    // change the draft: rename T1, remove T2, add a quiz, change the summary
    v2 = (await author.patch(`/api/v1/studio/lessons/${lessonOf(v2, 'T1').id}`, { title: 'T1 mới', body: '<p>Mới</p>' }).expect(200)).body;
    v2 = (await author.delete(`/api/v1/studio/lessons/${lessonOf(v2, 'T2').id}`).expect(200)).body;
    v2 = (await author.post(`/api/v1/studio/modules/${v2.modules[1]!.id}/lessons`, { kind: 'quiz', title: 'Q' }).expect(201)).body;
    v2 = (await author.patch(`/api/v1/studio/versions/${v2.id}`, { summary: 'Tóm tắt mới' }).expect(200)).body;

    const log = (await author.get(`/api/v1/studio/versions/${v2.id}/changelog`).expect(200)).body;
    expect(log).toMatchObject({ fromVersion: 1, toVersion: 2, courseFields: ['summary'] });
    expect(log.lessons.added).toEqual([expect.objectContaining({ title: 'Q' })]);
    expect(log.lessons.removed).toEqual([expect.objectContaining({ key: lessonOf(v1, 'T2').lessonKey, title: 'T2' })]);
    expect(log.lessons.changed).toEqual([{ key: t1.lessonKey, title: 'T1 mới', moduleKey: v1.modules[0]!.moduleKey, fields: ['body', 'title'] }]);
    expect((await reviewer.get(`/api/v1/reviews/${v2.id}/changelog`).expect(200)).body).toEqual(log);

    // v1 stays what it was; the catalog shows v2 once published, and learners can read the changelog
    v2 = await publish(v2);
    const old = (await author.get(`/api/v1/studio/versions/${v1.id}`).expect(200)).body as Version;
    expect(old.status).toBe('published');
    expect(lessonOf(old, 'T2').title).toBe('T2');
    const listed = (await request(api.url).get('/api/v1/courses?limit=100').expect(200)).body as { items: { slug: string; summary: string }[] };
    expect(listed.items.find((c) => c.slug === v1.slug)?.summary).toBe('Tóm tắt mới');
    const publicLog = (await request(api.url).get(`/api/v1/courses/${v1.slug}/changelog`).expect(200)).body;
    expect(publicLog).toMatchObject({ fromVersion: 1, toVersion: 2 });
    expect(publicLog.lessons.changed[0].fields).toEqual(['body', 'title']);
  });

  it('translates texts per language; preview and catalog pick the language with a fallback', async () => {
    let v = await courseWithLessons();
    const [m1] = v.modules;
    const t1 = lessonOf(v, 'T1');
    await author.put(`/api/v1/studio/versions/${v.id}/translations/vi`, { title: 'x' }).expect(400);
    v = (
      await author
        .put(`/api/v1/studio/versions/${v.id}/translations/en`, {
          title: 'Safe phone',
          summary: '',
          modules: [{ id: m1!.id, title: 'Module one' }],
          lessons: [{ id: t1.id, title: 'Lesson one' }],
        })
        .expect(200)
    ).body;
    expect(v.translations).toEqual({ en: { title: 'Safe phone' } });
    const en = (await author.get(`/api/v1/studio/versions/${v.id}/preview?lang=en`).expect(200)).body;
    expect(en).toMatchObject({ language: 'en', languages: ['vi', 'en'], title: 'Safe phone', summary: 'Tóm tắt' });
    expect(en.modules[0]).toMatchObject({ title: 'Module one' });
    expect(en.modules[0].lessons.map((l: { title: string; body: string }) => [l.title, l.body])).toEqual([
      ['Lesson one', '<p>Một</p>'],
      ['V1', null],
    ]);
    expect(en.modules[1].title).toBe('M2');
    const vi = (await author.get(`/api/v1/studio/versions/${v.id}/preview`).expect(200)).body;
    expect(vi).toMatchObject({ language: 'vi', title: v.title });
    // removing a language's texts
    v = (await author.put(`/api/v1/studio/versions/${v.id}/translations/en`, { title: '', lessons: [{ id: t1.id, title: '' }] }).expect(200)).body;
    expect(v.translations).toEqual({});
    expect(lessonOf(v, 'T1').translations).toEqual({});
    await author.put(`/api/v1/studio/versions/${v.id}/translations/en`, { title: 'Safe phone' }).expect(200);
    v = await publish(v);
    const catalogEn = (await request(api.url).get('/api/v1/courses?limit=100&lang=en').expect(200)).body as { items: { slug: string; title: string; language: string }[] };
    expect(catalogEn.items.find((c) => c.slug === v.slug)).toMatchObject({ title: 'Safe phone', language: 'en' });
  });
});
