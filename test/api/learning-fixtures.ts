import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface FixtureLesson {
  kind: 'video' | 'text' | 'quiz' | 'practice' | 'resource';
  estimatedMinutes?: number;
  completionPercent?: number;
  lessonKey?: string;
  title?: string;
}

export interface FixtureVersion {
  courseId: string;
  slug: string;
  versionId: string;
  versionNumber: number;
  lessons: { id: string; lessonKey: string; kind: FixtureLesson['kind'] }[];
}

/** A published course version written straight to the database (a new course unless courseId is given). */
export async function publishVersion(
  db: DataSource,
  options: { slug?: string; courseId?: string; versionNumber?: number; sequential?: boolean; lessons: FixtureLesson[]; targetGroups?: string[]; title?: string; level?: string; language?: string },
): Promise<FixtureVersion> {
  let courseId = options.courseId;
  const slug = options.slug ?? `learning-test-${randomUUID().slice(0, 8)}`;
  if (!courseId) {
    [{ id: courseId }] = (await db.query(`INSERT INTO courses (slug) VALUES ($1) RETURNING id`, [slug])) as { id: string }[];
  }
  const versionNumber = options.versionNumber ?? 1;
  const minutes = options.lessons.reduce((n, l) => n + (l.estimatedMinutes ?? 5), 0);
  const [{ id: versionId }] = (await db.query(
    `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, target_groups, level, estimated_minutes, sequential, published_at)
     VALUES ($1, $2::int, 'published', $3, $4, 'Tóm tắt', $5, $6, $7, $8, now() + make_interval(secs => $2::int)) RETURNING id`,
    [courseId, versionNumber, options.language ?? 'vi', options.title ?? `Khoá học thử ${slug}`, options.targetGroups ?? ['citizens'], options.level ?? 'basic', minutes, options.sequential ?? false],
  )) as { id: string }[];
  const [{ id: moduleId }] = (await db.query(`INSERT INTO course_modules (version_id, position, title) VALUES ($1, 1, 'Chương 1') RETURNING id`, [versionId])) as { id: string }[];
  const lessons: FixtureVersion['lessons'] = [];
  for (const [i, l] of options.lessons.entries()) {
    const lessonKey = l.lessonKey ?? randomUUID();
    const [{ id }] = (await db.query(
      `INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes, lesson_key, completion_percent, translations)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        moduleId,
        i + 1,
        l.kind,
        l.title ?? `Bài ${i + 1}`,
        l.kind === 'text' ? '<p>Nội dung</p>' : null,
        l.estimatedMinutes ?? 5,
        lessonKey,
        l.completionPercent ?? 90,
        JSON.stringify({ en: { title: `Lesson ${i + 1}`, body: '<p>Content</p>' } }),
      ],
    )) as { id: string }[];
    lessons.push({ id, lessonKey, kind: l.kind });
  }
  return { courseId: courseId!, slug: options.courseId ? (await db.query(`SELECT slug FROM courses WHERE id = $1`, [courseId]))[0].slug : slug, versionId, versionNumber, lessons };
}

let clock = Date.parse('2026-12-01T08:00:00Z');
/** A progress event with a fresh id and an increasing event time (unless `at` is given). */
export function ev(lessonId: string, type: string, extra: { from?: number; to?: number; position?: number; at?: string; id?: string } = {}) {
  clock += 1000;
  return { id: extra.id ?? randomUUID(), lessonId, type, at: extra.at ?? new Date(clock).toISOString(), ...pick(extra) };
}

function pick(extra: { from?: number; to?: number; position?: number }) {
  const out: Record<string, number> = {};
  if (extra.from !== undefined) out.from = extra.from;
  if (extra.to !== undefined) out.to = extra.to;
  if (extra.position !== undefined) out.position = extra.position;
  return out;
}
