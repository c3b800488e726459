import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LessonKind, LessonTranslations } from '../catalog/lesson.entity';

export interface OutlineLesson {
  id: string;
  lessonKey: string;
  position: number;
  kind: LessonKind;
  title: string;
  body: string | null;
  estimatedMinutes: number;
  completionPercent: number;
  mediaAssetId: string | null;
  translations: LessonTranslations;
}

export interface OutlineModule {
  id: string;
  moduleKey: string;
  position: number;
  title: string;
  translations: Record<string, { title?: string }>;
  lessons: OutlineLesson[];
}

export interface VersionOutline {
  versionId: string;
  courseId: string;
  slug: string;
  versionNumber: number;
  status: string;
  language: string;
  title: string;
  summary: string;
  translations: Record<string, { title?: string; summary?: string }>;
  targetGroups: string[];
  level: string;
  estimatedMinutes: number;
  sequential: boolean;
  publishedAt: Date | null;
  modules: OutlineModule[];
  /** Lessons in path order (module position, then lesson position). */
  lessons: OutlineLesson[];
}

const TTL_MS = 60_000;

/** A version's modules and lessons, read in one query; published versions (immutable) are cached for a minute. */
@Injectable()
export class CourseOutlines {
  private readonly cache = new Map<string, { outline: VersionOutline; until: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byVersion(versionId: string): Promise<VersionOutline | null> {
    const hit = this.cache.get(versionId);
    if (hit && hit.until > Date.now()) return hit.outline;
    const rows = (await this.dataSource.query(
      `SELECT v.id AS version_id, v.course_id, c.slug, v.version_number, v.status, v.language, v.title, v.summary, v.translations,
              v.target_groups, v.level, v.estimated_minutes, v.sequential, v.published_at,
              COALESCE((SELECT json_agg(json_build_object(
                  'id', m.id, 'moduleKey', m.module_key, 'position', m.position, 'title', m.title, 'translations', m.translations,
                  'lessons', COALESCE((SELECT json_agg(json_build_object(
                      'id', le.id, 'lessonKey', le.lesson_key, 'position', le.position, 'kind', le.kind, 'title', le.title, 'body', le.body,
                      'estimatedMinutes', le.estimated_minutes, 'completionPercent', le.completion_percent,
                      'mediaAssetId', le.media_asset_id, 'translations', le.translations) ORDER BY le.position)
                    FROM lessons le WHERE le.module_id = m.id), '[]'::json)) ORDER BY m.position)
                FROM course_modules m WHERE m.version_id = v.id), '[]'::json) AS modules
         FROM course_versions v JOIN courses c ON c.id = v.course_id
        WHERE v.id = $1`,
      [versionId],
    )) as {
      version_id: string;
      course_id: string;
      slug: string;
      version_number: number;
      status: string;
      language: string;
      title: string;
      summary: string;
      translations: VersionOutline['translations'];
      target_groups: string[];
      level: string;
      estimated_minutes: number;
      sequential: boolean;
      published_at: Date | null;
      modules: OutlineModule[];
    }[];
    const r = rows[0];
    if (!r) return null;
    const outline: VersionOutline = {
      versionId: r.version_id,
      courseId: r.course_id,
      slug: r.slug,
      versionNumber: r.version_number,
      status: r.status,
      language: r.language,
      title: r.title,
      summary: r.summary,
      translations: r.translations ?? {},
      targetGroups: r.target_groups,
      level: r.level,
      estimatedMinutes: r.estimated_minutes,
      sequential: r.sequential,
      publishedAt: r.published_at,
      modules: r.modules,
      lessons: r.modules.flatMap((m) => m.lessons),
    };
    if (r.status === 'published' || r.status === 'archived') {
      if (this.cache.size > 2000) this.cache.clear();
      this.cache.set(versionId, { outline, until: Date.now() + TTL_MS });
    }
    return outline;
  }

  /** The newest published version of a course by slug, or null. */
  async newestPublished(slug: string): Promise<VersionOutline | null> {
    const rows = (await this.dataSource.query(
      `SELECT v.id FROM course_versions v JOIN courses c ON c.id = v.course_id
        WHERE c.slug = $1 AND v.status = 'published' ORDER BY v.version_number DESC LIMIT 1`,
      [slug],
    )) as { id: string }[];
    return rows[0] ? this.byVersion(rows[0].id) : null;
  }
}
