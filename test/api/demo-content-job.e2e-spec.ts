import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ContentJobsService } from '../../apps/api/src/modules/content/content-jobs.service';
import { DemoContentService } from '../../apps/api/src/modules/content/demo-content.service';
import { DEMO_COURSES } from '../../apps/api/src/modules/content/demo-courses';
import { QueueName } from '../../apps/api/src/queue/queues';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';

const demoSlugs = DEMO_COURSES.map((c) => c.slug);

async function demoRowCounts(dataSource: DataSource) {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM courses WHERE slug = ANY($1))::int AS courses,
            (SELECT count(*) FROM course_versions v JOIN courses c ON c.id = v.course_id WHERE c.slug = ANY($1))::int AS versions,
            (SELECT count(*) FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
               JOIN courses c ON c.id = v.course_id WHERE c.slug = ANY($1))::int AS lessons`,
    [demoSlugs],
  );
  return row as { courses: number; versions: number; lessons: number };
}

describe('demo content import job (real BullMQ worker)', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  const expectedLessons = DEMO_COURSES.flatMap((c) => c.modules.flatMap((m) => m.lessons)).length;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('is enqueued by the API, processed by the worker, and its courses appear in the catalog', async () => {
    const job = await api.app.get(ContentJobsService).enqueueDemoImport();
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Content));
    await waitFor(async () => ((await queue.getJobState(job.id!)) === 'completed' ? true : undefined), 'the import job to complete');

    expect(await demoRowCounts(dataSource)).toEqual({ courses: DEMO_COURSES.length, versions: DEMO_COURSES.length, lessons: expectedLessons });

    const res = await request(api.url).get('/api/v1/courses?limit=100').expect(200);
    const slugs = (res.body.items as { slug: string }[]).map((c) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining(demoSlugs));
    const phone = res.body.items.find((c: { slug: string }) => c.slug === demoSlugs[0]);
    expect(phone).toMatchObject({ title: 'Dùng điện thoại thông minh an toàn', language: 'vi', lessonCount: 4, level: 'basic', targetGroups: ['citizens'] });
  });

  it('adding the same job again does not run it twice (deterministic job id)', async () => {
    const jobs = api.app.get(ContentJobsService);
    const first = await jobs.enqueueDemoImport();
    const second = await jobs.enqueueDemoImport();
    expect(second.id).toBe(first.id);
  });

  it('a repeated or concurrent import leaves exactly one copy (unique constraints, not job ids)', async () => {
    const service = worker.get(DemoContentService);
    const results = await Promise.all([service.importDemoCourses(), service.importDemoCourses(), service.importDemoCourses()]);
    expect(results.flatMap((r) => r.created)).toEqual([]);
    expect(await demoRowCounts(dataSource)).toEqual({ courses: DEMO_COURSES.length, versions: DEMO_COURSES.length, lessons: expectedLessons });
  });
});
