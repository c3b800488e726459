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

/**
 * The API's catalog query: CATALOG_SQL with filters and the caller's group first. Parameters: $1 language,
 * $2 target group or null, $3 limit, $4 offset, $5 level or null, $6 course language or null,
 * $7 min minutes or null, $8 max minutes or null, $9 folded search words (text[], empty = all),
 * $10 the signed-in learner's target group or null (its courses first), $11/$12 translate() fold table.
 */
export const CATALOG_FILTERED_SQL = `WITH latest AS (
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
        CASE WHEN $10::text IS NULL THEN NULL ELSE $10 = ANY (l.target_groups) END AS for_your_group,
        count(*) OVER ()::int AS total
   FROM latest l
   JOIN courses c ON c.id = l.course_id
  WHERE ($2::text IS NULL OR $2 = ANY (l.target_groups))
    AND ($5::text IS NULL OR l.level = $5)
    AND ($6::text IS NULL OR l.language = $6 OR l.translations ? $6)
    AND ($7::int IS NULL OR l.estimated_minutes >= $7)
    AND ($8::int IS NULL OR l.estimated_minutes <= $8)
    AND NOT EXISTS (
      SELECT 1 FROM unnest($9::text[]) AS w(word)
       WHERE strpos(translate(normalize(l.title || ' ' || l.summary || ' ' || l.translations::text, NFC), $11, $12), w.word) = 0
    )
  ORDER BY CASE WHEN $10::text IS NOT NULL AND $10 = ANY (l.target_groups) THEN 0 ELSE 1 END, l.published_at DESC, c.slug
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
  /** Only from CATALOG_FILTERED_SQL for a signed-in learner with a target group. */
  for_your_group?: boolean | null;
  /** Matching courses on all pages (a window count on every row). */
  total: number;
}

export function toCourseSummary(r: CatalogRow): CourseSummaryDto {
  const summary: CourseSummaryDto = {
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
  if (r.for_your_group !== undefined && r.for_your_group !== null) summary.forYourGroup = r.for_your_group;
  return summary;
}
