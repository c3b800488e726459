import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LessonKind } from '../catalog/lesson.entity';

/** How a lesson completes from progress events ('never': only through LessonCompletionService, e.g. a passed quiz). */
export type CompletionRule = 'video' | 'text' | 'opened' | 'never';

export function completionRuleOf(kind: LessonKind): CompletionRule {
  switch (kind) {
    case 'video':
      return 'video';
    case 'text':
      return 'text';
    case 'quiz':
      return 'never';
    default:
      return 'opened';
  }
}

/** What the progress path needs to know of a lesson. */
export interface LessonMeta {
  id: string;
  lessonKey: string;
  kind: LessonKind;
  courseId: string;
  versionId: string;
  versionStatus: string;
  completionPercent: number;
  estimatedMinutes: number;
  mediaAssetId: string | null;
  /** The video's length: the media asset's when known, else the lesson's estimated minutes. */
  durationSeconds: number;
  /** Whether durationSeconds comes from the media asset. */
  durationKnown: boolean;
}

interface Cached {
  meta: LessonMeta;
  until: number;
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;

/**
 * Lesson facts for the progress hot path, cached in the process for a minute: a published version's
 * lessons never change (only a video's duration may become known later). Enrolments are cached too
 * (positive answers only, 5 min, re-read on a version mismatch, cleared on this process's enrol/upgrade), see LearningService.
 */
@Injectable()
export class LessonDirectory {
  private readonly cache = new Map<string, Cached>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lessons(ids: readonly string[]): Promise<Map<string, LessonMeta>> {
    const now = Date.now();
    const out = new Map<string, LessonMeta>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.cache.get(id);
      if (hit && hit.until > now) out.set(id, hit.meta);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const rows = (await this.dataSource.query(
      `SELECT le.id, le.lesson_key, le.kind, le.completion_percent, le.estimated_minutes, le.media_asset_id,
              m.version_id, v.course_id, v.status, ma.duration_seconds
         FROM lessons le
         JOIN course_modules m ON m.id = le.module_id
         JOIN course_versions v ON v.id = m.version_id
         LEFT JOIN media_assets ma ON ma.id = le.media_asset_id
        WHERE le.id = ANY ($1::uuid[])`,
      [missing],
    )) as {
      id: string;
      lesson_key: string;
      kind: LessonKind;
      completion_percent: number;
      estimated_minutes: number;
      media_asset_id: string | null;
      version_id: string;
      course_id: string;
      status: string;
      duration_seconds: number | null;
    }[];
    if (this.cache.size > MAX_ENTRIES) this.cache.clear();
    for (const r of rows) {
      const durationKnown = r.duration_seconds !== null && r.duration_seconds > 0;
      const meta: LessonMeta = {
        id: r.id,
        lessonKey: r.lesson_key,
        kind: r.kind,
        courseId: r.course_id,
        versionId: r.version_id,
        versionStatus: r.status,
        completionPercent: r.completion_percent,
        estimatedMinutes: r.estimated_minutes,
        mediaAssetId: r.media_asset_id,
        durationSeconds: durationKnown ? r.duration_seconds! : Math.max(1, r.estimated_minutes) * 60,
        durationKnown,
      };
      out.set(r.id, meta);
      // Drafts may still change: only published (immutable) lessons are cached.
      if (r.status === 'published' || r.status === 'archived') this.cache.set(r.id, { meta, until: now + TTL_MS });
    }
    return out;
  }
}
