// The catalog query and its row mapping, free of NestJS and TypeORM so that the benchmark's bare
// Fastify baseline (bench/servers/bare-fastify.ts) runs exactly the same SQL as the API.
import type { CourseLevel, TargetGroup } from './course-version.entity';
import type { CourseSummaryDto } from './dto/course-summary.dto';

/** Parameters: $1 language, $2 target group or null, $3 limit, $4 offset. */
export const CATALOG_SQL = `WITH latest AS (
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
  LIMIT $3 OFFSET $4`;

export interface CatalogRow {
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
  /** Matching courses on all pages (a window count on every row). */
  total: number;
}

export function toCourseSummary(r: CatalogRow): CourseSummaryDto {
  return {
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
  };
}
