import { getDataSourceToken } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import type { INestApplicationContext } from '@nestjs/common';
import { ArchiveImportService } from '../../apps/api/src/modules/archives/archive-import.service';
import { demoCaptions, renderDemoVideo } from '../../apps/api/src/modules/content/demo-video';
import { MediaService } from '../../apps/api/src/modules/media/media.service';
import request from 'supertest';
import { cookieName } from '../../apps/api/src/modules/identity/cookies';
import { CSRF_HEADER } from '../../apps/api/src/modules/identity/session.guard';
import { SESSION_COOKIE } from '../../apps/api/src/modules/identity/sessions.service';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../../apps/api/src/queue/queues';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { as, createPerson, tag, type TestPerson } from '../support/scope-fixtures';

interface ZipInput {
  name: string;
  data: Buffer | string;
  mode?: number;
  compress?: boolean;
}

function zipOf(entries: ZipInput[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data), e.name, { mode: e.mode ?? 0o100644, compress: e.compress ?? true });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Replaces every occurrence of a name in the zip's headers by another of the same byte length (what yazl would refuse to write). */
function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  if (a.length !== b.length) throw new Error('same length needed');
  const out = Buffer.from(zip);
  for (let i = out.indexOf(a); i !== -1; i = out.indexOf(a, i + 1)) b.copy(out, i);
  return out;
}

/** Sets the uncompressed size the central directory declares for the entry named `name`. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let i = out.indexOf(sig); i !== -1; i = out.indexOf(sig, i + 1)) {
    const nameLength = out.readUInt16LE(i + 28);
    if (out.subarray(i + 46, i + 46 + nameLength).toString() === name) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function courseJson(slug: string, overrides: Record<string, unknown> = {}, lessonOverrides: Record<string, unknown> = {}) {
  return {
    course: {
      slug,
      language: 'vi',
      title: `Khoá học nhập ${slug}`,
      summary: 'Tóm tắt',
      translations: { en: { title: `Imported course ${slug}`, summary: 'Summary' } },
      targetGroups: ['citizens'],
      level: 'basic',
      estimatedMinutes: 5,
      sequential: false,
      sourceVersionNumber: 1,
      coverImage: null,
      ...overrides,
    },
    modules: [
      {
        title: 'Chương 1',
        translations: { en: { title: 'Chapter 1' } },
        lessons: [
          {
            kind: 'text',
            title: 'Bài 1',
            body: '<p>Nội dung <strong>an toàn</strong></p><script>alert(1)</script><a href="javascript:alert(2)" onclick="x()">link</a>',
            estimatedMinutes: 5,
            completionPercent: 90,
            translations: { en: { title: 'Lesson 1', body: '<p onmouseover="steal()">Safe content</p>' } },
            competencies: [{ competencyRef: 'digcomp-2.2:4.2', level: 2, frameworkVersion: '2.2.0' }],
            video: null,
            ...lessonOverrides,
          },
        ],
      },
    ],
  };
}

/** A well-formed archive of the given files (course.json and any others), with a correct manifest unless told otherwise. */
async function archiveOf(files: { name: string; data: Buffer | string }[], manifestOverrides: Record<string, unknown> = {}, extra: ZipInput[] = []): Promise<Buffer> {
  const manifest = {
    format: 'hocso-course-archive',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    generator: 'test',
    files: files.map((f) => ({ path: f.name, size: Buffer.byteLength(f.data), sha256: sha256(f.data) })),
    ...manifestOverrides,
  };
  return zipOf([{ name: 'manifest.json', data: JSON.stringify(manifest) }, ...files, ...extra]);
}

