import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DemoContentService } from '../../apps/api/src/modules/content/demo-content.service';
import type { DemoCourse } from '../../apps/api/src/modules/content/demo-courses';
import { startApi, type RunningApi } from '../support/app';

/** A course of this test's own, so the assertions do not depend on other tests' data. */
function uniqueCourse(overrides: Partial<DemoCourse> = {}): DemoCourse {
  const id = randomUUID().slice(0, 8);
  return {
    slug: `catalog-test-${id}`,
    language: 'vi',
    title: `Khoá thử ${id}`,
    summary: 'Tóm tắt',
    translations: { en: { title: `Test course ${id}`, summary: 'Summary' } },
    targetGroups: ['officials'],
    level: 'intermediate',
    modules: [{ title: 'M1', lessons: [{ kind: 'text', title: 'L1', estimatedMinutes: 7, body: '<p>x</p>' }, { kind: 'text', title: 'L2', estimatedMinutes: 8, body: '<p>y</p>' }] }],
    ...overrides,
  };
}

describe('GET /api/v1/courses', () => {
  let api: RunningApi;
  let dataSource: DataSource;
  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => api.close());

  async function listAll(query = '') {
    const res = await request(api.url).get(`/api/v1/courses?limit=100${query}`).expect(200);
    return res.body as { items: { slug: string; title: string; summary: string; language: string; estimatedMinutes: number; lessonCount: number }[]; total: number };
  }

  it('lists a published course with its lesson count and time, in Vietnamese or in English when translated', async () => {
    const course = uniqueCourse();
    await api.app.get(DemoContentService).importDemoCourses([course]);

    const vi = (await listAll()).items.find((c) => c.slug === course.slug);
    expect(vi).toMatchObject({ title: course.title, language: 'vi', lessonCount: 2, estimatedMinutes: 15 });
    const en = (await listAll('&lang=en')).items.find((c) => c.slug === course.slug);
    expect(en).toMatchObject({ title: course.translations.en!.title, summary: 'Summary', language: 'en' });
  });

  it('falls back to the course language when there is no translation', async () => {
    const course = uniqueCourse({ translations: {} });
    await api.app.get(DemoContentService).importDemoCourses([course]);
    const en = (await listAll('&lang=en')).items.find((c) => c.slug === course.slug);
    expect(en).toMatchObject({ title: course.title, language: 'vi' });
  });

  it('shows only the newest published version, and never drafts', async () => {
    const course = uniqueCourse();
    await api.app.get(DemoContentService).importDemoCourses([course]);
    const [{ id: courseId }] = await dataSource.query('SELECT id FROM courses WHERE slug = $1', [course.slug]);
    await dataSource.query(
      `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, target_groups, level, estimated_minutes, published_at)
       VALUES ($1, 2, 'published', 'vi', 'Phiên bản 2', 's', '{officials}', 'basic', 10, now()),
              ($1, 3, 'draft', 'vi', 'Bản nháp 3', 's', '{officials}', 'basic', 10, NULL)`,
      [courseId],
    );
    const shown = (await listAll()).items.filter((c) => c.slug === course.slug);
    expect(shown.map((c) => c.title)).toEqual(['Phiên bản 2']);
  });

  it('filters by target group and pages with a total', async () => {
    const worker = uniqueCourse({ targetGroups: ['workers'] });
    await api.app.get(DemoContentService).importDemoCourses([worker]);
    const forOfficials = await listAll('&targetGroup=officials');
    expect(forOfficials.items.map((c) => c.slug)).not.toContain(worker.slug);
    const forWorkers = await listAll('&targetGroup=workers');
    expect(forWorkers.items.map((c) => c.slug)).toContain(worker.slug);

    const page = await request(api.url).get('/api/v1/courses?limit=1&offset=0').expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
    const beyond = await request(api.url).get(`/api/v1/courses?limit=5&offset=${page.body.total + 10}`).expect(200);
    expect(beyond.body).toEqual({ items: [], total: page.body.total });
  });

  it('refuses limits out of range', async () => {
    const res = await request(api.url).get('/api/v1/courses?limit=1000').expect(400);
    expect(res.body.details).toEqual([{ field: 'limit', message: 'limit must not be greater than 100' }]);
  });
});
