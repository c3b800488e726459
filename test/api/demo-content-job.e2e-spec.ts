import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { TARGET_GROUPS } from '../../apps/api/src/modules/catalog/course-version.entity';
import { ContentJobsService } from '../../apps/api/src/modules/content/content-jobs.service';
import { DemoContentService } from '../../apps/api/src/modules/content/demo-content.service';
import { DEMO_COURSES } from '../../apps/api/src/modules/content/demo-courses';
import { DEMO_QUIZZES } from '../../apps/api/src/modules/content/demo-quizzes';
import { QueueName } from '../../apps/api/src/queue/queues';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';

const demoSlugs = DEMO_COURSES.map((c) => c.slug);
const prefix = ownQueuePrefix('demo-content');

async function demoRowCounts(dataSource: DataSource) {
  const [row] = await dataSource.query(
    `WITH l AS (SELECT l.* FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
                  JOIN courses c ON c.id = v.course_id WHERE c.slug = ANY($1))
     SELECT (SELECT count(*) FROM courses WHERE slug = ANY($1))::int AS courses,
            (SELECT count(*) FROM course_versions v JOIN courses c ON c.id = v.course_id WHERE c.slug = ANY($1))::int AS versions,
            (SELECT count(*) FROM l)::int AS lessons,
            (SELECT count(*) FROM l WHERE kind = 'video' AND media_asset_id IS NOT NULL)::int AS linked_videos,
            (SELECT count(*) FROM media_assets a WHERE a.original_filename = ANY(SELECT s || '.mp4' FROM unnest($1::text[]) s))::int AS assets,
            (SELECT count(*) FROM media_captions mc JOIN l ON l.media_asset_id = mc.asset_id)::int AS captions,
            (SELECT count(*) FROM quizzes q JOIN l ON l.lesson_key = q.lesson_key)::int AS quizzes`,
    [demoSlugs],
  );
  return row as { courses: number; versions: number; lessons: number; linked_videos: number; assets: number; captions: number; quizzes: number };
}

