import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import * as tus from 'tus-js-client';
import type { DataSource } from 'typeorm';
import { cookieName } from '../../apps/api/src/modules/identity/cookies';
import { SESSION_COOKIE } from '../../apps/api/src/modules/identity/sessions.service';
import { MediaService } from '../../apps/api/src/modules/media/media.service';
import { LocalDiskStorage } from '../../apps/api/src/modules/media/storage/local-disk-storage';
import { JobName, QueueName, jobId } from '../../apps/api/src/queue/queues';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';
import { makeClip, makeRenamedHtml, tempDir, VALID_VTT } from '../support/media-fixtures';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { as, createPerson, type TestPerson } from '../support/scope-fixtures';

const prefix = ownQueuePrefix('media');
const clips = tempDir('media-clips');
const storageDir = tempDir('media-storage');
const workDir = tempDir('media-work');
const MAX = 20 * 1024 * 1024;
const env = { QUEUE_PREFIX: prefix, STORAGE_DIR: storageDir, MEDIA_WORK_DIR: workDir, MEDIA_MAX_UPLOAD_BYTES: String(MAX) };

const cookie = (p: TestPerson) => `${cookieName(SESSION_COOKIE, false)}=${p.token}`;

/** Uploads a file with tus-js-client (as the web app does), in chunks; resolves with the asset id. */
function tusUpload(url: string, person: TestPerson, path: string, chunkSize = 256 * 1024): Promise<string> {
  const data = readFileSync(path);
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(data, {
      endpoint: `${url}/api/v1/media/uploads`,
      headers: { cookie: cookie(person), 'x-csrf-token': person.csrfToken! },
      metadata: { filename: path.split('/').pop()! },
      chunkSize,
      retryDelays: [],
      onError: reject,
      onSuccess: () => resolve(upload.url!.split('/').pop()!),
    });
    upload.start();
  });
}

