import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CourseLevel, TargetGroup } from './course-version.entity';
import type { CourseListDto } from './dto/course-summary.dto';
import type { ListCoursesQuery } from './dto/list-courses.query';

interface CatalogRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  language: string;
  target_groups: TargetGroup[];
  level: CourseLevel;
  estimated_minutes: number;
  lesson_count: number;
  published_at: Date;
  total: number;
}

@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest published version of each course, in the requested language when translated. */
  async listPublished(query: ListCoursesQuery): Promise<CourseListDto> {
    const lang = query.lang ?? 'vi';
    const rows: CatalogRow[] = await this.dataSource.query(
      `WITH latest AS (
         SELECT DISTINCT ON (v.course_id) v.*
           FROM course_versions v
          WHERE v.status = 'published'
          ORDER BY v.course_id, v.version_number DESC
       )
       SELECT c.id, c.slug,
              COALESCE(l.translations -> $1 ->> 'title', l.title) AS title,
              COALESCE(l.translations -> $1 ->> 'summary', l.summary) AS summary,
              CASE WHEN l.translations -> $1 ->> 'title' IS NOT NULL THEN $1 ELSE l.language END AS language,
              l.target_groups, l.level, l.estimated_minutes, l.published_at,
              (SELECT count(*)::int FROM lessons le JOIN course_modules m ON m.id = le.module_id WHERE m.version_id = l.id) AS lesson_count,
              count(*) OVER ()::int AS total
         FROM latest l
         JOIN courses c ON c.id = l.course_id
        WHERE ($2::text IS NULL OR $2 = ANY (l.target_groups))
        ORDER BY l.published_at DESC, c.slug
        LIMIT $3 OFFSET $4`,
      [lang, query.targetGroup ?? null, query.limit ?? 50, query.offset ?? 0],
    );
    return {
      total: rows[0]?.total ?? (await this.countPublished(query.targetGroup)),
      items: rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        title: r.title,
        summary: r.summary,
        language: r.language,
        targetGroups: r.target_groups,
        level: r.level,
        estimatedMinutes: r.estimated_minutes,
        lessonCount: r.lesson_count,
        publishedAt: r.published_at.toISOString(),
      })),
    };
  }

  /** Only needed when the requested page is past the end (no row to carry the window count). */
  private async countPublished(targetGroup: TargetGroup | undefined): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(DISTINCT course_id)::int AS total FROM course_versions
        WHERE status = 'published' AND ($1::text IS NULL OR $1 = ANY (target_groups))`,
      [targetGroup ?? null],
    );
    return (row as { total: number }).total;
  }
}