describe('demo content import job (real BullMQ worker, ffmpeg, media queue)', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let storageDir: string;
  let workDir: string;
  let database: OwnDatabase;
  const lessons = DEMO_COURSES.flatMap((c) => c.modules.flatMap((m) => m.lessons));
  const expectedVideos = lessons.filter((l) => l.kind === 'video').length;
  const expected = {
    courses: DEMO_COURSES.length,
    versions: DEMO_COURSES.length,
    lessons: lessons.length,
    linked_videos: expectedVideos,
    assets: expectedVideos,
    captions: expectedVideos * 2,
    quizzes: lessons.filter((l) => l.kind === 'quiz').length,
  };

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'hocso-demo-test-storage-'));
    workDir = await mkdtemp(join(tmpdir(), 'hocso-demo-test-work-'));
    // Its own database: other test files import the demo set too, and their workers (other queues) would
    // transcode the videos they linked, or stop before they do.
    database = await createOwnDatabase('demo');
    const overrides = { DATABASE_URL: database.url, RUN_MIGRATIONS: 'true', QUEUE_PREFIX: prefix, STORAGE_DIR: storageDir, MEDIA_WORK_DIR: workDir };
    api = await startApi(overrides);
    worker = await startWorker(overrides);
    dataSource = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await database.drop();
    await deleteKeysWithPrefix(prefix);
    await rm(storageDir, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  });

  it('has a course for every target group, each with text lessons, a video lesson and a quiz lesson', () => {
    for (const group of TARGET_GROUPS) {
      const courses = DEMO_COURSES.filter((c) => c.targetGroups.includes(group));
      expect(courses.length).toBeGreaterThan(0);
    }
    expect(DEMO_COURSES.some((c) => c.targetGroups.length === 1 && c.targetGroups[0] === 'officials')).toBe(true);
    for (const course of DEMO_COURSES) {
      const kinds = course.modules.flatMap((m) => m.lessons.map((l) => l.kind));
      expect([course.slug, kinds.includes('text'), kinds.includes('video'), kinds.includes('quiz')]).toEqual([course.slug, true, true, true]);
      expect(course.translations.en?.title).toBeTruthy();
      expect(DEMO_QUIZZES[course.slug]?.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('is enqueued by the API, processed by the worker; its courses appear in the catalog and its videos get transcoded with captions', async () => {
    const job = await api.app.get(ContentJobsService).enqueueDemoImport();
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Content));
    await waitFor(async () => ((await queue.getJobState(job.id!)) === 'completed' ? true : undefined), 'the import job to complete', 120_000);

    expect(await demoRowCounts(dataSource)).toEqual(expected);

    const res = await request(api.url).get('/api/v1/courses?limit=100').expect(200);
    const slugs = (res.body.items as { slug: string }[]).map((c) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining(demoSlugs));
    const phone = res.body.items.find((c: { slug: string }) => c.slug === demoSlugs[0]);
    expect(phone).toMatchObject({ title: 'Dùng điện thoại thông minh an toàn', language: 'vi', lessonCount: 6, level: 'basic', targetGroups: ['citizens'] });

    // The media queue transcodes every demo video (tiny: 20 s at 240p).
    const videos = (await dataSource.query(
      `SELECT l.media_asset_id AS id FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
         JOIN courses c ON c.id = v.course_id WHERE c.slug = ANY($1) AND l.kind = 'video' ORDER BY c.slug = $2 DESC, c.slug`,
      [demoSlugs, demoSlugs[0]],
    )) as { id: string }[];
    await waitFor(
      async () => {
        const rows = (await dataSource.query(`SELECT status, error_message FROM media_assets WHERE id = ANY($1)`, [videos.map((v) => v.id)])) as { status: string }[];
        if (rows.some((r) => r.status === 'failed')) throw new Error(`a demo video failed: ${JSON.stringify(rows)}`);
        return rows.every((r) => r.status === 'ready') ? true : undefined;
      },
      'the demo videos to be transcoded',
      240_000,
    );
    const view = await request(api.url).get(`/api/v1/media/assets/${videos[0]!.id}`).expect(200);
    expect(view.body).toMatchObject({ status: 'ready', durationSeconds: expect.any(Number) });
    expect(view.body.durationSeconds).toBeGreaterThan(15);
    expect(view.body.durationSeconds).toBeLessThan(25);
    expect(view.body.captions.map((c: { language: string }) => c.language).sort()).toEqual(['en', 'vi']);
    expect(view.body.hlsUrl).toMatch(/master\.m3u8$/);
    const vtt = await request(api.url).get(view.body.captions.find((c: { language: string }) => c.language === 'vi').url).expect(200);
    expect(vtt.text).toContain('Dùng điện thoại thông minh an toàn');
  }, 400_000);

  it('adding the same job again does not run it twice (deterministic job id)', async () => {
    const jobs = api.app.get(ContentJobsService);
    const first = await jobs.enqueueDemoImport();
    const second = await jobs.enqueueDemoImport();
    expect(second.id).toBe(first.id);
  });

  it('a repeated or concurrent import creates nothing new (unique constraints, not job ids), and leaves no work files', async () => {
    const service = worker.get(DemoContentService);
    const itemsBefore = (await dataSource.query(`SELECT count(*)::int AS n FROM assessment_items`)) as { n: number }[];
    const results = await Promise.all([service.importDemoCourses(), service.importDemoCourses(), service.importDemoCourses()]);
    expect(results.flatMap((r) => [...r.created, ...r.videos, ...r.quizzes])).toEqual([]);
    expect(await demoRowCounts(dataSource)).toEqual(expected);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM assessment_items`)).toEqual(itemsBefore);
    const leftovers = (await readdir(workDir)).filter((name) => name.startsWith('demo-video-'));
    expect(leftovers).toEqual([]);
  }, 60_000);
});