describe('media: upload, check, transcode, captions, serving (real PostgreSQL, Redis, BullMQ worker, ffmpeg)', () => {
  let api: RunningApi;
  let worker: INestApplicationContext | null = null;
  let db: DataSource;
  let author: TestPerson;
  let learner: TestPerson;
  let reviewer: TestPerson;
  const storage = new LocalDiskStorage(storageDir);

  const assetRow = async (id: string) =>
    ((await db.query(`SELECT status, progress, error_code, error_message, storage_prefix FROM media_assets WHERE id = $1`, [id])) as {
      status: string; progress: number; error_code: string | null; error_message: string | null; storage_prefix: string | null;
    }[])[0];
  const waitStatus = (id: string, status: string, ms = 60_000) =>
    waitFor(async () => ((await assetRow(id))?.status === status ? true : undefined), `asset ${id} to be ${status}`, ms);

  beforeAll(async () => {
    api = await startApi(env);
    db = api.app.get<DataSource>(getDataSourceToken());
    author = await createPerson(db, { roles: [{ role: 'author' }] });
    reviewer = await createPerson(db, { roles: [{ role: 'reviewer' }] });
    learner = await createPerson(db);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await deleteKeysWithPrefix(prefix);
    for (const dir of [clips, storageDir, workDir]) rmSync(dir, { recursive: true, force: true });
  });

  describe('with a worker', () => {
    beforeAll(async () => {
      worker = await startWorker(env);
    });
    afterAll(async () => {
      await worker?.close();
      worker = null;
    });

    let assetId: string;

    it('uploads a 360p video resumably, transcodes it to 144/240/360 only (never above the source), with audio and a poster', async () => {
      const clip = makeClip(clips, { width: 640, height: 360, seconds: 3 });
      assetId = await tusUpload(api.url, author, clip);
      expect(assetId).toMatch(/^[0-9a-f-]{36}$/);
      await waitStatus(assetId, 'ready');

      const res = await as(api.url, author).get(`/api/v1/media/assets/${assetId}`).expect(200);
      expect(res.body).toMatchObject({ id: assetId, status: 'ready', progress: 100, error: null, width: 640, height: 360 });
      expect(res.body.durationSeconds).toBeCloseTo(3, 0);
      expect(res.body.renditions.map((r: { height: number }) => r.height)).toEqual([144, 240, 360]);
      expect(res.body.hlsUrl).toMatch(new RegExp(`^/api/v1/media/files/${assetId}/r-[0-9a-f]{16}/master\\.m3u8$`));
      expect(res.body.audioUrl).toMatch(/\/audio\/index\.m3u8$/);
      expect(res.body.posterUrl).toMatch(/\/poster\.jpg$/);

      const keys = (await storage.list(`media/${assetId}/`)).map((o) => o.key.replace(`media/${assetId}/`, ''));
      const rev = keys.find((k) => k.startsWith('r-'))!.split('/')[0];
      expect(keys).toEqual(expect.arrayContaining([`${rev}/144p/index.m3u8`, `${rev}/240p/index.m3u8`, `${rev}/360p/index.m3u8`, `${rev}/audio/index.m3u8`, `${rev}/poster.jpg`, 'source.bin']));
      expect(keys.some((k) => k.includes('720p'))).toBe(false);

      const master = await as(api.url, author).get(res.body.hlsUrl).expect(200);
      expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
      expect(master.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(master.text).toContain('RESOLUTION=640x360');
      const poster = await as(api.url, author).get(res.body.posterUrl).expect(200);
      expect(poster.headers['content-type']).toBe('image/jpeg');
      // The local upload file is gone once stored.
      expect(readdirSync(join(workDir, 'uploads')).filter((f) => f.startsWith(assetId))).toEqual([]);
    });

    it('serves byte ranges (206) with an ETag, and 416 past the end', async () => {
      const { body } = await as(api.url, author).get(`/api/v1/media/assets/${assetId}`).expect(200);
      const segment = body.hlsUrl.replace('master.m3u8', '360p/seg_0000.ts');
      const whole = await as(api.url, author).get(segment).buffer(true).parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); }).expect(200);
      expect(whole.headers['content-type']).toBe('video/mp2t');
      const size = (whole.body as Buffer).length;
      const part = await as(api.url, author).get(segment).set('range', 'bytes=100-1123').buffer(true).parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); }).expect(206);
      expect(part.headers['content-range']).toBe(`bytes 100-1123/${size}`);
      expect((part.body as Buffer).equals((whole.body as Buffer).subarray(100, 1124))).toBe(true);
      expect(part.headers.etag).toBe(whole.headers.etag);
      await as(api.url, author).get(segment).set('range', `bytes=${size + 10}-`).expect(416);
      await as(api.url, author).get(segment).set('if-none-match', whole.headers.etag).expect(304);
      // The original is never served.
      await as(api.url, author).get(`/api/v1/media/files/${assetId}/source.bin`).expect(404);
    });

    it('validates captions and reports errors by line; stores and lists valid ones', async () => {
      const bad = 'WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nngược\n\nxin chào\n\n00:00:02.500 --> 00:01:00.000\nquá dài\n';
      const res = await request(api.url).put(`/api/v1/media/assets/${assetId}/captions/vi`).set('cookie', cookie(author)).set('x-csrf-token', author.csrfToken!)
        .set('content-type', 'text/vtt').send(bad).expect(422);
      expect(res.body.details).toEqual([
        { line: 3, message: expect.stringContaining('before or when it starts') },
        { line: 6, message: expect.stringContaining('Expected a cue timing line') },
        { line: 8, message: expect.stringContaining('after the end of the video') },
      ]);
      expect(res.body.message).toMatch(/3 problems/);

      const ok = await request(api.url).put(`/api/v1/media/assets/${assetId}/captions/vi`).set('cookie', cookie(author)).set('x-csrf-token', author.csrfToken!)
        .set('content-type', 'text/vtt').send(VALID_VTT).expect(200);
      expect(ok.body).toEqual({ language: 'vi', url: expect.stringMatching(new RegExp(`^/api/v1/media/files/${assetId}/captions/vi-[0-9a-f]{16}\\.vtt$`)) });
      const vtt = await as(api.url, author).get(ok.body.url).expect(200);
      expect(vtt.headers['content-type']).toBe('text/vtt; charset=utf-8');
      expect(vtt.text).toBe(VALID_VTT);
      const asset = await as(api.url, author).get(`/api/v1/media/assets/${assetId}`).expect(200);
      expect(asset.body.captions).toEqual([{ language: 'vi', url: ok.body.url }]);
      // A learner cannot upload captions.
      await request(api.url).put(`/api/v1/media/assets/${assetId}/captions/en`).set('cookie', cookie(learner)).set('x-csrf-token', learner.csrfToken!)
        .set('content-type', 'text/vtt').send(VALID_VTT).expect(403);
    });

    it('hides an unpublished video from learners and anonymous callers (404), shows it to reviewers, and to anyone once its lesson is published', async () => {
      await as(api.url, learner).get(`/api/v1/media/assets/${assetId}`).expect(404);
      await request(api.url).get(`/api/v1/media/assets/${assetId}`).expect(404);
      const { body } = await as(api.url, reviewer).get(`/api/v1/media/assets/${assetId}`).expect(200);
      await request(api.url).get(body.hlsUrl).expect(404);

      const [{ id: courseId }] = (await db.query(`INSERT INTO courses (slug) VALUES ($1) RETURNING id`, [`media-${assetId.slice(0, 8)}`])) as { id: string }[];
      const [{ id: versionId }] = (await db.query(
        `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, level, estimated_minutes)
         VALUES ($1, 1, 'draft', 'vi', 'Video', 's', 'basic', 5) RETURNING id`, [courseId])) as { id: string }[];
      const [{ id: moduleId }] = (await db.query(`INSERT INTO course_modules (version_id, position, title) VALUES ($1, 1, 'Chương 1') RETURNING id`, [versionId])) as { id: string }[];
      await db.query(`INSERT INTO lessons (module_id, position, kind, title, media_asset_id) VALUES ($1, 1, 'video', 'Bài video', $2)`, [moduleId, assetId]);
      await request(api.url).get(`/api/v1/media/assets/${assetId}`).expect(404); // a draft is not enough
      await db.query(`UPDATE course_versions SET status = 'published', published_at = now() WHERE id = $1`, [versionId]);
      await request(api.url).get(`/api/v1/media/assets/${assetId}`).expect(200);
      const master = await request(api.url).get(body.hlsUrl).expect(200);
      expect(master.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('refuses a renamed HTML file with a clear message, marks the asset failed and keeps nothing', async () => {
      const html = makeRenamedHtml(clips);
      const error = await tusUpload(api.url, author, html).then(() => null, (e: Error) => e);
      expect(error).not.toBeNull();
      const response = (error as tus.DetailedError).originalResponse;
      expect(response?.getStatus()).toBe(415);
      expect(response?.getBody()).toContain('This file is not a video');
      const [row] = (await db.query(`SELECT id, status, error_code, error_message FROM media_assets WHERE owner_id = $1 AND original_filename = 'lecture.mp4'`, [author.id])) as {
        id: string; status: string; error_code: string; error_message: string;
      }[];
      expect(row).toMatchObject({ status: 'failed', error_code: 'not_a_video' });
      expect(row.error_message).toMatch(/not a video/);
      expect(await storage.list(`media/${row.id}/`)).toEqual([]);
      expect(readdirSync(join(workDir, 'uploads')).filter((f) => f.startsWith(row.id))).toEqual([]);
      const view = await as(api.url, author).get(`/api/v1/media/assets/${row.id}`).expect(200);
      expect(view.body).toMatchObject({ status: 'failed', error: { code: 'not_a_video' } });
    });

    it('refuses an upload over the size limit at creation (413) and creates nothing', async () => {
      const before = (await db.query(`SELECT count(*)::int AS n FROM media_assets`))[0].n as number;
      const res = await request(api.url).post('/api/v1/media/uploads').set('cookie', cookie(author)).set('x-csrf-token', author.csrfToken!)
        .set('tus-resumable', '1.0.0').set('upload-length', String(2 * 1024 ** 3 + 1)).expect(413);
      expect(res.body.message).toBe('The video is too large: 2.0 GiB, and the limit is 20 MiB. Shorten or compress it and try again.');
      expect((await db.query(`SELECT count(*)::int AS n FROM media_assets`))[0].n).toBe(before);
    });

    it('lets only signed-in authors upload, resumes after a pause (HEAD gives the offset), and keeps uploads to their owner', async () => {
      await request(api.url).post('/api/v1/media/uploads').set('tus-resumable', '1.0.0').set('upload-length', '10').expect(401);
      await request(api.url).post('/api/v1/media/uploads').set('cookie', cookie(learner)).set('x-csrf-token', learner.csrfToken!)
        .set('tus-resumable', '1.0.0').set('upload-length', '10').expect(403);
      await request(api.url).post('/api/v1/media/uploads').set('cookie', cookie(author)).set('tus-resumable', '1.0.0').set('upload-length', '10').expect(403); // no CSRF token

      const clip = makeClip(clips, { width: 320, height: 180, seconds: 2, audio: false });
      const bytes = readFileSync(clip);
      const created = await request(api.url).post('/api/v1/media/uploads').set('cookie', cookie(author)).set('x-csrf-token', author.csrfToken!)
        .set('tus-resumable', '1.0.0').set('upload-length', String(bytes.length)).expect(201);
      const location = created.headers.location as string;
      expect(location).toMatch(/^\/api\/v1\/media\/uploads\/[0-9a-f-]{36}$/);
      const half = Math.floor(bytes.length / 2);
      await request(api.url).patch(location).set('cookie', cookie(author)).set('x-csrf-token', author.csrfToken!).set('tus-resumable', '1.0.0')
        .set('upload-offset', '0').set('content-type', 'application/offset+octet-stream').send(bytes.subarray(0, half)).expect(204);
      const head = await request(api.url).head(location).set('cookie', cookie(author)).set('tus-resumable', '1.0.0').expect(200);
      expect(head.headers['upload-offset']).toBe(String(half));
      // Another author cannot see or continue it.
      const other = await createPerson(db, { roles: [{ role: 'author' }] });
      await request(api.url).head(location).set('cookie', cookie(other)).set('tus-resumable', '1.0.0').expect(404);
      await request(api.url).patch(location).set('cookie', cookie(author)).set('x-csrf-token', author.csrfToken!).set('tus-resumable', '1.0.0')
        .set('upload-offset', String(half)).set('content-type', 'application/offset+octet-stream').send(bytes.subarray(half)).expect(204);
      const id = location.split('/').pop()!;
      await waitStatus(id, 'ready');
      const res = await as(api.url, author).get(`/api/v1/media/assets/${id}`).expect(200);
      // A source below the lowest rung keeps one rung at its own size; no audio, no audio rendition.
      expect(res.body.renditions.map((r: { height: number }) => r.height)).toEqual([144]);
      expect(res.body.audioUrl).toBeNull();
    });

    it('ingests a local file (demo content, archives) through the same checks', async () => {
      const media = worker!.get(MediaService);
      const clip = makeClip(clips, { width: 320, height: 240, seconds: 2 });
      const id = await media.ingestLocalFile(clip, { ownerId: author.id, filename: 'demo.mp4' });
      await waitStatus(id, 'ready');
      expect(statSync(clip).isFile()).toBe(true); // copied, not moved
      const files = await media.exportFiles(id);
      expect(files.map((f) => f.path)).toEqual(['source.bin']);
      await expect(media.ingestLocalFile(makeRenamedHtml(clips), { ownerId: author.id })).rejects.toThrow(/not a video/);
    });
  });

  it('a retried transcode (first attempt killed at its time limit) leaves no partial renditions and ends ready once', async () => {
    const clip = makeClip(clips, { width: 1280, height: 720, seconds: 5 });
    const media = api.app.get(MediaService);
    // Enqueued while no worker runs; a leftover of an earlier crashed attempt sits in storage.
    const id = await media.ingestLocalFile(clip, { ownerId: author.id, filename: 'big.mp4' });
    await storage.put(`media/${id}/r-00000000deadbeef/720p/seg_0000.ts`, Buffer.from('partial'));

    const slow = await startWorker({ ...env, MEDIA_TRANSCODE_TIMEOUT_SECONDS: '1' });
    await waitFor(async () => ((await assetRow(id))?.error_code === 'timeout' ? true : undefined), 'the first attempt to time out', 30_000);
    await slow.close();
    const afterKill = await assetRow(id);
    expect(afterKill).toMatchObject({ status: 'queued', storage_prefix: null, error_message: expect.stringContaining('was stopped') });
    expect((await storage.list(`media/${id}/`)).map((o) => o.key)).toEqual([`media/${id}/source.bin`]);
    expect(readdirSync(workDir).filter((f) => f.includes(id))).toEqual([]);

    worker = await startWorker(env);
    await waitStatus(id, 'ready', 90_000);
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Media));
    const job = (await queue.getJob(jobId(JobName.TranscodeVideo, id)))!;
    await waitFor(async () => ((await job.getState()) === 'completed' ? true : undefined), 'the job to complete');
    const row = await assetRow(id);
    const keys = (await storage.list(`media/${id}/`)).map((o) => o.key);
    const revisions = new Set(keys.filter((k) => k.includes('/r-')).map((k) => k.split('/')[2]));
    expect(revisions).toEqual(new Set([row.storage_prefix!.split('/')[2]]));
    for (const rung of ['144p', '240p', '360p', '720p', 'audio']) {
      const playlist = (await storage.readBuffer(`${row.storage_prefix}${rung}/index.m3u8`)).toString();
      expect(playlist).toContain('#EXT-X-ENDLIST');
      for (const seg of playlist.split('\n').filter((l) => l.endsWith('.ts'))) expect(await storage.stat(`${row.storage_prefix}${rung}/${seg}`)).not.toBeNull();
    }
    // Running it again does nothing: the asset is ready once.
    await expect(worker.get(MediaService).transcodeAsset(id, { finalAttempt: true })).resolves.toBe('already-ready');
    expect((await storage.list(`media/${id}/`)).map((o) => o.key)).toEqual(keys);
  }, 150_000);
});
