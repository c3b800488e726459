import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../identity/auth-user';
import { ENROLMENT_BY_SLUG_SQL, toEnrolmentDto, type EnrolmentRow } from '../learning/enrolment-view';
import { CATALOG_FILTERED_SQL, toCourseSummary, type CatalogRow } from './catalog.query';
import type { CourseLevel, TargetGroup } from './course-version.entity';
import type { CourseDetailDto } from './dto/course-detail.dto';
import type { CourseListDto } from './dto/course-summary.dto';
import { DURATION_BAND_MINUTES, type ListCoursesQuery } from './dto/list-courses.query';
import type { LessonKind, LessonTranslations } from './lesson.entity';
import { localize, servedLanguage } from './localize';
import { FOLD_FROM, FOLD_TO, searchWords } from './search-text';

interface DetailRow {
  id: string;
  slug: string;
  version_id: string;
  version_number: number;
  language: string;
  title: string;
  summary: string;
  translations: Record<string, { title?: string; summary?: string }>;
  target_groups: TargetGroup[];
  level: CourseLevel;
  estimated_minutes: number;
  sequential: boolean;
  published_at: Date;
  modules: {
    id: string;
    moduleKey: string;
    position: number;
    title: string;
    translations: Record<string, { title?: string }>;
    lessons: { id: string; lessonKey: string; position: number; kind: LessonKind; title: string; estimatedMinutes: number; translations: LessonTranslations }[];
  }[];
}

@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The newest published version of each course, in the requested language when translated; the
   * signed-in learner's target group first; filtered by group, level, language, duration and words.
   */
  async listPublished(query: ListCoursesQuery, user: AuthUser | null = null): Promise<CourseListDto> {
    const lang = query.lang ?? 'vi';
    const band = query.duration ? DURATION_BAND_MINUTES[query.duration] : { min: null, max: null };
    const min = maxOf(band.min, query.minMinutes);
    const max = minOf(band.max, query.maxMinutes);
    const ownGroup = user ? await this.targetGroupOf(user.id) : null;
    const params = [lang, query.targetGroup ?? null, query.limit ?? 50, query.offset ?? 0, query.level ?? null, query.language ?? null, min, max, searchWords(query.q), ownGroup, FOLD_FROM, FOLD_TO];
    const rows: CatalogRow[] = await this.dataSource.query(CATALOG_FILTERED_SQL, params);
    if (rows[0] || (query.offset ?? 0) === 0) return { total: rows[0]?.total ?? 0, items: rows.map(toCourseSummary) };
    // Past the last page: no row carries the window count; count with the same filters.
    const [count] = (await this.dataSource.query(CATALOG_FILTERED_SQL, [...params.slice(0, 2), 1, 0, ...params.slice(4)])) as CatalogRow[];
    return { total: count?.total ?? 0, items: [] };
  }

  private async targetGroupOf(userId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT target_group FROM users WHERE id = $1`, [userId])) as { target_group: string | null }[];
    return rows[0]?.target_group ?? null;
  }

  /** The course page: newest published version, its outline, and the caller's enrolment. */
  async course(slug: string, wantedLanguage: string | undefined, user: AuthUser | null): Promise<CourseDetailDto> {
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.slug, v.id AS version_id, v.version_number, v.language, v.title, v.summary, v.translations, v.target_groups, v.level,
              v.estimated_minutes, v.sequential, v.published_at,
              COALESCE((SELECT json_agg(json_build_object(
                  'id', m.id, 'moduleKey', m.module_key, 'position', m.position, 'title', m.title, 'translations', m.translations,
                  'lessons', COALESCE((SELECT json_agg(json_build_object(
                      'id', le.id, 'lessonKey', le.lesson_key, 'position', le.position, 'kind', le.kind, 'title', le.title,
                      'estimatedMinutes', le.estimated_minutes, 'translations', le.translations) ORDER BY le.position)
                    FROM lessons le WHERE le.module_id = m.id), '[]'::json)) ORDER BY m.position)
                FROM course_modules m WHERE m.version_id = v.id), '[]'::json) AS modules
         FROM courses c
         JOIN LATERAL (SELECT * FROM course_versions cv WHERE cv.course_id = c.id AND cv.status = 'published' ORDER BY cv.version_number DESC LIMIT 1) v ON true
        WHERE c.slug = $1`,
      [slug],
    )) as DetailRow[];
    const r = rows[0];
    if (!r) throw new NotFoundException(`There is no published course "${slug}".`);
    const language = wantedLanguage ?? (user ? await this.preferredLanguage(user.id) : null) ?? 'vi';
    const texts = localize({ title: r.title, summary: r.summary }, r.translations, language, ['title', 'summary']);
    const ownGroup = user ? await this.targetGroupOf(user.id) : null;
    let enrolment: CourseDetailDto['enrolment'] = null;
    if (user) {
      const found = (await this.dataSource.query(ENROLMENT_BY_SLUG_SQL, [user.id, slug])) as EnrolmentRow[];
      enrolment = found[0] ? toEnrolmentDto(found[0]) : null;
    }
    const detail: CourseDetailDto = {
      id: r.id,
      slug: r.slug,
      title: texts.title,
      summary: texts.summary,
      language: servedLanguage(r.language, r.translations, language),
      targetGroups: r.target_groups,
      level: r.level,
      estimatedMinutes: r.estimated_minutes,
      lessonCount: r.modules.reduce((n, m) => n + m.lessons.length, 0),
      publishedAt: r.published_at.toISOString(),
      versionId: r.version_id,
      versionNumber: r.version_number,
      sequential: r.sequential,
      modules: r.modules.map((m) => ({
        id: m.id,
        moduleKey: m.moduleKey,
        position: m.position,
        title: localize({ title: m.title }, m.translations, language, ['title']).title,
        lessons: m.lessons.map((l) => ({
          id: l.id,
          lessonKey: l.lessonKey,
          position: l.position,
          kind: l.kind,
          title: localize({ title: l.title }, l.translations, language, ['title']).title,
          estimatedMinutes: l.estimatedMinutes,
        })),
      })),
      enrolment,
    };
    if (ownGroup) detail.forYourGroup = r.target_groups.includes(ownGroup as TargetGroup);
    return detail;
  }

  private async preferredLanguage(userId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT preferences ->> 'language' AS language FROM users WHERE id = $1`, [userId])) as { language: string | null }[];
    return rows[0]?.language ?? null;
  }
}

function maxOf(a: number | null, b: number | undefined): number | null {
  if (b === undefined) return a;
  return a === null ? b : Math.max(a, b);
}

function minOf(a: number | null, b: number | undefined): number | null {
  if (b === undefined) return a;
  return a === null ? b : Math.min(a, b);
}
