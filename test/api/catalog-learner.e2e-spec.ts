import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '../support/app';
import { as, createPerson } from '../support/scope-fixtures';
import { publishVersion } from './learning-fixtures';

describe('catalog for learners: filters, search, own group first, course page', () => {
  let api: RunningApi;
  let db: DataSource;
  const tag = randomUUID().slice(0, 6);
  let forWorkers: Awaited<ReturnType<typeof publishVersion>>;
  let forStudents: Awaited<ReturnType<typeof publishVersion>>;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    forWorkers = await publishVersion(db, {
      slug: `an-toan-${tag}`,
      title: `Giữ an toàn trên mạng Đường ${tag}`,
      targetGroups: ['workers'],
      level: 'intermediate',
      lessons: [{ kind: 'text', estimatedMinutes: 20 }, { kind: 'video', estimatedMinutes: 25 }],
    });
    forStudents = await publishVersion(db, { slug: `hoc-so-${tag}`, title: `Học số cho học sinh ${tag}`, targetGroups: ['students'], lessons: [{ kind: 'text', estimatedMinutes: 10 }] });
  });
  afterAll(() => api.close());

  const list = async (query: string, person?: Awaited<ReturnType<typeof createPerson>>) =>
    (await as(api.url, person).get(`/api/v1/courses?limit=100&${query}`).expect(200)).body as { items: { slug: string; forYourGroup?: boolean }[]; total: number };
  const slugs = (body: { items: { slug: string }[] }) => body.items.map((c) => c.slug).filter((s) => s.endsWith(tag));

  it('finds courses by words without Vietnamese accents, in any case', async () => {
    expect(slugs(await list(`q=${encodeURIComponent(`an toan tren MANG duong ${tag}`)}`))).toEqual([forWorkers.slug]);
    expect(slugs(await list(`q=${encodeURIComponent(`Học SỐ ${tag}`)}`))).toEqual([forStudents.slug]);
    expect(slugs(await list(`q=${encodeURIComponent(`khong-co-tu-nay ${tag}`)}`))).toEqual([]);
  });

  it('filters by level, target group, language and duration band', async () => {
    expect(slugs(await list(`level=intermediate&q=${tag}`))).toEqual([forWorkers.slug]);
    expect(slugs(await list(`targetGroup=students&q=${tag}`))).toEqual([forStudents.slug]);
    expect(slugs(await list(`duration=short&q=${tag}`))).toEqual([forStudents.slug]);
    expect(slugs(await list(`duration=medium&q=${tag}`))).toEqual([forWorkers.slug]);
    expect(slugs(await list(`minMinutes=40&maxMinutes=50&q=${tag}`))).toEqual([forWorkers.slug]);
    expect(slugs(await list(`language=en&q=${tag}`))).toEqual([]);
    expect(slugs(await list(`language=vi&q=${tag}`)).sort()).toEqual([forWorkers.slug, forStudents.slug].sort());
    await request(api.url).get('/api/v1/courses?duration=forever').expect(400);
  });

  it("puts the signed-in learner's target group first", async () => {
    const student = await createPerson(db);
    await db.query(`UPDATE users SET target_group = 'students' WHERE id = $1`, [student.id]);
    const mine = await list(`q=${tag}`, student);
    expect(slugs(mine)).toEqual([forStudents.slug, forWorkers.slug]);
    expect(mine.items.find((c) => c.slug === forStudents.slug)?.forYourGroup).toBe(true);
    const worker = await createPerson(db);
    await db.query(`UPDATE users SET target_group = 'workers' WHERE id = $1`, [worker.id]);
    expect(slugs(await list(`q=${tag}`, worker))).toEqual([forWorkers.slug, forStudents.slug]);
    // anonymous: newest first, no flag
    const anonymous = await list(`q=${tag}`);
    expect(anonymous.items.every((c) => c.forYourGroup === undefined)).toBe(true);
  });

  it('serves the course page with the outline in the asked language and the caller’s enrolment', async () => {
    const page = await request(api.url).get(`/api/v1/courses/${forWorkers.slug}?lang=en`).expect(200);
    expect(page.body).toMatchObject({
      slug: forWorkers.slug,
      versionNumber: 1,
      level: 'intermediate',
      targetGroups: ['workers'],
      estimatedMinutes: 45,
      lessonCount: 2,
      sequential: false,
      enrolment: null,
      modules: [{ position: 1, lessons: [{ kind: 'text', title: 'Lesson 1', estimatedMinutes: 20 }, { kind: 'video', title: 'Lesson 2' }] }],
    });
    const learner = await createPerson(db);
    await as(api.url, learner).post(`/api/v1/courses/${forWorkers.slug}/enrolment`).expect(201);
    const mine = await as(api.url, learner).get(`/api/v1/courses/${forWorkers.slug}`).expect(200);
    expect(mine.body.enrolment).toMatchObject({ courseId: forWorkers.courseId, version: { versionNumber: 1 }, completedAt: null });
    await request(api.url).get('/api/v1/courses/khong-co-khoa-nay').expect(404);
  });
});