describe('course archives (real API, PostgreSQL, storage)', () => {
  let api: RunningApi;
  let db: DataSource;
  let author: TestPerson;
  let learner: TestPerson;
  let workDir: string;
  let storageDir: string;
  let importer: ArchiveImportService;
  let worker: INestApplicationContext;
  const prefix = ownQueuePrefix('archives');

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'hocso-archives-test-work-'));
    storageDir = await mkdtemp(join(tmpdir(), 'hocso-archives-test-storage-'));
    const overrides = { MEDIA_WORK_DIR: workDir, STORAGE_DIR: storageDir, QUEUE_PREFIX: prefix };
    api = await startApi(overrides);
    worker = await startWorker(overrides);
    db = api.app.get<DataSource>(getDataSourceToken());
    importer = api.app.get(ArchiveImportService);
    author = await createPerson(db, { roles: [{ role: 'author' }] });
    learner = await createPerson(db);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await deleteKeysWithPrefix(prefix);
    await rm(workDir, { recursive: true, force: true });
    await rm(storageDir, { recursive: true, force: true });
  });

  /** POST raw bytes as the person (session cookie and CSRF header), like the web client does. */
  const rawPost = (path: string, body: Buffer | string, contentType: string, person: TestPerson = author) =>
    request(api.url)
      .post(path)
      .set('cookie', `${cookieName(SESSION_COOKIE, false)}=${person.token}`)
      .set(CSRF_HEADER, person.csrfToken!)
      .set('content-type', contentType)
      .send(body);
  const upload = (zip: Buffer, person: TestPerson = author) => rawPost('/api/v1/studio/archives?lang=en', zip, 'application/zip', person);

  async function filesUnder(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  }

  async function expectNothingLeft(slug: string) {
    const [row] = (await db.query(
      `SELECT (SELECT count(*) FROM courses WHERE slug LIKE $1 || '%')::int AS courses,
              (SELECT count(*) FROM course_versions WHERE title LIKE '%' || $1 || '%')::int AS versions`,
      [slug],
    )) as { courses: number; versions: number }[];
    expect(row).toEqual({ courses: 0, versions: 0 });
    expect(await filesUnder(join(workDir, 'archives'))).toEqual([]);
    expect(await orphanFiles()).toEqual([]);
  }

  /** Stored files no row refers to: media of assets that do not exist, covers no version uses. */
  async function orphanFiles(): Promise<string[]> {
    // a transcode of an earlier test's video may still be writing its files: let it finish (or clean up) first
    const media = api.app.get<Queue>(getQueueToken(QueueName.Media));
    await waitFor(async () => ((await media.getActiveCount()) === 0 ? true : undefined), 'running transcodes to end', 60_000);
    const assets = new Set(((await db.query(`SELECT id FROM media_assets`)) as { id: string }[]).map((r) => r.id));
    const covers = new Set(((await db.query(`SELECT cover_image_key AS key FROM course_versions WHERE cover_image_key IS NOT NULL`)) as { key: string }[]).map((r) => r.key));
    return (await filesUnder(storageDir))
      .map((file) => file.slice(storageDir.length + 1))
      .filter((key) => {
        const [top, id] = key.split('/');
        if (top === 'media') return !assets.has(id!);
        if (top === 'covers') return !covers.has(key);
        // this worker's sweeps also issue certificates (and reports) for rows other test files write into the
        // shared database; an import never writes there
        if (top === 'certificates' || top === 'reports') return false;
        return true;
      });
  }

  async function createCourse(slug: string) {
    const [{ id: courseId }] = (await db.query(`INSERT INTO courses (slug) VALUES ($1) RETURNING id`, [slug])) as { id: string }[];
    await db.query(`INSERT INTO course_authors (course_id, user_id) VALUES ($1, $2)`, [courseId, author.id]);
    const [{ id: versionId }] = (await db.query(
      `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, translations, target_groups, level, estimated_minutes, sequential, published_at)
       VALUES ($1, 1, 'published', 'vi', 'Khoá gốc', 'Tóm tắt gốc', $2, '{citizens,workers}', 'basic', 12, true, now()) RETURNING id`,
      [courseId, JSON.stringify({ en: { title: 'Original course', summary: 'Original summary' } })],
    )) as { id: string }[];
    for (const [m, title] of ['Mở đầu', 'Thực hành'].entries()) {
      const [{ id: moduleId }] = (await db.query(`INSERT INTO course_modules (version_id, position, title, translations) VALUES ($1, $2, $3, $4) RETURNING id`, [
        versionId,
        m + 1,
        title,
        JSON.stringify({ en: { title: `Module ${m + 1}` } }),
      ])) as { id: string }[];
      for (const l of [1, 2]) {
        const [{ id: lessonId }] = (await db.query(
          `INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes, completion_percent, translations) VALUES ($1, $2, 'text', $3, $4, 3, 80, $5) RETURNING id`,
          [moduleId, l, `Bài ${m + 1}.${l}`, `<p>Nội dung ${m + 1}.${l} <strong>đậm</strong></p>`, JSON.stringify({ en: { title: `Lesson ${m + 1}.${l}`, body: `<p>Body ${m + 1}.${l}</p>` } })],
        )) as { id: string }[];
        await db.query(`INSERT INTO lesson_competencies (lesson_id, competency_ref, level, framework_version) VALUES ($1, 'digcomp-2.2:4.2', $2, '2.2.0')`, [lessonId, l]);
      }
    }
    return courseId;
  }

  async function contentOf(courseId: string) {
    return db.query(
      `SELECT v.language, v.title, v.summary, v.translations, v.target_groups, v.level, v.estimated_minutes, v.sequential,
              m.position AS module_position, m.title AS module_title, m.translations AS module_translations,
              l.position, l.kind, l.title AS lesson_title, l.body, l.estimated_minutes AS lesson_minutes, l.completion_percent, l.translations AS lesson_translations,
              (SELECT json_agg(json_build_object('ref', c.competency_ref, 'level', c.level, 'fv', c.framework_version) ORDER BY c.competency_ref)
                 FROM lesson_competencies c WHERE c.lesson_id = l.id) AS competencies
         FROM course_versions v JOIN course_modules m ON m.version_id = v.id JOIN lessons l ON l.module_id = m.id
        WHERE v.course_id = $1 ORDER BY m.position, l.position`,
      [courseId],
    );
  }

  it('exports a course version and imports it back as a new draft course with equal content and a new slug', async () => {
    const slug = `luu-tru-${tag()}`;
    const courseId = await createCourse(slug);
    const res = await as(api.url, author).get(`/api/v1/studio/courses/${courseId}/archive`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`${slug}-v1.zip`);
    const zip = res.body as Buffer;

    const imported = await upload(zip).expect(201);
    expect(imported.body).toMatchObject({ slug: `${slug}-2`, title: 'Khoá gốc', lessonCount: 4, videoCount: 0 });
    const [version] = (await db.query(`SELECT status, version_number, created_by FROM course_versions WHERE id = $1`, [imported.body.versionId])) as {
      status: string;
      version_number: number;
      created_by: string;
    }[];
    expect(version).toEqual({ status: 'draft', version_number: 1, created_by: author.id });
    expect(await contentOf(imported.body.courseId)).toEqual(await contentOf(courseId));
    const authors = (await db.query(`SELECT user_id FROM course_authors WHERE course_id = $1`, [imported.body.courseId])) as { user_id: string }[];
    expect(authors).toEqual([{ user_id: author.id }]);
    expect(await filesUnder(join(workDir, 'archives'))).toEqual([]);
  });

  it('only lets the course\'s authors and administrators export (others: 404 or 403)', async () => {
    const courseId = await createCourse(`rieng-${tag()}`);
    const otherAuthor = await createPerson(db, { roles: [{ role: 'author' }] });
    const admin = await createPerson(db, { roles: [{ role: 'administrator' }] });
    await as(api.url, otherAuthor).get(`/api/v1/studio/courses/${courseId}/archive`).expect(404);
    await as(api.url, learner).get(`/api/v1/studio/courses/${courseId}/archive`).expect(403);
    await as(api.url, admin).get(`/api/v1/studio/courses/${courseId}/archive?version=1`).expect(200);
    await as(api.url, admin).get(`/api/v1/studio/courses/${courseId}/archive?version=7`).expect(404);
    await as(api.url).get(`/api/v1/studio/courses/${courseId}/archive`).expect(401);
    await upload(Buffer.from('PK'), learner).expect(403);
  });

  it('re-sanitises lesson bodies and their translations on import', async () => {
    const slug = `lam-sach-${tag()}`;
    const course = JSON.stringify(courseJson(slug));
    const res = await upload(await archiveOf([{ name: 'course.json', data: course }])).expect(201);
    const [lesson] = (await db.query(
      `SELECT l.body, l.translations FROM lessons l JOIN course_modules m ON m.id = l.module_id WHERE m.version_id = $1`,
      [res.body.versionId],
    )) as { body: string; translations: Record<string, { body: string }> }[];
    expect(lesson.body).toBe('<p>Nội dung <strong>an toàn</strong></p><a>link</a>');
    expect(lesson.translations.en.body).toBe('<p>Safe content</p>');
  });

  async function downloadArchive(courseId: string, person: TestPerson = author): Promise<Buffer> {
    const res = await as(api.url, person).get(`/api/v1/studio/courses/${courseId}/archive`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  }

  /** A course whose first module gets a video lesson (a 10 s clip made with ffmpeg, captions in vi and en). */
  async function courseWithVideo(slug: string) {
    const courseId = await createCourse(slug);
    const media = api.app.get(MediaService);
    const dir = await mkdtemp(join(tmpdir(), 'hocso-archives-test-video-'));
    const cards = [{ vi: 'Xin chào các bạn', en: 'Hello everyone' }, { vi: 'Hẹn gặp lại', en: 'See you' }];
    const assetId = await media.ingestLocalFile(await renderDemoVideo(cards, dir), { ownerId: author.id, filename: 'chao.mp4' });
    await rm(dir, { recursive: true, force: true });
    await media.putCaptions(assetId, 'vi', demoCaptions(cards, 'vi'));
    await media.putCaptions(assetId, 'en', demoCaptions(cards, 'en'));
    const [{ id: moduleId }] = (await db.query(
      `SELECT m.id FROM course_modules m JOIN course_versions v ON v.id = m.version_id WHERE v.course_id = $1 AND m.position = 1`,
      [courseId],
    )) as { id: string }[];
    const [{ id: lessonId }] = (await db.query(
      `INSERT INTO lessons (module_id, position, kind, title, estimated_minutes, completion_percent, media_asset_id) VALUES ($1, 3, 'video', 'Video chào', 1, 75, $2) RETURNING id`,
      [moduleId, assetId],
    )) as { id: string }[];
    await db.query(`INSERT INTO lesson_competencies (lesson_id, competency_ref, level, framework_version) VALUES ($1, 'digcomp-2.2:4.1', 1, '2.2.0')`, [lessonId]);
    return { courseId, assetId, captions: { vi: demoCaptions(cards, 'vi'), en: demoCaptions(cards, 'en') } };
  }

  it('carries a video lesson over: the original is re-ingested (transcoded again by the media queue) with its captions', async () => {
    const slug = `video-${tag()}`;
    const { courseId, assetId, captions } = await courseWithVideo(slug);
    const imported = await upload(await downloadArchive(courseId)).expect(201);
    expect(imported.body).toMatchObject({ lessonCount: 5, videoCount: 1 });
    expect(await contentOf(imported.body.courseId)).toEqual(await contentOf(courseId));
    const [lesson] = (await db.query(
      `SELECT l.media_asset_id FROM lessons l JOIN course_modules m ON m.id = l.module_id WHERE m.version_id = $1 AND l.kind = 'video'`,
      [imported.body.versionId],
    )) as { media_asset_id: string }[];
    expect(lesson.media_asset_id).toBeTruthy();
    expect(lesson.media_asset_id).not.toBe(assetId);
    const [asset] = (await db.query(`SELECT owner_id, original_filename FROM media_assets WHERE id = $1`, [lesson.media_asset_id])) as { owner_id: string; original_filename: string }[];
    expect(asset).toEqual({ owner_id: author.id, original_filename: 'chao.mp4' });
    const tracks = (await db.query(`SELECT language, storage_key FROM media_captions WHERE asset_id = $1 ORDER BY language`, [lesson.media_asset_id])) as {
      language: string;
      storage_key: string;
    }[];
    expect(tracks.map((t) => t.language)).toEqual(['en', 'vi']);
    for (const t of tracks) expect(await (await import('node:fs/promises')).readFile(join(storageDir, t.storage_key), 'utf8')).toBe(captions[t.language as 'vi' | 'en']);
    await waitFor(
      async () => {
        const [row] = (await db.query(`SELECT status FROM media_assets WHERE id = $1`, [lesson.media_asset_id])) as { status: string }[];
        if (row?.status === 'failed') throw new Error('the imported video failed to transcode');
        return row?.status === 'ready' ? true : undefined;
      },
      'the imported video to be transcoded',
      120_000,
    );
  }, 180_000);

  it('a failure after the video was stored removes the new asset, its files and every row (nothing left behind)', async () => {
    const slug = `rollback-${tag()}`;
    const { courseId } = await courseWithVideo(slug);
    const zip = await downloadArchive(courseId);
    const assetsBefore = (await db.query(`SELECT id FROM media_assets ORDER BY id`)) as { id: string }[];
    const spy = jest.spyOn(importer as unknown as { insertCourse: () => Promise<never> }, 'insertCourse').mockRejectedValueOnce(new Error('database went away'));
    try {
      const res = await upload(zip);
      expect(res.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(await db.query(`SELECT id FROM media_assets ORDER BY id`)).toEqual(assetsBefore);
    expect(await orphanFiles()).toEqual([]);
    expect(await db.query(`SELECT slug FROM courses WHERE slug LIKE $1`, [`${slug}-%`])).toEqual([]);
    expect(await filesUnder(join(workDir, 'archives'))).toEqual([]);
  }, 60_000);

  it('carries a quiz lesson over: its quiz settings and the bank items its blueprint draws', async () => {
    const slug = `quiz-${tag()}`;
    const courseId = await createCourse(slug);
    const [{ id: moduleId }] = (await db.query(
      `SELECT m.id FROM course_modules m JOIN course_versions v ON v.id = m.version_id WHERE v.course_id = $1 AND m.position = 2`,
      [courseId],
    )) as { id: string }[];
    const [{ id: lessonId, lesson_key: lessonKey }] = (await db.query(
      `INSERT INTO lessons (module_id, position, kind, title, estimated_minutes) VALUES ($1, 3, 'quiz', 'Kiểm tra', 5) RETURNING id, lesson_key`,
      [moduleId],
    )) as { id: string; lesson_key: string }[];
    await db.query(`INSERT INTO lesson_competencies (lesson_id, competency_ref, level, framework_version) VALUES ($1, 'digcomp-2.2:4.2', 7, '2.2.0')`, [lessonId]);
    const stem = `<p>Câu hỏi ${slug}</p>`;
    await db.query(
      `INSERT INTO assessment_items (kind, competency_ref, level, framework_version, stem, options, answer_key, author_id)
       VALUES ('true_false', 'digcomp-2.2:4.2', 7, '2.2.0', $1, '[]', '{"correctBoolean": true}', $2)`,
      [stem, author.id],
    );
    await db.query(`INSERT INTO quizzes (lesson_key, title, pass_percent, blueprint) VALUES ($1, 'Kiểm tra nhanh', 80, $2)`, [
      lessonKey,
      JSON.stringify([{ competencyRef: 'digcomp-2.2:4.2', level: 7, count: 1 }]),
    ]);
    const imported = await upload(await downloadArchive(courseId)).expect(201);
    const [quiz] = (await db.query(
      `SELECT q.title, q.pass_percent, q.blueprint, q.created_by FROM quizzes q JOIN lessons l ON l.lesson_key = q.lesson_key
         JOIN course_modules m ON m.id = l.module_id WHERE m.version_id = $1`,
      [imported.body.versionId],
    )) as unknown[];
    expect(quiz).toEqual({ title: 'Kiểm tra nhanh', pass_percent: 80, blueprint: [{ competencyRef: 'digcomp-2.2:4.2', level: 7, count: 1 }], created_by: author.id });
    const copies = (await db.query(`SELECT author_id, answer_key FROM assessment_items WHERE stem = $1 ORDER BY created_at`, [stem])) as unknown[];
    expect(copies).toHaveLength(2);
    expect(copies[1]).toEqual({ author_id: author.id, answer_key: { correctBoolean: true } });
  }, 60_000);

  describe('refuses hostile archives with a clear message and leaves nothing behind', () => {
    const cases: [string, RegExp, (slug: string) => Promise<Buffer>, number?][] = [
      ['a file that is not a zip', /not a valid \.zip.*\[not_a_zip\]/, async () => Buffer.from('<html>not a zip</html>')],
      [
        'an absolute path',
        /Entry "\/etc\/evil" has an absolute path.*\[absolute_path\]/,
        async (slug) => renameInZip(await archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, [{ name: 'aaaa/evil', data: 'x' }]), 'aaaa/evil', '/etc/evil'),
      ],
      [
        '".." traversal',
        /points outside the archive.*\[path_traversal\]/,
        async (slug) => renameInZip(await archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, [{ name: 'zz/zz/evil.sh', data: 'x' }]), 'zz/zz/evil.sh', '../../evil.sh'),
      ],
      [
        'a backslash in a name',
        /backslash.*\[backslash\]/,
        async (slug) => renameInZip(await archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, [{ name: 'aa/evil', data: 'x' }]), 'aa/evil', 'aa\\evil'),
      ],
      [
        'a symbolic link',
        /Entry "link" is a symbolic link.*\[symlink\]/,
        async (slug) => archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, [{ name: 'link', data: '/etc/passwd', mode: 0o120777 }]),
      ],
      [
        'a duplicate entry',
        /"course.json" appears twice.*\[duplicate_entry\]/,
        async (slug) => {
          const course = JSON.stringify(courseJson(slug));
          return archiveOf([{ name: 'course.json', data: course }], {}, [{ name: 'course.json', data: course }]);
        },
      ],
      [
        'too many entries',
        /too many entries.*\[too_many_entries\]/,
        async (slug) =>
          archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, Array.from({ length: 2001 }, (_, i) => ({ name: `f/${i}.txt`, data: '' }))),
      ],
      [
        'a declared size over the limit',
        /"big.bin" is over the size limit.*\[entry_too_large\]/,
        async (slug) => declareSize(await archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, [{ name: 'big.bin', data: 'tiny' }]), 'big.bin', 0xfffffff0),
      ],
      [
        'more bytes than the header declares',
        /"liar.bin" does not have the size its header declares.*\[size_mismatch\]/,
        async (slug) =>
          declareSize(await archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, [{ name: 'liar.bin', data: Buffer.alloc(200_000, 7), compress: false }]), 'liar.bin', 10),
      ],
      [
        'a zip bomb (suspicious compression ratio)',
        /"bomb.bin" has a suspicious compression ratio.*\[compression_ratio\]/,
        async (slug) => archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, [{ name: 'bomb.bin', data: Buffer.alloc(30 * 1024 * 1024) }]),
      ],
      [
        'a zip bomb that lies about its size',
        /\[(size_mismatch|compression_ratio)\]/,
        async (slug) =>
          declareSize(await archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, [{ name: 'bomb.bin', data: Buffer.alloc(30 * 1024 * 1024) }]), 'bomb.bin', 20_000),
      ],
      [
        'a checksum mismatch',
        /checksum of "course.json" does not match.*\[checksum_mismatch\]/,
        async (slug) => {
          const course = JSON.stringify(courseJson(slug));
          return zipOf([
            { name: 'manifest.json', data: JSON.stringify({ format: 'hocso-course-archive', formatVersion: 1, createdAt: 'x', generator: 't', files: [{ path: 'course.json', size: course.length, sha256: sha256('other') }] }) },
            { name: 'course.json', data: course },
          ]);
        },
      ],
      [
        'a file not listed in the manifest',
        /"extra.txt" is not listed.*\[unlisted_entry\]/,
        async (slug) => archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, [{ name: 'extra.txt', data: 'x' }]),
      ],
      ['no manifest', /no manifest.json.*\[missing_manifest\]/, async (slug) => zipOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }])],
      [
        'an unknown format',
        /not a hocso course archive.*\[unknown_format\]/,
        async (slug) => archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], { format: 'scorm' }),
      ],
      [
        'an unknown schema version',
        /format version 2 is not supported.*\[unsupported_version\]/,
        async (slug) => archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], { formatVersion: 2 }),
      ],
      [
        'a course.json that does not match the schema',
        /"course.json" does not match the schema: \/modules\/0\/lessons\/0\/kind.*\[schema_violation\]/,
        async (slug) => archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug, {}, { kind: 'exploit' })) }]),
      ],
      [
        'an invalid competency mapping',
        /Invalid competency mapping: .*Bài 1.*\[invalid_mapping\]/,
        async (slug) =>
          archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug, {}, { competencies: [{ competencyRef: 'digcomp-2.2:9.9', level: 2, frameworkVersion: '2.2.0' }] })) }]),
      ],
      [
        'a framework version this installation does not know',
        /Invalid competency mapping: .*has no version 9\.9.*\[invalid_mapping\]/,
        async (slug) =>
          archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug, {}, { competencies: [{ competencyRef: 'digcomp-2.2:4.2', level: 2, frameworkVersion: '9.9' }] })) }]),
      ],
      [
        'a quiz item mapped to an unknown competency (refused inside the transaction)',
        /Quiz items of lesson "Bài 1" are invalid: item 1: .*\[invalid_quiz\]/,
        async (slug) =>
          archiveOf([
            {
              name: 'course.json',
              data: JSON.stringify(
                courseJson(slug, {}, {
                  kind: 'quiz',
                  quiz: { items: [{ kind: 'true_false', competencyRef: 'digcomp-2.2:99.1', level: 2, frameworkVersion: '2.2.0', stem: '<p>x</p>', answerKey: { correctBoolean: true } }] },
                }),
              ),
            },
          ]),
      ],
      [
        'a referenced file that is missing',
        /"lessons\/1-1\/video.mp4" listed in manifest.json is missing.*\[missing_entry\]/,
        async (slug) =>
          archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug, {}, { kind: 'video', video: { file: 'lessons/1-1/video.mp4', filename: 'v.mp4', captions: [] } })) }]),
      ],
      [
        'a "video" that is an HTML page',
        /Media file "lessons\/1-1\/video.mp4" cannot be used.*\[invalid_media\]/,
        async (slug) =>
          archiveOf([
            { name: 'course.json', data: JSON.stringify(courseJson(slug, {}, { kind: 'video', video: { file: 'lessons/1-1/video.mp4', filename: 'v.mp4', captions: [] } })) },
            { name: 'lessons/1-1/video.mp4', data: '<!doctype html><html><script>alert(1)</script></html>' },
          ]),
      ],
      [
        'captions that are not WebVTT',
        /Captions "lessons\/1-1\/captions-vi.vtt" are invalid: line 1.*\[invalid_captions\]/,
        async (slug) =>
          archiveOf([
            {
              name: 'course.json',
              data: JSON.stringify(
                courseJson(slug, {}, { kind: 'video', video: { file: 'lessons/1-1/video.mp4', filename: 'v.mp4', captions: [{ language: 'vi', file: 'lessons/1-1/captions-vi.vtt' }] } }),
              ),
            },
            { name: 'lessons/1-1/video.mp4', data: Buffer.alloc(64) },
            { name: 'lessons/1-1/captions-vi.vtt', data: '1\n00:00 --> 00:05\nxin chào' },
          ]),
      ],
      [
        'a cover that is not an image',
        /"cover.png" cannot be used.*\[invalid_media\]/,
        async (slug) =>
          archiveOf([
            { name: 'course.json', data: JSON.stringify(courseJson(slug, { coverImage: 'cover.png' })) },
            { name: 'cover.png', data: '<svg onload="alert(1)"></svg>' },
          ]),
      ],
    ];

    it.each(cases)('%s', async (_what, message, build) => {
      const slug = `hostile-${tag()}`;
      const res = await upload(await build(slug));
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(message);
      await expectNothingLeft(slug);
    });

    it('an upload over the size limit is refused with 413', async () => {
      const slug = `hostile-${tag()}`;
      const before = importer.limits.maxArchiveBytes;
      importer.limits.maxArchiveBytes = 1000;
      try {
        const res = await upload(await archiveOf([{ name: 'course.json', data: JSON.stringify(courseJson(slug)) }], {}, [{ name: 'pad.bin', data: Buffer.alloc(5000, 1), compress: false }]));
        expect(res.status).toBe(413);
        expect(res.body.message).toMatch(/larger than the limit.*\[archive_too_large\]/);
      } finally {
        importer.limits.maxArchiveBytes = before;
      }
      await expectNothingLeft(slug);
    });

    it('says why in Vietnamese by default, and refuses other content types', async () => {
      const res = await rawPost('/api/v1/studio/archives', Buffer.from('nope'), 'application/zip');
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/Tệp không phải là tệp \.zip hợp lệ/);
      await rawPost('/api/v1/studio/archives', '<html>', 'text/html').expect(415);
    });
  });
});
