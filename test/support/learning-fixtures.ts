import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MediaService } from '../../apps/api/src/modules/media';

const run = promisify(execFile);

/**
 * A tiny test clip made with ffmpeg (H.264 + AAC, 426×240, `seconds` long, a moving test pattern and
 * a tone), cached in the temp folder for the run.
 */
export async function makeTestClip(seconds = 20): Promise<string> {
  const path = join(tmpdir(), `hocso-test-clip-${seconds}s-240p.mp4`);
  if (existsSync(path)) return path;
  const partial = `${path}.${process.pid}.part.mp4`;
  await run('ffmpeg', [
    '-nostdin', '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=426x240:rate=24:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', '-shortest', '-movflags', '+faststart',
    partial,
  ]);
  await run('mv', [partial, path]);
  return path;
}

export interface LearningCourse {
  slug: string;
  title: string;
  courseId: string;
  versionId: string;
  videoLessonId: string;
  videoLessonTitle: string;
  textLessonId: string;
  textLessonTitle: string;
  assetId: string;
  durationSeconds: number;
}

/**
 * A published course with a ready video lesson (transcoded to HLS by the media module's own
 * transcoding, run here directly instead of by a worker) and a text lesson after it.
 */
export async function createLearningCourse(
  app: INestApplicationContext,
  { clipSeconds = 20, completionPercent = 90, sequential = false, captionsVtt }: { clipSeconds?: number; completionPercent?: number; sequential?: boolean; captionsVtt?: string } = {},
): Promise<LearningCourse> {
  const media = app.get(MediaService);
  const db = app.get(DataSource);
  const clip = await makeTestClip(clipSeconds);
  const assetId = await media.ingestLocalFile(clip, { ownerId: null, filename: 'clip.mp4' });
  const outcome = await media.transcodeAsset(assetId, { finalAttempt: true });
  if (outcome === 'missing') throw new Error('the media asset disappeared');
  if (captionsVtt) await media.putCaptions(assetId, 'vi', captionsVtt);

  const tag = randomBytes(4).toString('hex');
  const slug = `hoc-thu-video-${tag}`;
  const title = `Khoá học thử video ${tag}`;
  return db.transaction(async (m) => {
    const [{ id: courseId }] = (await m.query(`INSERT INTO courses (slug) VALUES ($1) RETURNING id`, [slug])) as { id: string }[];
    const [{ id: versionId }] = (await m.query(
      `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, translations, target_groups, level, estimated_minutes, sequential, published_at)
       VALUES ($1, 1, 'published', 'vi', $2, $3, $4, $5, 'basic', 10, $6, now()) RETURNING id`,
      [courseId, title, 'Xem một video ngắn và đọc một bài.', JSON.stringify({ en: { title: `Video trial course ${tag}`, summary: 'Watch a short video and read a lesson.' } }), ['citizens'], sequential],
    )) as { id: string }[];
    const [{ id: moduleId }] = (await m.query(`INSERT INTO course_modules (version_id, position, title) VALUES ($1, 1, $2) RETURNING id`, [versionId, 'Phần mở đầu'])) as { id: string }[];
    const videoLessonTitle = 'Xem video giới thiệu';
    const textLessonTitle = 'Đọc: an toàn khi dùng mạng';
    const [{ id: videoLessonId }] = (await m.query(
      `INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes, completion_percent, media_asset_id) VALUES ($1, 1, 'video', $2, NULL, 1, $3, $4) RETURNING id`,
      [moduleId, videoLessonTitle, completionPercent, assetId],
    )) as { id: string }[];
    const paragraphs = Array.from({ length: 12 }, (_, i) => `<p>Đoạn ${i + 1}: không chia sẻ mật khẩu và mã OTP cho bất kỳ ai, kể cả người tự xưng là nhân viên ngân hàng.</p>`).join('');
    const [{ id: textLessonId }] = (await m.query(
      `INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes) VALUES ($1, 2, 'text', $2, $3, 3) RETURNING id`,
      [moduleId, textLessonTitle, `<h2>Giữ an toàn</h2>${paragraphs}`],
    )) as { id: string }[];
    const durationRows = (await m.query(`SELECT duration_seconds FROM media_assets WHERE id = $1`, [assetId])) as { duration_seconds: string | number | null }[];
    return {
      slug, title, courseId, versionId, videoLessonId, videoLessonTitle, textLessonId, textLessonTitle, assetId,
      durationSeconds: Number(durationRows[0]?.duration_seconds ?? clipSeconds),
    };
  });
}
